using System;
using System.IO;
using System.Text;

namespace ShortApi.Vidu.Images
{
    /// <summary>
    /// Recognises a picture from its first bytes (never its extension) and reads its size from the header,
    /// touching only the header so that a 15 MB file costs a few kilobytes to check.
    /// </summary>
    public static class ImageInspector
    {
        /// <summary>Inspects an open, seekable stream positioned at the start of the file.</summary>
        public static ImageInfo Inspect(Stream stream)
        {
            var head = new byte[32];
            var read = ReadUpTo(stream, head, 0, head.Length);
            if (read >= 24 && StartsWith(head, 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A) && Ascii(head, 12, 4) == "IHDR")
                return new ImageInfo(ImageFormat.Png, BigEndian32(head, 16), BigEndian32(head, 20));
            if (read >= 3 && StartsWith(head, 0xFF, 0xD8, 0xFF))
            {
                var (width, height) = ReadJpegSize(stream);
                return new ImageInfo(ImageFormat.Jpeg, width, height);
            }
            if (read >= 30 && Ascii(head, 0, 4) == "RIFF" && Ascii(head, 8, 4) == "WEBP")
            {
                var (width, height) = ReadWebPSize(head);
                return new ImageInfo(ImageFormat.WebP, width, height);
            }
            if (read >= 12 && Ascii(head, 0, 4) == "RIFF" && Ascii(head, 8, 4) == "WEBP")
                return new ImageInfo(ImageFormat.WebP, null, null);
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

        // JPEG keeps its size in a start-of-frame segment, after any number of APPn segments (EXIF can be 64 KB):
        // walk the segment headers, seeking over their bodies, until a SOF marker.
        private static (int?, int?) ReadJpegSize(Stream stream)
        {
            stream.Position = 2;
            var header = new byte[9];
            for (var guard = 0; guard < 512; guard++)
            {
                if (ReadUpTo(stream, header, 0, 4) < 4 || header[0] != 0xFF) return (null, null);
                var marker = header[1];
                while (marker == 0xFF)
                {
                    if (ReadUpTo(stream, header, 1, 1) < 1) return (null, null);
                    marker = header[1];
                    if (ReadUpTo(stream, header, 2, 2) < 2) return (null, null);
                }
                var length = (header[2] << 8) | header[3];
                if (length < 2) return (null, null);
                var isStartOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
                if (isStartOfFrame)
                {
                    if (ReadUpTo(stream, header, 0, 5) < 5) return (null, null);
                    var height = (header[1] << 8) | header[2];
                    var width = (header[3] << 8) | header[4];
                    return (width, height);
                }
                if (marker == 0xD9 || marker == 0xDA) return (null, null); // end of image / start of scan: no SOF seen
                stream.Seek(length - 2, SeekOrigin.Current);
            }
            return (null, null);
        }

        private static (int?, int?) ReadWebPSize(byte[] head)
        {
            var chunk = Ascii(head, 12, 4);
            if (chunk == "VP8X")
                return (1 + (head[24] | head[25] << 8 | head[26] << 16), 1 + (head[27] | head[28] << 8 | head[29] << 16));
            if (chunk == "VP8L" && head[20] == 0x2F)
            {
                var bits = head[21] | head[22] << 8 | head[23] << 16 | head[24] << 24;
                return (1 + (bits & 0x3FFF), 1 + ((bits >> 14) & 0x3FFF));
            }
            if (chunk == "VP8 " && head[23] == 0x9D && head[24] == 0x01 && head[25] == 0x2A)
                return ((head[26] | head[27] << 8) & 0x3FFF, (head[28] | head[29] << 8) & 0x3FFF);
            return (null, null);
        }

        private static int ReadUpTo(Stream stream, byte[] buffer, int offset, int count)
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

        private static bool StartsWith(byte[] data, params byte[] prefix)
        {
            for (var i = 0; i < prefix.Length; i++)
                if (data[i] != prefix[i]) return false;
            return true;
        }

        private static string Ascii(byte[] data, int offset, int count) => Encoding.ASCII.GetString(data, offset, count);

        private static int BigEndian32(byte[] data, int offset) =>
            data[offset] << 24 | data[offset + 1] << 16 | data[offset + 2] << 8 | data[offset + 3];
    }
}
