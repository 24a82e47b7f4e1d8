using System;
using System.Text;

namespace ShortApi.Vidu.Downloads
{
    /// <summary>
    /// Recognises a video file from its first bytes, so that an "Access denied" page or a JSON error served with
    /// status 200 is never saved under a .mp4 name and counted as the video the user paid for.
    /// </summary>
    internal static class VideoContainer
    {
        /// <summary>How many leading bytes <see cref="IsVideo"/> needs.</summary>
        public const int SniffBytes = 12;

        // ISO base media (MP4, MOV, M4V, 3GP) files start with a box: 4 bytes of size, then its type.
        private static readonly string[] IsoBoxes = { "ftyp", "moov", "mdat", "free", "skip", "wide", "pnot" };

        public static bool IsVideo(byte[] head, int count)
        {
            if (count >= 8)
            {
                var box = Encoding.ASCII.GetString(head, 4, 4);
                if (Array.IndexOf(IsoBoxes, box) >= 0) return true;
            }
            // Matroska / WebM: the EBML magic number.
            return count >= 4 && head[0] == 0x1A && head[1] == 0x45 && head[2] == 0xDF && head[3] == 0xA3;
        }

        /// <summary>A Content-Type that says the body is a page or a message, not a file.</summary>
        public static bool IsTextType(string? mediaType) =>
            mediaType != null &&
            (mediaType.StartsWith("text/", StringComparison.OrdinalIgnoreCase) ||
             mediaType.IndexOf("json", StringComparison.OrdinalIgnoreCase) >= 0 ||
             mediaType.IndexOf("xml", StringComparison.OrdinalIgnoreCase) >= 0);
    }
}
