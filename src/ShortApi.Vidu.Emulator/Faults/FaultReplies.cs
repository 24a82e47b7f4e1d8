using System.Globalization;
using System.Text;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ShortApi.Vidu.Emulator;

/// <summary>Writes the bad answers that create and query faults share: refusals, gateway pages and malformed 200s.</summary>
internal static class FaultReplies
{
    /// <summary>What Envoy answers when the service behind it fails mid-request: the service may already have acted.</summary>
    public const string GatewayPage = "upstream connect error or disconnect/reset before headers. reset reason: connection termination";

    /// <summary>A refusal in the service's own envelope; <c>Retry-After</c> is sent when <paramref name="retryAfterSeconds"/> is given.</summary>
    public static Task WriteRefusalAsync(HttpContext http, int statusCode, int? retryAfterSeconds)
    {
        if (retryAfterSeconds is int seconds)
        {
            http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        }

        return JsonReplies.WriteErrorAsync(http, statusCode, MessageFor(statusCode));
    }

    /// <summary>A gateway's own error page: bare text, no JSON, so nothing says whether the service acted.</summary>
    public static Task WriteGatewayPageAsync(HttpContext http, int statusCode) =>
        WriteTextAsync(http, statusCode, "text/plain", GatewayPage);

    /// <summary>Writes a malformed 200 (or the key-echoing 400) when <paramref name="token"/> asks for one; false when the token is of another kind.</summary>
    public static async Task<bool> TryWriteMalformedAsync(HttpContext http, FaultToken token)
    {
        switch (token.Kind)
        {
            case FaultKind.Html:
                await WriteTextAsync(http, StatusCodes.Status200OK, "text/html", "<html><body>Bad Gateway</body></html>");
                return true;
            case FaultKind.Empty:
                http.Response.StatusCode = StatusCodes.Status200OK;
                http.Response.ContentType = "application/json";
                http.Response.ContentLength = 0;
                return true;
            case FaultKind.Truncated:
                await WriteTextAsync(http, StatusCodes.Status200OK, "application/json", "{\"code\":0,\"data\":{\"amo");
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

    private static async Task WriteTextAsync(HttpContext http, int statusCode, string contentType, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
    }

    private static string MessageFor(int statusCode) => statusCode switch
    {
        400 => "emulated refusal: invalid request",
        401 => "emulated refusal: invalid API key",
        // The same words as a real shortfall, so a client that reads the message treats both alike.
        402 => "insufficient balance: emulated refusal",
        403 => "emulated refusal: forbidden",
        429 => "emulated rate limit: too many requests, retry later",
        500 => "emulated internal server error",
        502 => "emulated bad gateway",
        503 => "emulated service unavailable",
        504 => "emulated gateway timeout",
        404 => "emulated not found",
        _ => string.Create(CultureInfo.InvariantCulture, $"emulated error {statusCode}"),
    };
}
