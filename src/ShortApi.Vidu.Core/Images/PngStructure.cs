using System;
using System.Globalization;
using System.IO;

namespace ShortApi.Vidu.Images
{
    /// <summary>
    /// Whether a PNG holds together, judged from its chunks without decoding them: the IHDR is intact and sane, the
    /// chunks run one after another from IHDR to IEND inside the file, and every chunk's data matches its CRC-32 (a
    /// picture with one damaged IDAT byte is refused, not paid for). The file is read once, front to back, through
    /// one small buffer, so a 15 MB picture is never held in memory.
    /// </summary>
    internal static class PngStructure
    {
        // Signature (8) + IHDR length (4) + type (4) + data (13) + CRC (4).
        private const int HeaderLength = 33;

        /// <summary>A pixel count from the header as an int, or null when PNG does not allow it (0, or over 2^31-1).</summary>
        public static int? Pixels(uint value) => value == 0 || value > int.MaxValue ? (int?)null : (int)value;

        /// <summary>Null when the structure holds, otherwise what is wrong, for a message.</summary>
        public static string? FindDamage(Stream stream)
        {
            var header = new byte[HeaderLength];
            if (!HeaderBytes.ReadAt(stream, 0, header, HeaderLength))
                return "it ends inside its IHDR header: the file is cut short";
            if (HeaderBytes.BigEndian32(header, 8) != 13)
                return "its IHDR header chunk does not have the length 13 that PNG requires";
            // The CRC covers the chunk type and data (17 bytes); a mismatch means the size read from it is not to be trusted.
            if (Crc32.Compute(header, 12, 17) != HeaderBytes.BigEndian32(header, 29))
                return "its IHDR header fails its checksum (CRC-32), so its size cannot be trusted";
            var width = HeaderBytes.BigEndian32(header, 16);
            var height = HeaderBytes.BigEndian32(header, 20);
            if (Pixels(width) == null || Pixels(height) == null)
                return $"its header gives a size of {Number(width)}×{Number(height)} pixels; PNG allows 1 to 2147483647 each way";
            return FindChunkDamage(stream, HeaderLength);
        }

        // Big enough that a 15 MB picture costs a few hundred reads, small enough never to matter for memory.
        private const int DataBufferBytes = 64 * 1024;

        // Walks the chunks after IHDR: length (4), type (4), then the data and the CRC of type and data.
        private static string? FindChunkDamage(Stream stream, long position)
        {
            var length = stream.Length;
            var chunk = new byte[8];
            var data = new byte[DataBufferBytes];
            var sawImageData = false;
            while (true)
            {
                if (!HeaderBytes.ReadAt(stream, position, chunk, 8))
                    return $"it stops at byte {Number(length)} without the IEND chunk that closes every PNG: the file is cut short";
                if (!IsChunkType(chunk, 4))
                    return $"there is no valid chunk at byte {Number(position)}";
                var type = HeaderBytes.Ascii(chunk, 4, 4);
                var dataLength = HeaderBytes.BigEndian32(chunk, 0);
                if (dataLength > int.MaxValue)
                    return $"chunk '{type}' at byte {Number(position)} claims {Number(dataLength)} bytes, more than PNG allows (2147483647)";
                var end = position + 12 + dataLength;
                if (end > length)
                    return $"chunk '{type}' at byte {Number(position)} runs {Number(end - length)} bytes past the end of the file: the file is cut short";
                if (!ChecksumHolds(stream, chunk, dataLength, data))
                    return $"chunk '{type}' at byte {Number(position)} fails its checksum (CRC-32), so its bytes are damaged";
                if (type == "IDAT") sawImageData = true;
                // Bytes after IEND are ignored by decoders, as they are here.
                if (type == "IEND") return sawImageData ? null : "it has no image data (no IDAT chunk)";
                position = end;
            }
        }

        // Reads the chunk's data and CRC, the stream standing at the data; the chunk is known to end inside the file.
        private static bool ChecksumHolds(Stream stream, byte[] header, uint dataLength, byte[] buffer)
        {
            var crc = Crc32.Append(Crc32.Start, header, 4, 4);
            var left = (long)dataLength;
            while (left > 0)
            {
                var count = (int)Math.Min(left, buffer.Length);
                if (HeaderBytes.ReadUpTo(stream, buffer, 0, count) != count) return false;
                crc = Crc32.Append(crc, buffer, 0, count);
                left -= count;
            }
            return HeaderBytes.ReadUpTo(stream, buffer, 0, 4) == 4 && Crc32.Finish(crc) == HeaderBytes.BigEndian32(buffer, 0);
        }

        // PNG chunk types are four ASCII letters; anything else means the walk has left the chunk sequence.
        private static bool IsChunkType(byte[] data, int offset)
        {
            for (var i = offset; i < offset + 4; i++)
            {
                var c = data[i];
                if (!(c >= 'A' && c <= 'Z') && !(c >= 'a' && c <= 'z')) return false;
            }
            return true;
        }

        private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
