using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ShortApi.Vidu.Emulator;

/// <summary>How the <c>/_emulator/*</c> endpoints write their answers: camelCase JSON, readable escaping.</summary>
internal static class ControlJson
{
    private static readonly JsonSerializerOptions OutputOptions = new(JsonSerializerDefaults.Web)
    {
        // Recorded bodies are JSON themselves; relaxed escaping keeps them readable ("code", not \u0022code\u0022).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static Task WriteAsync<T>(HttpContext http, T value) => WriteAsync(http, StatusCodes.Status200OK, value);

    public static async Task WriteAsync<T>(HttpContext http, int statusCode, T value)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(value, OutputOptions);
        await JsonReplies.WriteBytesAsync(http, statusCode, json);
    }
}
