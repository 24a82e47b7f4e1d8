using System;
using System.Globalization;
using System.IO;

namespace ShortApi.Vidu.Images
{
    /// <summary>
    /// Whether a JPEG holds together, judged without decoding it: the segments before the image data are walked by
    /// their headers (seeking over their bodies, so a 64 KB EXIF block costs 4 bytes), a start-of-frame comes
    /// before the first scan, and an end-of-image marker closes the file.
    /// </summary>
    internal static class JpegStructure
    {
        // A file cut inside its scan data has no FF D9 after its scan starts (scan data never holds one: a data byte FF
        // is written FF 00). Padding or trailing data after the marker is common, so the marker is looked for in the
        // last 64 KB first rather than in the last two bytes.
        private const int EndMarkerWindow = 64 * 1024;

        // Real files have a few dozen segments before the image data (at most 255 ICC profile pieces, a few
        // EXIF/XMP blocks); the cap keeps a hostile file of millions of tiny segments from costing millions of reads.
        private const int MaxMarkers = 1024;

        /// <summary>The size in the first start-of-frame header, when the walk reaches one.</summary>
        public static (int? Width, int? Height) ReadFrameSize(Stream stream)
        {
            var layout = Walk(stream);
            return (layout.Width, layout.Height);
        }

        /// <summary>Null when the structure holds, otherwise what is wrong, for a message.</summary>
        public static string? FindDamage(Stream stream)
        {
            var layout = Walk(stream);
            if (layout.Damage != null) return layout.Damage;
            return EndsWithEndMarker(stream, layout.ScanStart)
                ? null
                : "it has no end-of-image marker (FF D9) after its image data: the file is cut short, perhaps an unfinished download or copy";
        }

        // From the SOI to the first start-of-scan (SOS); the image data after it is not walked.
        private static Layout Walk(Stream stream)
        {
            var length = stream.Length;
            var bytes = new byte[5];
            long position = 2; // after SOI (FF D8)
            int? width = null, height = null;
            Layout Damaged(string damage) => new Layout(width, height, 0, damage);
            for (var markers = 0; markers < MaxMarkers; markers++)
            {
                if (!HeaderBytes.ReadAt(stream, position, bytes, 2))
                    return Damaged($"it stops at byte {Number(length)}, before its image data starts: the file is cut short");
                if (bytes[0] != 0xFF)
                    return Damaged($"there is no segment marker at byte {Number(position)}");
                var marker = bytes[1];
                if (marker == 0xFF)
                {
                    position++; // a fill byte: any number of FF may come before a marker
                    continue;
                }
                if (marker == 0xD9)
                    return Damaged(width == null
                        ? "it ends (end-of-image marker) before any start-of-frame header"
                        : "it ends (end-of-image marker) before any image data (start-of-scan)");
                position += 2;
                if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) continue; // TEM and RSTn have no length
                if (marker == 0x00 || marker == 0xD8)
                    return Damaged($"there is no valid segment marker at byte {Number(position - 2)}");
                if (!HeaderBytes.ReadAt(stream, position, bytes, 2))
                    return Damaged($"it stops at byte {Number(length)}, before its image data starts: the file is cut short");
                var segmentLength = HeaderBytes.BigEndian16(bytes, 0);
                var end = position + segmentLength;
                if (segmentLength < 2)
                    return Damaged($"segment FF{marker:X2} at byte {Number(position - 2)} has an impossible length ({segmentLength})");
                if (end > length)
                    return Damaged($"segment FF{marker:X2} at byte {Number(position - 2)} runs {Number(end - length)} bytes past the end of the file: the file is cut short");
                if (IsStartOfFrame(marker) && width == null)
                {
                    // Precision (1), height (2), width (2).
                    if (segmentLength < 8 || !HeaderBytes.ReadAt(stream, position + 2, bytes, 5))
                        return Damaged("its start-of-frame header is too short to hold a size");
                    height = HeaderBytes.BigEndian16(bytes, 1);
                    width = HeaderBytes.BigEndian16(bytes, 3);
                }
                if (marker == 0xDA)
                    return width == null
                        ? Damaged("its image data (start-of-scan) comes before any start-of-frame header, so it has no size or layout")
                        : new Layout(width, height, end, null);
                position = end;
            }
            return Damaged($"it has more than {MaxMarkers} markers before its image data, which no real picture has");
        }

        // Searched only after the scan starts, so the FF D9 of an EXIF thumbnail near the start does not count. The
        // tail is looked at first (the common case costs one read); only when it has no marker is the rest of the
        // file read forwards, because a phone's "motion photo" carries a whole MP4 after its picture's end marker.
        private static bool EndsWithEndMarker(Stream stream, long scanStart)
        {
            var length = stream.Length;
            var from = Math.Max(scanStart, length - EndMarkerWindow);
            if (ContainsEndMarker(stream, from, length)) return true;
            return from > scanStart && ContainsEndMarker(stream, scanStart, from + 1);
        }

        private static bool ContainsEndMarker(Stream stream, long from, long to)
        {
            var block = new byte[EndMarkerWindow];
            for (var start = from; start < to - 1; start += block.Length - 1)
            {
                // Blocks overlap by one byte so a marker split across two blocks is still seen.
                var count = (int)Math.Min(block.Length, to - start);
                if (!HeaderBytes.ReadAt(stream, start, block, count)) return false;
                for (var i = 0; i < count - 1; i++)
                    if (block[i] == 0xFF && block[i + 1] == 0xD9) return true;
            }
            return false;
        }

        // SOF0-SOF15, except DHT (C4), JPG (C8) and DAC (CC), which share the range.
        private static bool IsStartOfFrame(byte marker) =>
            marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;

        private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

        private sealed class Layout
        {
            public Layout(int? width, int? height, long scanStart, string? damage)
            {
                Width = width;
                Height = height;
                ScanStart = scanStart;
                Damage = damage;
            }

            public int? Width { get; }

            public int? Height { get; }

            /// <summary>Where the first scan's data begins (after its SOS header).</summary>
            public long ScanStart { get; }

            public string? Damage { get; }
        }
    }
}
