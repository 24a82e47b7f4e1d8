using System;
using System.Buffers.Text;
using System.Text.Json;

namespace ShortApi.Vidu.Emulator;

/// <summary>Checks one picture argument (<c>args.image</c>, <c>args.image_tail</c>, an entry of <c>args.images</c>): an absolute http(s) URL (never fetched) or a base64 data URI whose bytes match its declared type.</summary>
internal static class ImageArgumentRule
{
    // Enough base64 for 12 bytes: WebP needs bytes 8..11 ("WEBP").
    private const int SniffChars = 16;

    /// <summary>Null when the image is acceptable, otherwise the message for the 400, naming <paramref name="field"/> (e.g. <c>args.images[2]</c>).</summary>
    public static string? Check(JsonElement image, string field)
    {
        if (image.ValueKind != JsonValueKind.String)
        {
            return $"{field} must be a string";
        }

        ReadOnlySpan<byte> text = JsonStringView.Utf8(image);
        if (text.IsEmpty)
        {
            return $"{field} must not be empty";
        }

        return text.StartsWith("data:"u8) ? CheckDataUri(text, field) : CheckUrl(image.GetString()!, field);
    }

    private static string Expected(string field) => $"{field} must be an absolute http(s) URL or a data:image/png|jpeg|webp;base64,... URI";

    private static string? CheckUrl(string text, string field)
    {
        bool isWebUrl = Uri.TryCreate(text, UriKind.Absolute, out Uri? url)
            && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
            && url.Host.Length > 0;
        return isWebUrl ? null : Expected(field);
    }

    private static string? CheckDataUri(ReadOnlySpan<byte> text, string field)
    {
        int comma = text.IndexOf((byte)',');
        if (comma < 0)
        {
            return Expected(field);
        }

        ReadOnlySpan<byte> header = text[..comma];
        ImageType? declared = header switch
        {
            _ when header.SequenceEqual("data:image/png;base64"u8) => ImageType.Png,
            _ when header.SequenceEqual("data:image/jpeg;base64"u8) => ImageType.Jpeg,
            _ when header.SequenceEqual("data:image/webp;base64"u8) => ImageType.Webp,
            _ => null,
        };
        if (declared is not ImageType type)
        {
            return Expected(field);
        }

        ReadOnlySpan<byte> payload = text[(comma + 1)..];
        if (payload.IsEmpty)
        {
            return $"{field} data URI carries no data";
        }

        if (!Base64.IsValid(payload))
        {
            return $"{field} data URI is not valid base64";
        }

        Span<byte> head = stackalloc byte[SniffChars / 4 * 3];
        int headLength = DecodeHead(payload, head);
        return MatchesSignature(type, head[..headLength])
            ? null
            : $"{field} data URI declares image/{type.ToString().ToLowerInvariant()} but its bytes are not a {type.ToString().ToUpperInvariant()} image";
    }

    private static int DecodeHead(ReadOnlySpan<byte> payload, Span<byte> head)
    {
        // Base64.IsValid allows whitespace; skip it so the first bytes decode cleanly.
        Span<byte> chars = stackalloc byte[SniffChars];
        int count = 0;
        foreach (byte b in payload)
        {
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
            {
                continue;
            }

            chars[count++] = b;
            if (count == SniffChars)
            {
                break;
            }
        }

        Base64.DecodeFromUtf8(chars[..count], head, out _, out int written, isFinalBlock: true);
        return written;
    }

    private static bool MatchesSignature(ImageType type, ReadOnlySpan<byte> head) => type switch
    {
        ImageType.Png => head.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47 }),
        ImageType.Jpeg => head.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }),
        _ => head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8),
    };
}
