using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace ShortApi.Vidu.History
{
    /// <summary>One history line, read. Lines that are not JSON objects, or that name no event, are skipped, never fatal.</summary>
    internal sealed class HistoryRecord
    {
        private HistoryRecord(JsonElement line)
        {
            Event = Text(line, "event") ?? string.Empty;
            Time = Date(line, "time");
            JobId = Text(line, "jobId");
            SendId = Text(line, "sendId");
            BatchId = Text(line, "batchId");
            Endpoint = Text(line, "endpoint");
            User = Text(line, "user");
            Machine = Text(line, "machine");
            Session = Text(line, "session");
            CreatedAt = Date(line, "createdAt");
            Model = Text(line, "model");
            Kind = Enum.TryParse<VideoKind>(Text(line, "kind"), out var kind) ? kind : (VideoKind?)null;
            Image = Text(line, "image");
            EndImage = Text(line, "endImage");
            ReferenceImages = Strings(line, "referenceImages");
            AspectRatio = Text(line, "aspectRatio");
            Prompt = Text(line, "prompt");
            Mode = Text(line, "mode");
            Resolution = Text(line, "resolution");
            Duration = Int(line, "duration");
            GenerateAudio = line.TryGetProperty("generateAudio", out var audio) && audio.ValueKind == JsonValueKind.True;
            VoiceId = Text(line, "voiceId");
            CallbackUrl = Text(line, "callbackUrl");
            Estimate = Decimal(line, "estimate");
            Amount = Decimal(line, "amount");
            Status = Enum.TryParse<JobStatus>(Text(line, "status"), out var status) ? status : (JobStatus?)null;
            StatusCode = Int(line, "statusCode");
            VideoUrls = Strings(line, "videoUrls");
            Error = Text(line, "error");
            SavedPath = Text(line, "savedPath");
            Length = Long(line, "length");
            Sha256 = Text(line, "sha256");
        }

        public string Event { get; }
        public DateTimeOffset? Time { get; }
        public string? JobId { get; }
        public string? SendId { get; }
        public string? BatchId { get; }
        public string? Endpoint { get; }
        public string? User { get; }
        public string? Machine { get; }
        public string? Session { get; }
        public DateTimeOffset? CreatedAt { get; }
        public string? Model { get; }
        public VideoKind? Kind { get; }
        public string? Image { get; }
        public string? EndImage { get; }
        public string[]? ReferenceImages { get; }
        public string? AspectRatio { get; }
        public string? Prompt { get; }
        public string? Mode { get; }
        public string? Resolution { get; }
        public int? Duration { get; }
        public bool GenerateAudio { get; }
        public string? VoiceId { get; }
        public string? CallbackUrl { get; }
        public decimal? Estimate { get; }
        public decimal? Amount { get; }
        public JobStatus? Status { get; }
        public int? StatusCode { get; }
        public string[]? VideoUrls { get; }
        public string? Error { get; }
        public string? SavedPath { get; }
        public long? Length { get; }
        public string? Sha256 { get; }

        /// <summary>A line that makes a job or a create appear (rather than change one).</summary>
        public bool IsCreation => Event == "created" || Event == "sending";

        /// <summary>The record on a line, or null for a line that cannot be read (torn, not an object, no event).</summary>
        public static HistoryRecord? Parse(string line)
        {
            try
            {
                using var document = JsonDocument.Parse(line);
                if (document.RootElement.ValueKind != JsonValueKind.Object) return null;
                var record = new HistoryRecord(document.RootElement);
                return record.Event.Length == 0 ? null : record;
            }
            catch (JsonException)
            {
                // A line torn by a power cut or a killed process: the rest of the history is still good.
                return null;
            }
        }

        private static string[]? Strings(JsonElement line, string name) =>
            line.TryGetProperty(name, out var values) && values.ValueKind == JsonValueKind.Array
                ? values.EnumerateArray().Where(u => u.ValueKind == JsonValueKind.String).Select(u => u.GetString()!).ToArray()
                : null;

        private static string? Text(JsonElement line, string name) =>
            line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static int? Int(JsonElement line, string name) =>
            line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : (int?)null;

        private static long? Long(JsonElement line, string name) =>
            line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) ? number : (long?)null;

        private static decimal? Decimal(JsonElement line, string name) =>
            line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number : (decimal?)null;

        private static DateTimeOffset? Date(JsonElement line, string name) =>
            DateTimeOffset.TryParse(Text(line, name), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value) ? value : (DateTimeOffset?)null;
    }
}
