using System;
using System.Linq;
using System.Text;

namespace ShortApi.Vidu.Tests.Support
{
    /// <summary>
    /// Picture files built byte by byte, so the tests do not trust the code they test. The builders make
    /// structurally complete files (every chunk or segment whole, CRCs right, closed by IEND or EOI); the parts are
    /// public so a test can cut, reorder or damage them. Pixel data is filler: the module checks structure, it never decodes.
    /// </summary>
    internal static class Pictures
    {
        // ---- PNG: signature, IHDR, one IDAT, IEND.

        public static readonly byte[] PngSignature = { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A };

        /// <summary>A complete PNG whose IDAT holds <paramref name="padding"/> filler bytes.</summary>
        public static byte[] Png(int width, int height, int padding = 64) => PngOfSize((uint)width, (uint)height, padding);

        /// <summary>A complete PNG with any 32-bit size in its header, as a damaged or hostile file may have.</summary>
        public static byte[] PngOfSize(uint width, uint height, int padding = 64) =>
            Concat(PngSignature, PngHeader(width, height), PngChunk("IDAT", Filler(padding)), PngChunk("IEND"));

        /// <summary>The IHDR chunk: 8-bit truecolour, with its CRC.</summary>
        public static byte[] PngHeader(uint width, uint height) =>
            PngChunk("IHDR", Concat(BigEndian(width), BigEndian(height), new byte[] { 8, 2, 0, 0, 0 }));

        /// <summary>A chunk: length, type, data, CRC-32 of type and data.</summary>
        public static byte[] PngChunk(string type, params byte[] data)
        {
            var typeAndData = Concat(Encoding.ASCII.GetBytes(type), data);
            return Concat(BigEndian((uint)data.Length), typeAndData, BigEndian(Crc32(typeAndData)));
        }

        // ---- JPEG: SOI, APP0 (JFIF), SOF0, SOS, scan data, EOI.

        public static readonly byte[] JpegStartOfImage = { 0xFF, 0xD8 };

        public static readonly byte[] JpegEndOfImage = { 0xFF, 0xD9 };

        public static readonly byte[] JpegApp0 = JpegSegment(0xE0, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0);

        // Three components, each with its Huffman table selectors; spectral selection 0-63, no approximation.
        public static readonly byte[] JpegStartOfScan = JpegSegment(0xDA, 3, 1, 0x00, 2, 0x11, 3, 0x11, 0, 0x3F, 0);

        /// <summary>A complete baseline JPEG with <paramref name="scanBytes"/> bytes of scan data.</summary>
        public static byte[] Jpeg(int width, int height, int scanBytes = 32) =>
            Concat(JpegStartOfImage, JpegApp0, JpegStartOfFrame(width, height), JpegStartOfScan, JpegScanData(scanBytes), JpegEndOfImage);

        /// <summary>SOF0: precision 8, height, width, three components.</summary>
        public static byte[] JpegStartOfFrame(int width, int height) =>
            JpegSegment(0xC0, 8, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1);

        /// <summary>A marker segment: FF, marker, a length that counts itself, the body.</summary>
        public static byte[] JpegSegment(byte marker, params byte[] body) =>
            Concat(new byte[] { 0xFF, marker, (byte)((body.Length + 2) >> 8), (byte)(body.Length + 2) }, body);

        /// <summary>Entropy-coded data as an encoder writes it: a data byte FF is followed by a stuffed 00, so FF D9 never occurs.</summary>
        public static byte[] JpegScanData(int count)
        {
            var bytes = new byte[count];
            for (var i = 0; i < count; i++) bytes[i] = (byte)(i * 37 % 255);
            if (count >= 4) (bytes[count / 2], bytes[count / 2 + 1]) = (0xFF, 0x00);
            return bytes;
        }

        // ---- WebP: RIFF header, then chunks.

        /// <summary>A complete lossless WebP (one VP8L chunk).</summary>
        public static byte[] WebPLossless(int width, int height) => WebP(WebPChunk("VP8L", Vp8LData(width, height)));

        /// <summary>A complete lossy WebP (one VP8 chunk that starts with a key frame).</summary>
        public static byte[] WebPLossy(int width, int height) => WebP(WebPChunk("VP8 ", Vp8Data(width, height)));

        /// <summary>An extended WebP: a VP8X header with the canvas size, then the given chunks.</summary>
        public static byte[] WebPExtended(int width, int height, params byte[][] chunks)
        {
            var header = Concat(new byte[4], LittleEndian24(width - 1), LittleEndian24(height - 1));
            return WebP(new[] { WebPChunk("VP8X", header) }.Concat(chunks).ToArray());
        }

        /// <summary>"RIFF", a size that covers the rest, "WEBP", the chunks.</summary>
        public static byte[] WebP(params byte[][] chunks)
        {
            var body = Concat(new[] { Encoding.ASCII.GetBytes("WEBP") }.Concat(chunks).ToArray());
            return Concat(Encoding.ASCII.GetBytes("RIFF"), BitConverter.GetBytes((uint)body.Length), body);
        }

        /// <summary>A chunk: four-character code, little-endian size, data, a pad byte when the size is odd.</summary>
        public static byte[] WebPChunk(string fourCc, byte[] data) =>
            Concat(Encoding.ASCII.GetBytes(fourCc), BitConverter.GetBytes((uint)data.Length), data, new byte[data.Length % 2]);

        /// <summary>VP8L data: the 0x2F signature, 14-bit width-1 and height-1, then filler.</summary>
        public static byte[] Vp8LData(int width, int height)
        {
            var bits = (uint)(width - 1) | ((uint)(height - 1) << 14);
            return Concat(new byte[] { 0x2F }, BitConverter.GetBytes(bits), new byte[15]);
        }

        /// <summary>VP8 data: a key frame tag (bit 0 clear, shown), the start code 9D 01 2A, 14-bit width and height, filler.</summary>
        public static byte[] Vp8Data(int width, int height, bool keyFrame = true) =>
            Concat(new byte[] { (byte)(keyFrame ? 0x10 : 0x11), 0x02, 0x00 },
                keyFrame ? new byte[] { 0x9D, 0x01, 0x2A } : new byte[] { 0x00, 0x00, 0x00 },
                BitConverter.GetBytes((ushort)width), BitConverter.GetBytes((ushort)height), Filler(20));

        // ---- Refused formats.

        public static byte[] Gif() => Encoding.ASCII.GetBytes("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;");

        public static byte[] Bmp() => new byte[] { (byte)'B', (byte)'M', 62, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0 };

        // ---- Editing.

        /// <summary>The first <paramref name="keep"/> bytes, as a download or copy that stopped there.</summary>
        public static byte[] Cut(byte[] bytes, int keep) => bytes.Take(keep).ToArray();

        /// <summary>A copy with one 32-bit field overwritten.</summary>
        public static byte[] With32(byte[] bytes, int offset, uint value, bool bigEndian)
        {
            var copy = (byte[])bytes.Clone();
            (bigEndian ? BigEndian(value) : BitConverter.GetBytes(value)).CopyTo(copy, offset);
            return copy;
        }

        public static byte[] Concat(params byte[][] parts) => parts.SelectMany(p => p).ToArray();

        /// <summary>Bytes that are no marker, signature or chunk type: (i * 7) % 251 never reaches FF.</summary>
        public static byte[] Filler(int count) => Enumerable.Range(0, count).Select(i => (byte)(i * 7 % 251)).ToArray();

        public static string DataUri(string mimeType, byte[] bytes) => "data:" + mimeType + ";base64," + Convert.ToBase64String(bytes);

        private static byte[] BigEndian(uint value) => new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value };

        private static byte[] LittleEndian24(int value) => new[] { (byte)value, (byte)(value >> 8), (byte)(value >> 16) };

        // Bit by bit, unlike the module's table, so a mistake in one does not hide in the other.
        private static uint Crc32(byte[] data)
        {
            var crc = 0xFFFFFFFFu;
            foreach (var b in data)
            {
                crc ^= b;
                for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
            return ~crc;
        }
    }
}
