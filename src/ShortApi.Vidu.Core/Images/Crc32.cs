namespace ShortApi.Vidu.Images
{
    /// <summary>
    /// The CRC-32 of PNG chunks (ISO 3309, polynomial 0xEDB88320). It can be fed in pieces (<see cref="Start"/>,
    /// <see cref="Append"/>, <see cref="Finish"/>), so a chunk of megabytes is checked through a small buffer.
    /// </summary>
    internal static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        public static uint Compute(byte[] data, int offset, int count) => Finish(Append(Start, data, offset, count));

        /// <summary>The running value before any byte.</summary>
        public const uint Start = uint.MaxValue;

        /// <summary>The running value after <paramref name="count"/> more bytes.</summary>
        public static uint Append(uint running, byte[] data, int offset, int count)
        {
            var crc = running;
            for (var i = offset; i < offset + count; i++)
                crc = Table[(crc ^ data[i]) & 0xFF] ^ (crc >> 8);
            return crc;
        }

        /// <summary>The CRC of everything appended.</summary>
        public static uint Finish(uint running) => running ^ uint.MaxValue;

        private static uint[] BuildTable()
        {
            var table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                var c = n;
                for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                table[n] = c;
            }
            return table;
        }
    }
}
