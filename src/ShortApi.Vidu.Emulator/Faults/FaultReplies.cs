using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ShortApi.Vidu.Emulator;

/// <summary>Writes the bad answers that create and query faults share: error statuses and malformed 200s.</summary>
internal static class FaultReplies
{
    /// <summary>An error status in the service's envelope; a 429 carries <c>Retry-After</c>.</summary>
    public static Task WriteStatusAsync(HttpContext http, int statusCode, int retryAfterSeconds)
    {
        if (statusCode == StatusCodes.Status429TooManyRequests)
        {
            http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        }

        return JsonReplies.WriteErrorAsync(http, statusCode, MessageFor(statusCode));
    }

    /// <summary>Writes a malformed 200 (or the key-echoing 400) when <paramref name="token"/> asks for one; false when the token is of another kind.</summary>
    public static async Task<bool> TryWriteMalformedAsync(HttpContext http, FaultToken token)
    {
        switch (token.Kind)
        {
            case FaultKind.Html:
                await WriteTextAsync(http, "text/html", "<html><body>Bad Gateway</body></html>");
                return true;
            case FaultKind.Empty:
                http.Response.StatusCode = StatusCodes.Status200OK;
                http.Response.ContentType = "application/json";
                http.Response.ContentLength = 0;
                return true;
            case FaultKind.Truncated:
                await WriteTextAsync(http, "application/json", "{\"code\":0,\"data\":{\"amo");
                return true;
            case FaultKind.ErrorCode:
                await JsonReplies.WriteAsync(http, StatusCodes.Status200OK, writer =>
                {
                    string message = string.Create(CultureInfo.InvariantCulture, $"emulated error {token.Number}");
                    writer.WriteStartObject();
                    writer.WriteNumber("code", token.Number);
                    if (token.Field == "error.message")
                    {
                        writer.WriteStartObject("error");
                        writer.WriteString("message", message);
                        writer.WriteEndObject();
                    }
                    else
                    {
                        writer.WriteString(token.Field, message);
                    }

                    writer.WriteEndObject();
                });
                return true;
            case FaultKind.EchoAuthorization:
                await JsonReplies.WriteErrorAsync(http, StatusCodes.Status400BadRequest,
                    "emulated error: this request carried Authorization '" + http.Request.Headers.Authorization + "'");
                return true;
            default:
                return false;
        }
    }

    private static async Task WriteTextAsync(HttpContext http, string contentType, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
    }

    private static string MessageFor(int statusCode) => statusCode switch
    {
        429 => "emulated rate limit: too many requests, retry later",
        500 => "emulated internal server error",
        502 => "emulated bad gateway",
        503 => "emulated service unavailable",
        504 => "emulated gateway timeout",
        404 => "emulated not found",
        _ => string.Create(CultureInfo.InvariantCulture, $"emulated error {statusCode}"),
    };
}
