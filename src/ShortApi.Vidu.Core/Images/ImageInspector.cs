using System.IO;
using static ShortApi.Vidu.Images.HeaderBytes;

namespace ShortApi.Vidu.Images
{
    /// <summary>
    /// Recognises a picture from its first bytes (never its extension) and reads its size from the header,
    /// touching only the header so that a 15 MB file costs a few kilobytes to check.
    /// </summary>
    internal static class ImageInspector
    {
        /// <summary>Inspects an open, seekable stream positioned at the start of the file.</summary>
        public static ImageInfo Inspect(Stream stream)
        {
            var head = new byte[32];
            var read = ReadUpTo(stream, head, 0, head.Length);
            // PNG sizes are unsigned 32-bit: read as int, 2^31+1 would turn negative and slip past the size checks.
            if (read >= 24 && StartsWith(head, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A) && Ascii(head, 12, 4) == "IHDR")
                return new ImageInfo(ImageFormat.Png, PngStructure.Pixels(BigEndian32(head, 16)), PngStructure.Pixels(BigEndian32(head, 20)));
            if (read >= 3 && StartsWith(head, 0xFF, 0xD8, 0xFF))
            {
                var (width, height) = JpegStructure.ReadFrameSize(stream);
                return new ImageInfo(ImageFormat.Jpeg, width, height);
            }
            if (read >= 12 && Ascii(head, 0, 4) == "RIFF" && Ascii(head, 8, 4) == "WEBP")
            {
                var (width, height) = ReadWebPSize(head, read);
                return new ImageInfo(ImageFormat.WebP, width, height);
            }
            if (read >= 6 && (Ascii(head, 0, 6) == "GIF87a" || Ascii(head, 0, 6) == "GIF89a"))
                return new ImageInfo(ImageFormat.Gif, null, null);
            if (read >= 2 && head[0] == (byte)'B' && head[1] == (byte)'M')
                return new ImageInfo(ImageFormat.Bmp, null, null);
            if (read >= 4 && (StartsWith(head, 0x49, 0x49, 0x2A, 0x00) || StartsWith(head, 0x4D, 0x4D, 0x00, 0x2A)))
                return new ImageInfo(ImageFormat.Tiff, null, null);
            if (read >= 12 && Ascii(head, 4, 4) == "ftyp")
            {
                var brand = Ascii(head, 8, 4);
                if (brand == "heic" || brand == "heix" || brand == "mif1" || brand == "msf1" || brand == "avif" || brand == "hevc")
                    return new ImageInfo(ImageFormat.Heif, null, null);
            }
            return new ImageInfo(ImageFormat.Unknown, null, null);
        }

        /// <summary>Recognises decoded bytes (the start of a data URI's payload).</summary>
        public static ImageInfo Inspect(byte[] bytes)
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return Inspect(stream);
        }

        /// <summary>
        /// Null when a recognised PNG, JPEG or WebP holds together (judged from its headers, and a PNG's chunk checksums,
        /// never decoded),
        /// otherwise what is wrong with it, for a message. The stream must be seekable.
        /// </summary>
        internal static string? FindDamage(Stream stream, ImageFormat format) => format switch
        {
            ImageFormat.Png => PngStructure.FindDamage(stream),
            ImageFormat.Jpeg => JpegStructure.FindDamage(stream),
            ImageFormat.WebP => WebPStructure.FindDamage(stream),
            _ => null,
        };

        // The size is in the first chunk's header: VP8X gives the canvas, VP8L and VP8 (a key frame) the picture.
        private static (int?, int?) ReadWebPSize(byte[] head, int read)
        {
            var chunk = Ascii(head, 12, 4);
            if (chunk == "VP8X" && read >= 30)
                return (1 + LittleEndian24(head, 24), 1 + LittleEndian24(head, 27));
            if (chunk == "VP8L" && read >= 25 && head[20] == 0x2F)
            {
                var bits = LittleEndian32(head, 21);
                return (1 + (int)(bits & 0x3FFF), 1 + (int)((bits >> 14) & 0x3FFF));
            }
            if (chunk == "VP8 " && read >= 30 && head[23] == 0x9D && head[24] == 0x01 && head[25] == 0x2A)
                return (LittleEndian16(head, 26) & 0x3FFF, LittleEndian16(head, 28) & 0x3FFF);
            return (null, null);
        }
    }
}
