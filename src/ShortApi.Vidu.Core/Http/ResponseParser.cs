using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace ShortApi.Vidu.Http
{
    /// <summary>
    /// Reads the API's JSON envelope ({"code":0,"data":{...}}) tolerantly: numbers or strings where either has been
    /// seen, error text from msg, message, info or error.message, result URLs from images or videos.
    /// Anything else becomes a <see cref="ShortApiException"/> that says what arrived.
    /// </summary>
    internal static class ResponseParser
    {
        public static CreatedJob ParseCreate(int httpStatus, string body)
        {
            using var document = ParseEnvelope(httpStatus, body, null, out var data);
            var jobId = ReadString(data, "job_id") ?? ReadString(data, "id");
            if (string.IsNullOrWhiteSpace(jobId))
                throw new ShortApiException(ShortApiErrorKind.InvalidResponse,
                    "The service accepted the create call but its answer has no job_id" + Excerpt(body), httpStatus);
            return new CreatedJob(jobId!, ReadDecimal(data, "amount"));
        }

        public static JobSnapshot ParseQuery(int httpStatus, string body, string jobId)
        {
            using var document = ParseEnvelope(httpStatus, body, jobId, out var data);
            if (!TryReadInt(data, "status", out var status))
                throw new ShortApiException(ShortApiErrorKind.InvalidResponse,
                    $"The answer for job '{jobId}' has no status number" + Excerpt(body), httpStatus, jobId: jobId);
            var urls = ReadResultUrls(data);
            var error = status >= 3 || status < 0 ? ReadErrorText(data) : null;
            return new JobSnapshot(status, urls, error);
        }

        /// <summary>The error for a non-2xx answer, with the service's own words when the body carries them.</summary>
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
            var exception = Describe(httpStatus, code, message, jobId, httpStatus);
            exception.RetryAfter = retryAfter;
            return exception;
        }

        private static JsonDocument ParseEnvelope(int httpStatus, string body, string? jobId, out JsonElement data)
        {
            if (string.IsNullOrWhiteSpace(body))
                throw new ShortApiException(ShortApiErrorKind.InvalidResponse,
                    $"The service answered HTTP {httpStatus} with an empty body where JSON was expected.", httpStatus, jobId: jobId);
            if (!TryParse(body, out var document))
                throw new ShortApiException(ShortApiErrorKind.InvalidResponse,
                    $"The service answered HTTP {httpStatus} with something that is not complete JSON" + Excerpt(body) +
                    " A proxy or gateway may be in the way; check -BaseUri.", httpStatus, jobId: jobId);
            var root = document!.RootElement;
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
                throw Describe(httpStatus, code, message, jobId, httpStatus);
            }
            if (!root.TryGetProperty("data", out data) || data.ValueKind != JsonValueKind.Object)
            {
                document.Dispose();
                throw new ShortApiException(ShortApiErrorKind.InvalidResponse,
                    "The service's answer has no data object" + Excerpt(body), httpStatus, jobId: jobId);
            }
            return document;
        }

        private static ShortApiException Describe(int httpStatus, string? code, string? serviceMessage, string? jobId, int? reportedStatus)
        {
            var status = httpStatus >= 200 && httpStatus <= 299 && int.TryParse(code, out var numeric) ? numeric : httpStatus;
            var said = string.IsNullOrWhiteSpace(serviceMessage) ? string.Empty : $" The service said: {serviceMessage}";
            var what = $"HTTP {httpStatus}" + (code != null && code != httpStatus.ToString(CultureInfo.InvariantCulture) ? $", code {code}" : string.Empty);
            ShortApiErrorKind kind;
            string text;
            switch (status)
            {
                case 400:
                case 422:
                    kind = ShortApiErrorKind.InvalidArgument;
                    text = $"The service refused the arguments ({what}).{said} Fix the named argument and run again.";
                    break;
                case 401:
                    kind = ShortApiErrorKind.Unauthorized;
                    text = $"The API key was refused ({what}).{said} Check -ApiKey or $env:SHORTAPI_KEY; keys are on your ShortAPI dashboard.";
                    break;
                case 402:
                    kind = ShortApiErrorKind.InsufficientBalance;
                    text = $"The account balance does not cover this job ({what}).{said} Top up your ShortAPI balance, then run again.";
                    break;
                case 403:
                    kind = ShortApiErrorKind.Forbidden;
                    text = $"The service refused the request ({what}): the key may lack access to this model, or the balance may be short.{said}";
                    break;
                case 404:
                    kind = ShortApiErrorKind.NotFound;
                    text = jobId != null
                        ? $"Job '{jobId}' is not known to the service ({what}). Check the id; jobs made against another endpoint (such as the emulator) are not known here.{said}"
                        : $"The service does not know this address ({what}). Check -BaseUri.{said}";
                    break;
                case 429:
                    kind = ShortApiErrorKind.RateLimited;
                    text = $"The service is limiting requests ({what}).{said} Lower -ThrottleLimit or -MaxQueryRate, or try again later.";
                    break;
                default:
                    if (status >= 500 && status <= 599)
                    {
                        kind = ShortApiErrorKind.ServiceError;
                        text = $"The service failed ({what}).{said} Try again later.";
                    }
                    else if (httpStatus >= 200 && httpStatus <= 299)
                    {
                        kind = ShortApiErrorKind.ServiceError;
                        text = $"The service answered with error code {code}.{said}";
                    }
                    else
                    {
                        kind = ShortApiErrorKind.ServiceError;
                        text = $"The service answered {what}.{said}";
                    }
                    break;
            }
            return new ShortApiException(kind, text, reportedStatus, code, serviceMessage, jobId);
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

        private static string[] ReadResultUrls(JsonElement data)
        {
            var urls = new List<string>();
            if (data.TryGetProperty("result", out var result) && result.ValueKind == JsonValueKind.Object)
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

        private static string? ReadString(JsonElement element, string name)
        {
            if (!element.TryGetProperty(name, out var value)) return null;
            return value.ValueKind switch
            {
                JsonValueKind.String => value.GetString(),
                JsonValueKind.Number => value.GetRawText(),
                _ => null,
            };
        }

        private static decimal? ReadDecimal(JsonElement element, string name)
        {
            var text = ReadString(element, name);
            return decimal.TryParse(text, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var value) ? value : (decimal?)null;
        }

        private static bool TryReadInt(JsonElement element, string name, out int value)
        {
            value = 0;
            var text = ReadString(element, name);
            return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        private static string Excerpt(string body)
        {
            var trimmed = (body ?? string.Empty).Trim();
            if (trimmed.Length == 0) return ".";
            var excerpt = trimmed.Length > 80 ? trimmed.Substring(0, 80) + "…" : trimmed;
            excerpt = excerpt.Replace("\r", " ").Replace("\n", " ");
            return $" (it begins: {excerpt}).";
        }
    }
}
