using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.History
{
    /// <summary>
    /// Writes the history's lines by hand, so field names are fixed and nothing that holds the key can slip in.
    /// Version 2 adds "batch", "sending", "refused" and "unconfirmed" lines to version 1's "created", "status", "saved".
    /// </summary>
    internal static class HistoryLine
    {
        public const int FormatVersion = 2;

        public static byte[] Batch(BatchStart batch) => Write("batch", batch.Time, json =>
        {
            json.WriteString("batchId", batch.BatchId);
            json.WriteString("endpoint", batch.Endpoint);
            json.WriteString("user", SessionIdentity.User);
            json.WriteString("machine", SessionIdentity.Machine);
            json.WriteString("session", SessionIdentity.Session);
        });

        public static byte[] Sending(SendingCreate create) => Write("sending", create.Time, json =>
        {
            json.WriteString("sendId", create.SendId);
            json.WriteString("batchId", create.BatchId);
            json.WriteString("endpoint", create.Endpoint);
            WriteRequest(json, create.Request, create.Estimate);
        });

        public static byte[] Created(string sendId, VideoJob job, DateTimeOffset now) => Write("created", now, json =>
        {
            json.WriteString("jobId", job.JobId);
            if (sendId.Length > 0) json.WriteString("sendId", sendId);
            WriteIf(json, "endpoint", job.Endpoint);
            WriteIf(json, "batchId", job.BatchId);
            WriteIf(json, "createdAt", Iso(job.CreatedAt));
            WriteIf(json, "model", job.Model);
            WriteIf(json, "kind", job.Kind?.ToString());
            WriteIf(json, "image", job.Image);
            WriteIf(json, "endImage", job.EndImage);
            WriteList(json, "referenceImages", job.ReferenceImages);
            WriteIf(json, "aspectRatio", job.AspectRatio);
            WriteIf(json, "prompt", job.Prompt);
            WriteIf(json, "mode", job.Mode);
            WriteIf(json, "resolution", job.Resolution);
            if (job.Duration is int duration) json.WriteNumber("duration", duration);
            if (job.GenerateAudio) json.WriteBoolean("generateAudio", true);
            WriteIf(json, "voiceId", job.VoiceId);
            WriteIf(json, "callbackUrl", job.CallbackUrl);
            if (job.EstimatedCost is decimal estimate) json.WriteNumber("estimate", estimate);
            if (job.Amount is decimal amount) json.WriteNumber("amount", amount);
            WriteStatus(json, job);
        });

        public static byte[] Outcome(string kind, string sendId, ShortApiException error, DateTimeOffset now) => Write(kind, now, json =>
        {
            json.WriteString("sendId", sendId);
            json.WriteString("reason", error.Kind.ToString());
            json.WriteString("error", error.Message);
        });

        public static byte[] Status(VideoJob job, DateTimeOffset now) => Write("status", now, json =>
        {
            json.WriteString("jobId", job.JobId);
            WriteStatus(json, job);
        });

        public static byte[] Saved(VideoJob job, SavedVideo file, DateTimeOffset now) => Write("saved", now, json =>
        {
            json.WriteString("jobId", job.JobId);
            json.WriteString("savedPath", file.Path);
            json.WriteNumber("length", file.Length);
            json.WriteString("sha256", file.Sha256);
        });

        private static void WriteRequest(Utf8JsonWriter json, CreateJobRequest request, decimal estimate)
        {
            json.WriteString("model", request.Model.Id);
            json.WriteString("kind", request.Model.Kind.ToString());
            WriteIf(json, "image", request.Image?.Display);
            WriteIf(json, "endImage", request.EndImage?.Display);
            WriteList(json, "referenceImages", request.References.Select(r => r.Display).ToArray());
            WriteIf(json, "aspectRatio", request.EffectiveAspectRatio);
            json.WriteString("prompt", request.Prompt);
            WriteIf(json, "mode", request.EffectiveMode);
            json.WriteString("resolution", request.EffectiveResolution);
            json.WriteNumber("duration", request.EffectiveDuration);
            if (request.GenerateAudio == true) json.WriteBoolean("generateAudio", true);
            WriteIf(json, "voiceId", request.VoiceId);
            WriteIf(json, "callbackUrl", request.CallbackUrl);
            json.WriteNumber("estimate", estimate);
        }

        private static void WriteStatus(Utf8JsonWriter json, VideoJob job)
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

        private static byte[] Write(string kind, DateTimeOffset now, Action<Utf8JsonWriter> body)
        {
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteNumber("v", FormatVersion);
                json.WriteString("event", kind);
                json.WriteString("time", Iso(now));
                body(json);
                json.WriteEndObject();
            }
            buffer.WriteByte((byte)'\n');
            return buffer.ToArray();
        }

        private static void WriteList(Utf8JsonWriter json, string name, System.Collections.Generic.IReadOnlyList<string> values)
        {
            if (values.Count == 0) return;
            json.WriteStartArray(name);
            foreach (var value in values) json.WriteStringValue(value);
            json.WriteEndArray();
        }

        private static void WriteIf(Utf8JsonWriter json, string name, string? value)
        {
            if (value != null) json.WriteString(name, value);
        }

        private static string? Iso(DateTimeOffset? time) => time?.ToString("o", CultureInfo.InvariantCulture);
    }
}
