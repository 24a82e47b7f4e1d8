using System;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ShortApi.Vidu.Emulator;

/// <summary>Writes JSON answers byte for byte in the service's shape (compact, properties in the documented order).</summary>
internal static class JsonReplies
{
    // Relaxed escaping keeps messages readable ("model must be \"...\"" rather than \u0022); only loopback clients read them.
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Runs <paramref name="write"/> against a fresh writer and returns the UTF-8 bytes.</summary>
    public static byte[] Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static Task WriteAsync(HttpContext http, int statusCode, Action<Utf8JsonWriter> write) =>
        WriteBytesAsync(http, statusCode, Build(write));

    public static async Task WriteBytesAsync(HttpContext http, int statusCode, byte[] json, string contentType = "application/json")
    {
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = json.Length;
        await http.Response.Body.WriteAsync(json, http.RequestAborted);
    }

    /// <summary>The service's error envelope: <c>{"code":n,"msg":"..."}</c>, with code equal to the HTTP status.</summary>
    public static Task WriteErrorAsync(HttpContext http, int statusCode, string message) =>
        WriteAsync(http, statusCode, writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("code", statusCode);
            writer.WriteString("msg", message);
            writer.WriteEndObject();
        });
}
