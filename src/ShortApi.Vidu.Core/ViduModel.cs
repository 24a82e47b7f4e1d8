using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Vidu
{
    /// <summary>The rules of the vidu/vidu-q2/image-to-video model, as the service's own page states them.</summary>
    internal static class ViduModel
    {
        /// <summary>The model id sent in every create call.</summary>
        public const string ModelId = "vidu/vidu-q2/image-to-video";

        /// <summary>Generation modes the model accepts.</summary>
        public static readonly IReadOnlyList<string> Modes = new[] { "turbo", "pro", "pro-fast" };

        /// <summary>Output resolutions the model accepts.</summary>
        public static readonly IReadOnlyList<string> Resolutions = new[] { "540p", "720p", "1080p" };

        /// <summary>The service's default mode.</summary>
        public const string DefaultMode = "pro";

        /// <summary>The service's default resolution.</summary>
        public const string DefaultResolution = "720p";

        /// <summary>The service's default duration in seconds.</summary>
        public const int DefaultDuration = 5;

        /// <summary>Shortest video in seconds.</summary>
        public const int MinDuration = 1;

        /// <summary>Longest video in seconds.</summary>
        public const int MaxDuration = 10;

        /// <summary>Public copies of Vidu's docs give 2000 to 5000 characters; the larger bound refuses only what no copy allows.</summary>
        public const int MaxPromptLength = 5000;

        /// <summary>The service refuses request bodies of 20 MB or more; a base64 image must fit inside.</summary>
        public const long MaxRequestBodyBytes = 20L * 1024 * 1024;

        /// <summary>The flattest and tallest aspect ratio (width / height) the model accepts.</summary>
        public const double MinAspectRatio = 1.0 / 4.0, MaxAspectRatio = 4.0;

        /// <summary>The mode name as the wire spells it, or null when it is not one.</summary>
        public static string? NormalizeMode(string? mode) =>
            mode == null ? null : Modes.FirstOrDefault(m => string.Equals(m, mode.Trim(), StringComparison.OrdinalIgnoreCase));

        /// <summary>The resolution as the wire spells it ("720" is read as "720p"), or null when it is not one.</summary>
        public static string? NormalizeResolution(string? resolution)
        {
            if (resolution == null) return null;
            var text = resolution.Trim();
            if (text.Length > 0 && char.IsDigit(text[text.Length - 1])) text += "p";
            return Resolutions.FirstOrDefault(r => string.Equals(r, text, StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>Whether the mode offers the resolution (pro-fast has no 540p).</summary>
        public static bool Offers(string mode, string resolution) =>
            !(string.Equals(mode, "pro-fast", StringComparison.OrdinalIgnoreCase) &&
              string.Equals(resolution, "540p", StringComparison.OrdinalIgnoreCase));
    }
}
