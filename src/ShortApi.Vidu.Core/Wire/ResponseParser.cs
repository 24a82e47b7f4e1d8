using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace ShortApi.Vidu.Wire
{
    /// <summary>
    /// Reads the API's JSON envelope tolerantly. The page documents {"code":0,"data":{...}}, but its own JavaScript and
    /// Python examples read job_id from the top level, so every field is looked for in data first and then at the top.
    /// Numbers or strings where either has been seen; error text from msg, message, info or error.message; result URLs
    /// from images or videos. Anything else becomes a <see cref="ShortApiException"/> that says what arrived.
    /// </summary>
    internal static class ResponseParser
    {
        public static CreatedJob ParseCreate(int httpStatus, string body)
        {
            using var document = ParseEnvelope(httpStatus, body, null, out var root, out var data);
            var jobId = ReadString(data, root, "job_id") ?? ReadString(data, root, "id");
            if (string.IsNullOrWhiteSpace(jobId))
                throw new ShortApiException(ShortApiErrorKind.InvalidResponse,
                    "The service accepted the create call but its answer has no job_id" + Excerpt(body), httpStatus);
            return new CreatedJob(jobId!, ReadDecimal(data, root, "amount"));
        }

        public static JobSnapshot ParseQuery(int httpStatus, string body, string jobId)
        {
            using var document = ParseEnvelope(httpStatus, body, jobId, out var root, out var data);
            if (!TryReadInt(data, root, "status", out var status))
                throw new ShortApiException(ShortApiErrorKind.InvalidResponse,
                    $"The answer for job '{jobId}' has no status number" + Excerpt(body), httpStatus, jobId: jobId);
            var urls = ReadResultUrls(data, root);
            var error = status >= 3 || status < 0 ? ReadErrorText(data) ?? ReadErrorText(root) : null;
            return new JobSnapshot(status, urls, error);
        }

        /// <summary>
        /// The error for a non-2xx answer. When the body is the service's own envelope (a JSON object with a non-zero
        /// code) the error says the service refused; a bare page (a gateway's) says nothing about what happened behind it.
        /// </summary>
        public static ShortApiException FromHttpStatus(int httpStatus, string body, string? jobId, TimeSpan? retryAfter)
        {
            string? code = null, message = null;
            if (TryParse(body, out var document))
            {
                using (document)
                {
                    // Only an object can carry a code or a message; "busy", [] or null are just bodies.
                    if (document!.RootElement.ValueKind == JsonValueKind.Object)
                    {
                        code = ReadCode(document.RootElement);
                        message = ReadErrorText(document.RootElement);
                    }
                }
            }
            var refused = code != null && code != "0";
            var exception = ErrorDescriptions.Describe(httpStatus, refused ? code : null, message, jobId, refused ? null : Excerpt(body));
            exception.RetryAfter = retryAfter;
            exception.ServiceRefused = refused;
            return exception;
        }

        private static JsonDocument ParseEnvelope(int httpStatus, string body, string? jobId, out JsonElement root, out JsonElement data)
        {
            if (string.IsNullOrWhiteSpace(body))
                throw new ShortApiException(ShortApiErrorKind.InvalidResponse,
                    $"The service answered HTTP {httpStatus} with an empty body where JSON was expected.", httpStatus, jobId: jobId);
            if (!TryParse(body, out var document))
                throw new ShortApiException(ShortApiErrorKind.InvalidResponse,
                    $"The service answered HTTP {httpStatus} with something that is not complete JSON" + Excerpt(body) +
                    " A proxy or gateway may be in the way; check -BaseUri.", httpStatus, jobId: jobId);
            root = document!.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new ShortApiException(ShortApiErrorKind.InvalidResponse,
                    "The service's answer is JSON but not an object" + Excerpt(body), httpStatus, jobId: jobId);
            }
            var code = ReadCode(root);
            if (code != null && code != "0")
            {
                var message = ReadErrorText(root);
                document.Dispose();
                var refusal = ErrorDescriptions.Describe(httpStatus, code, message, jobId, null);
                refusal.ServiceRefused = true;
                throw refusal;
            }
            // The documented shape nests the fields under data; the flat shape keeps them beside code.
            data = root.TryGetProperty("data", out var nested) && nested.ValueKind == JsonValueKind.Object ? nested : root;
            return document;
        }

        private static bool TryParse(string body, out JsonDocument? document)
        {
            document = null;
            if (string.IsNullOrWhiteSpace(body)) return false;
            try
            {
                document = JsonDocument.Parse(body);
                return true;
            }
            catch (JsonException)
            {
                return false;
            }
        }

        private static string? ReadCode(JsonElement root)
        {
            if (!root.TryGetProperty("code", out var code)) return null;
            return code.ValueKind switch
            {
                JsonValueKind.Number => code.GetRawText(),
                JsonValueKind.String => code.GetString(),
                _ => null,
            };
        }

        internal static string? ReadErrorText(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Object) return null;
            foreach (var name in new[] { "msg", "message", "info", "error", "detail" })
            {
                if (!element.TryGetProperty(name, out var value)) continue;
                if (value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())) return value.GetString();
                if (value.ValueKind == JsonValueKind.Object)
                {
                    var nested = ReadErrorText(value);
                    if (nested != null) return nested;
                }
            }
            return null;
        }

        private static string[] ReadResultUrls(JsonElement data, JsonElement root)
        {
            var urls = new List<string>();
            if (TryGet(data, root, "result", out var result) && result.ValueKind == JsonValueKind.Object)
            {
                foreach (var field in new[] { "videos", "images", "video", "urls" })
                {
                    if (!result.TryGetProperty(field, out var list)) continue;
                    AddUrls(list, urls);
                }
                if (result.TryGetProperty("url", out var single)) AddUrls(single, urls);
            }
            return urls.ToArray();
        }

        private static void AddUrls(JsonElement value, List<string> urls)
        {
            switch (value.ValueKind)
            {
                case JsonValueKind.String:
                    var text = value.GetString();
                    if (!string.IsNullOrWhiteSpace(text) && !urls.Contains(text!)) urls.Add(text!);
                    break;
                case JsonValueKind.Object:
                    if (value.TryGetProperty("url", out var url)) AddUrls(url, urls);
                    break;
                case JsonValueKind.Array:
                    foreach (var item in value.EnumerateArray()) AddUrls(item, urls);
                    break;
            }
        }

        private static bool TryGet(JsonElement data, JsonElement root, string name, out JsonElement value) =>
            data.TryGetProperty(name, out value) || root.TryGetProperty(name, out value);

        private static string? ReadString(JsonElement data, JsonElement root, string name)
        {
            if (!TryGet(data, root, name, out var value)) return null;
            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            };
        }

        private static decimal? ReadDecimal(JsonElement data, JsonElement root, string name)
        {
            var text = ReadString(data, root, name);
            return decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value) ? value : (decimal?)null;
        }

        private static bool TryReadInt(JsonElement data, JsonElement root, string name, out int value) =>
            int.TryParse(ReadString(data, root, name), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);

        internal static string Excerpt(string? body)
        {
            var trimmed = (body ?? string.Empty).Trim();
            if (trimmed.Length == 0) return ".";
            var excerpt = trimmed.Length > 80 ? trimmed.Substring(0, 80) + "…" : trimmed;
            excerpt = excerpt.Replace("\r", " ").Replace("\n", " ");
            return $" (it begins: {excerpt}).";
        }
    }
}
