using System.IO;
using System.Text;

namespace ShortApi.Vidu.Images
{
    /// <summary>Reads the fixed-size fields of picture headers: a few bytes at a time, never the whole file.</summary>
    internal static class HeaderBytes
    {
        /// <summary>Reads until <paramref name="count"/> bytes or the end of the stream; returns how many came.</summary>
        public static int ReadUpTo(Stream stream, byte[] buffer, int offset, int count)
        {
            var total = 0;
            while (total < count)
            {
                var n = stream.Read(buffer, offset + total, count - total);
                if (n == 0) break;
                total += n;
            }
            return total;
        }

        /// <summary>Reads exactly <paramref name="count"/> bytes at <paramref name="position"/>; false when the file ends first.</summary>
        public static bool ReadAt(Stream stream, long position, byte[] buffer, int count)
        {
            stream.Position = position;
            return ReadUpTo(stream, buffer, 0, count) == count;
        }

        public static bool StartsWith(byte[] data, params byte[] prefix)
        {
            for (var i = 0; i < prefix.Length; i++)
                if (data[i] != prefix[i]) return false;
            return true;
        }

        public static string Ascii(byte[] data, int offset, int count) => Encoding.ASCII.GetString(data, offset, count);

        public static uint BigEndian32(byte[] data, int offset) =>
            (uint)(data[offset] << 24 | data[offset + 1] << 16 | data[offset + 2] << 8 | data[offset + 3]);

        public static int BigEndian16(byte[] data, int offset) => data[offset] << 8 | data[offset + 1];

        public static uint LittleEndian32(byte[] data, int offset) =>
            (uint)(data[offset] | data[offset + 1] << 8 | data[offset + 2] << 16 | data[offset + 3] << 24);

        public static int LittleEndian24(byte[] data, int offset) => data[offset] | data[offset + 1] << 8 | data[offset + 2] << 16;

        public static int LittleEndian16(byte[] data, int offset) => data[offset] | data[offset + 1] << 8;
    }
}
