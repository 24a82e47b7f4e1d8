using System;
using System.IO;
using System.Text;

namespace ShortApi.Vidu.Tests.Support
{
    /// <summary>A temporary folder per test, with builders for picture files whose headers are real.</summary>
    internal sealed class TestFolder : IDisposable
    {
        public TestFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vidu-tests", Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public string Write(string name, byte[] bytes)
        {
            var path = File(name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllBytes(path, bytes);
            return path;
        }

        public string Png(string name, int width = 160, int height = 90, int padding = 64) => Write(name, Pictures.Png(width, height, padding));

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }

    /// <summary>Byte-level picture headers, built by hand so the tests do not trust the code they test.</summary>
    internal static class Pictures
    {
        public static byte[] Png(int width, int height, int padding = 64)
        {
            var bytes = new byte[33 + padding];
            new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
            BigEndian(width).CopyTo(bytes, 16);
            BigEndian(height).CopyTo(bytes, 20);
            bytes[24] = 8;
            bytes[25] = 2;
            for (var i = 33; i < bytes.Length; i++) bytes[i] = (byte)(i * 7);
            return bytes;
        }

        public static byte[] Jpeg(int width, int height)
        {
            // SOI, an APP0 segment (JFIF) to skip, then SOF0 with the size, then EOI.
            return new byte[]
            {
                0xFF, 0xD8,
                0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0,
                0xFF, 0xC0, 0x00, 0x11, 0x08, (byte)(height >> 8), (byte)height, (byte)(width >> 8), (byte)width, 3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1,
                0xFF, 0xD9,
            };
        }

        public static byte[] WebPLossless(int width, int height)
        {
            var bytes = new byte[40];
            Encoding.ASCII.GetBytes("RIFF").CopyTo(bytes, 0);
            BitConverter.GetBytes(32).CopyTo(bytes, 4);
            Encoding.ASCII.GetBytes("WEBPVP8L").CopyTo(bytes, 8);
            BitConverter.GetBytes(20).CopyTo(bytes, 16);
            bytes[20] = 0x2F;
            var bits = (uint)(width - 1) | ((uint)(height - 1) << 14);
            BitConverter.GetBytes(bits).CopyTo(bytes, 21);
            return bytes;
        }

        public static byte[] Gif() => Encoding.ASCII.GetBytes("GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;");

        public static byte[] Bmp() => new byte[] { (byte)'B', (byte)'M', 62, 0, 0, 0, 0, 0, 0, 0, 54, 0, 0, 0, 40, 0 };

        private static byte[] BigEndian(int value) => new[] { (byte)(value >> 24), (byte)(value >> 16), (byte)(value >> 8), (byte)value };
    }
}
