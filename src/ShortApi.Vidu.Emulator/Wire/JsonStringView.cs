using System;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace ShortApi.Vidu.Emulator;

/// <summary>Looks at a JSON string's UTF-8 bytes in place, so a 20 MB data URI is not copied into a .NET string.</summary>
internal static class JsonStringView
{
    /// <summary>The unescaped UTF-8 text of a string element; copies only when the JSON used escapes.</summary>
    public static ReadOnlySpan<byte> Utf8(JsonElement text)
    {
        ReadOnlySpan<byte> raw = JsonMarshal.GetRawUtf8Value(text);
        raw = raw[1..^1];
        // Escapes (e.g. "\u002B" for '+', which System.Text.Json writes by default) need real decoding.
        return raw.IndexOf((byte)'\\') >= 0 ? Encoding.UTF8.GetBytes(text.GetString()!) : raw;
    }

    /// <summary>Length in UTF-16 chars, as <c>string.Length</c> would report it.</summary>
    public static int CharCount(JsonElement text) => Encoding.UTF8.GetCharCount(Utf8(text));
}
