using System;
using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace ShortApi.Vidu.Emulator;

/// <summary>Makes the text kept for a create body: the JSON as sent, but with long pictures (<c>args.image</c>, <c>args.image_tail</c>, <c>args.images</c> entries) shortened so recordings stay small.</summary>
internal static class RecordedBodyText
{
    /// <summary>Pictures longer than this many chars are replaced by <c>&lt;data uri: N chars&gt;</c>.</summary>
    public const int LongImageChars = 512;

    /// <summary>How much of a body that is not JSON is kept.</summary>
    public const int RawPrefixBytes = 4096;

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string FromJson(JsonElement root)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            if (root.ValueKind != JsonValueKind.Object)
            {
                root.WriteTo(writer);
            }
            else
            {
                WriteRoot(writer, root);
            }
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static string FromRaw(ReadOnlySpan<byte> body) =>
        Encoding.UTF8.GetString(body[..Math.Min(body.Length, RawPrefixBytes)]);

    private static void WriteRoot(Utf8JsonWriter writer, JsonElement root)
    {
        writer.WriteStartObject();
        foreach (JsonProperty property in root.EnumerateObject())
        {
            if (property.NameEquals("args") && property.Value.ValueKind == JsonValueKind.Object)
            {
                writer.WritePropertyName(property.Name);
                WriteArgs(writer, property.Value);
            }
            else
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static void WriteArgs(Utf8JsonWriter writer, JsonElement args)
    {
        writer.WriteStartObject();
        foreach (JsonProperty property in args.EnumerateObject())
        {
            if (property.NameEquals("images") && property.Value.ValueKind == JsonValueKind.Array)
            {
                writer.WriteStartArray(property.Name);
                foreach (JsonElement image in property.Value.EnumerateArray())
                {
                    WritePicture(writer, image);
                }

                writer.WriteEndArray();
            }
            else if (property.NameEquals("image") || property.NameEquals("image_tail"))
            {
                writer.WritePropertyName(property.Name);
                WritePicture(writer, property.Value);
            }
            else
            {
                property.WriteTo(writer);
            }
        }

        writer.WriteEndObject();
    }

    private static void WritePicture(Utf8JsonWriter writer, JsonElement picture)
    {
        int chars = picture.ValueKind == JsonValueKind.String ? JsonStringView.CharCount(picture) : 0;
        if (chars > LongImageChars)
        {
            writer.WriteStringValue(string.Create(CultureInfo.InvariantCulture, $"<data uri: {chars} chars>"));
        }
        else
        {
            picture.WriteTo(writer);
        }
    }
}
