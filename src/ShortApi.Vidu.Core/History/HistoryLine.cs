using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace ShortApi.Vidu.History
{
    /// <summary>The JSON shape of one history line, written and read by hand so field names are fixed and no key can slip in.</summary>
    internal static class HistoryLine
    {
        private const int FormatVersion = 1;

        public static byte[] Write(HistoryEvent kind, VideoJob job, string? savedPath, DateTimeOffset now)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteNumber("v", FormatVersion);
                json.WriteString("event", kind.ToString().ToLowerInvariant());
                json.WriteString("time", now.ToString("o", CultureInfo.InvariantCulture));
                json.WriteString("jobId", job.JobId);
                if (kind == HistoryEvent.Created)
                {
                    WriteIf(json, "endpoint", job.Endpoint);
                    WriteIf(json, "batchId", job.BatchId);
                    WriteIf(json, "createdAt", job.CreatedAt?.ToString("o", CultureInfo.InvariantCulture));
                    WriteIf(json, "image", job.Image);
                    WriteIf(json, "prompt", job.Prompt);
                    WriteIf(json, "mode", job.Mode);
                    WriteIf(json, "resolution", job.Resolution);
                    if (job.Duration is int duration) json.WriteNumber("duration", duration);
                    if (job.GenerateAudio) json.WriteBoolean("generateAudio", true);
                    WriteIf(json, "voiceId", job.VoiceId);
                    WriteIf(json, "callbackUrl", job.CallbackUrl);
                    if (job.EstimatedCost is decimal estimate) json.WriteNumber("estimate", estimate);
                    if (job.Amount is decimal amount) json.WriteNumber("amount", amount);
                }
                if (kind == HistoryEvent.Status || kind == HistoryEvent.Created)
                {
                    json.WriteString("status", job.Status.ToString());
                    if (job.StatusCode is int code) json.WriteNumber("statusCode", code);
                    if (job.VideoUrls.Length > 0)
                    {
                        json.WriteStartArray("videoUrls");
                        foreach (var url in job.VideoUrls) json.WriteStringValue(url);
                        json.WriteEndArray();
                    }
                    WriteIf(json, "error", job.Error);
                }
                if (kind == HistoryEvent.Saved) WriteIf(json, "savedPath", savedPath);
                json.WriteEndObject();
            }
            buffer.WriteByte((byte)'\n');
            return buffer.ToArray();
        }

        public static void Apply(JsonElement line, Dictionary<string, VideoJob> jobs, List<VideoJob> order)
        {
            var jobId = Text(line, "jobId");
            var kind = Text(line, "event");
            if (string.IsNullOrEmpty(jobId) || kind == null) return;
            if (!jobs.TryGetValue(jobId!, out var job))
            {
                job = new VideoJob(jobId!);
                jobs.Add(jobId!, job);
                order.Add(job);
            }
            switch (kind)
            {
                case "created":
                    job.Endpoint = Text(line, "endpoint") ?? job.Endpoint;
                    job.BatchId = Text(line, "batchId") ?? job.BatchId;
                    job.CreatedAt = Date(line, "createdAt") ?? Date(line, "time") ?? job.CreatedAt;
                    job.Image = Text(line, "image") ?? job.Image;
                    job.Prompt = Text(line, "prompt") ?? job.Prompt;
                    job.Mode = Text(line, "mode") ?? job.Mode;
                    job.Resolution = Text(line, "resolution") ?? job.Resolution;
                    job.Duration = Int(line, "duration") ?? job.Duration;
                    job.GenerateAudio = line.TryGetProperty("generateAudio", out var audio) && audio.ValueKind == JsonValueKind.True;
                    job.VoiceId = Text(line, "voiceId") ?? job.VoiceId;
                    job.CallbackUrl = Text(line, "callbackUrl") ?? job.CallbackUrl;
                    job.EstimatedCost = Decimal(line, "estimate") ?? job.EstimatedCost;
                    job.Amount = Decimal(line, "amount") ?? job.Amount;
                    ApplyStatus(line, job);
                    break;
                case "status":
                    ApplyStatus(line, job);
                    break;
                case "saved":
                    job.SavedPath = Text(line, "savedPath") ?? job.SavedPath;
                    break;
            }
        }

        private static void ApplyStatus(JsonElement line, VideoJob job)
        {
            if (Enum.TryParse<JobStatus>(Text(line, "status"), out var status)) job.Status = status;
            job.StatusCode = Int(line, "statusCode") ?? job.StatusCode;
            var time = Date(line, "time");
            job.UpdatedAt = time ?? job.UpdatedAt;
            if (status.IsFinal() && job.CompletedAt == null) job.CompletedAt = time;
            if (line.TryGetProperty("videoUrls", out var urls) && urls.ValueKind == JsonValueKind.Array)
                job.VideoUrls = urls.EnumerateArray().Where(u => u.ValueKind == JsonValueKind.String).Select(u => u.GetString()!).ToArray();
            job.Error = Text(line, "error") ?? job.Error;
        }

        private static void WriteIf(Utf8JsonWriter json, string name, string? value)
        {
            if (value != null) json.WriteString(name, value);
        }

        private static string? Text(JsonElement line, string name) =>
            line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

        private static int? Int(JsonElement line, string name) =>
            line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : (int?)null;

        private static decimal? Decimal(JsonElement line, string name) =>
            line.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) ? number : (decimal?)null;

        private static DateTimeOffset? Date(JsonElement line, string name) =>
            DateTimeOffset.TryParse(Text(line, name), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var value) ? value : (DateTimeOffset?)null;
    }
}
