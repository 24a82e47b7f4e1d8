using System.Globalization;
using System.IO;

namespace ShortApi.Vidu.Images
{
    /// <summary>
    /// Whether a WebP holds together, judged from its RIFF container: the RIFF size fits the file, every chunk
    /// fits inside the RIFF, and there is image data whose header is what VP8 or VP8L says it must be.
    /// Each chunk costs an 8-byte read and a seek over its data.
    /// </summary>
    internal static class WebPStructure
    {
        // "WEBP" (4) + one chunk header (8): a RIFF that says less holds no picture at all.
        private const long MinRiffSize = 12;

        /// <summary>Null when the structure holds, otherwise what is wrong, for a message.</summary>
        public static string? FindDamage(Stream stream)
        {
            var length = stream.Length;
            var bytes = new byte[10];
            if (!HeaderBytes.ReadAt(stream, 4, bytes, 4))
                return "it ends inside its RIFF header: the file is cut short";
            var riffEnd = HeaderBytes.LittleEndian32(bytes, 0) + 8L;
            if (riffEnd > length)
                return $"its RIFF header says the picture is {Number(riffEnd)} bytes, but the file has only {Number(length)}: the file is cut short";
            // Decoders ignore bytes after the RIFF, so a little trailing data is harmless; a RIFF that leaves most
            // of the file outside it is a damaged header, not padding.
            if (riffEnd < MinRiffSize + 8 || riffEnd < length / 2)
                return $"its RIFF header says the picture is {Number(riffEnd)} bytes, far less than the file's {Number(length)}: the header is damaged";
            return FindChunkDamage(stream, riffEnd, bytes);
        }

        private static string? FindChunkDamage(Stream stream, long riffEnd, byte[] bytes)
        {
            long position = 12;
            var extended = false;
            while (position + 8 <= riffEnd)
            {
                if (!HeaderBytes.ReadAt(stream, position, bytes, 8))
                    return "it ends inside a chunk header: the file is cut short";
                var fourCc = Printable(bytes, 0);
                var size = HeaderBytes.LittleEndian32(bytes, 4);
                var dataStart = position + 8;
                var end = dataStart + size;
                if (end > riffEnd)
                    return $"chunk '{fourCc}' at byte {Number(position)} runs {Number(end - riffEnd)} bytes past the end of the picture: the file is cut short";
                if (position == 12)
                {
                    if (fourCc != "VP8 " && fourCc != "VP8L" && fourCc != "VP8X")
                        return $"its first chunk is '{fourCc}', not image data (VP8, VP8L or VP8X)";
                    extended = fourCc == "VP8X";
                    if (extended && size < 10) return "its extended header (VP8X) is too short to hold the picture's size";
                }
                if (fourCc == "VP8 " || fourCc == "VP8L")
                    return FindImageDataDamage(stream, fourCc, dataStart, size, bytes);
                if (fourCc == "ANMF") return null; // an animation frame: its own VP8/VP8L sits inside it
                position = end + (size & 1); // chunks are padded to an even length
            }
            return extended
                ? "it has an extended header (VP8X) but no image data (no VP8, VP8L or ANMF chunk)"
                : "it has no chunks after its RIFF header";
        }

        // The first bytes of the image data: a lossy picture must start with a key frame, a lossless one with its signature.
        private static string? FindImageDataDamage(Stream stream, string fourCc, long dataStart, uint size, byte[] bytes)
        {
            if (fourCc == "VP8L")
            {
                if (size < 5 || !HeaderBytes.ReadAt(stream, dataStart, bytes, 1) || bytes[0] != 0x2F)
                    return "its lossless image data (VP8L) does not start with the VP8L signature";
                return null;
            }
            // Frame tag (3 bytes, bit 0 clear on a key frame), then the key frame start code 9D 01 2A.
            if (size < 10 || !HeaderBytes.ReadAt(stream, dataStart, bytes, 6) || (bytes[0] & 1) != 0 ||
                bytes[3] != 0x9D || bytes[4] != 0x01 || bytes[5] != 0x2A)
                return "its lossy image data (VP8) does not start with a key frame";
            return null;
        }

        private static string Printable(byte[] data, int offset)
        {
            var chars = new char[4];
            for (var i = 0; i < 4; i++)
            {
                var c = data[offset + i];
                chars[i] = c >= 0x20 && c < 0x7F ? (char)c : '?';
            }
            return new string(chars);
        }

        private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
