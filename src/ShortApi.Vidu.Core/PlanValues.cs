using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ShortApi.Vidu
{
    /// <summary>
    /// Reads mode, resolution and duration from text exactly (a CSV cell, a typed argument): a blank means "not given",
    /// anything that is not an exact value is a problem to report, never rounded ("7.5") or dropped ("10 sec"), because a
    /// silently changed cell is a video the user pays for and did not ask for.
    /// </summary>
    internal static class PlanValues
    {
        private static readonly Regex WholeNumber = new Regex(@"^\s*\+?\d{1,9}\s*$", RegexOptions.CultureInvariant);
        private static readonly Regex Range = new Regex(@"^\s*(\d{1,9})\s*\.\.\s*(\d{1,9})\s*$", RegexOptions.CultureInvariant);

        public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

        /// <summary>The mode as the wire spells it; null for a blank; false with a problem for anything else.</summary>
        public static bool TryMode(string? text, out string? mode, out string problem)
        {
            problem = string.Empty;
            mode = null;
            if (IsBlank(text)) return true;
            mode = ViduModel.NormalizeMode(text);
            if (mode != null) return true;
            problem = $"is not a mode; use one of {string.Join(", ", ViduModel.Modes)}";
            return false;
        }

        /// <summary>The resolution as the wire spells it ("720" reads as 720p); null for a blank.</summary>
        public static bool TryResolution(string? text, out string? resolution, out string problem)
        {
            problem = string.Empty;
            resolution = null;
            if (IsBlank(text)) return true;
            resolution = ViduModel.NormalizeResolution(text);
            if (resolution != null) return true;
            problem = $"is not a resolution; use one of {string.Join(", ", ViduModel.Resolutions)}";
            return false;
        }

        /// <summary>A whole number of seconds in range; null for a blank.</summary>
        public static bool TryDuration(string? text, out int? seconds, out string problem)
        {
            problem = string.Empty;
            seconds = null;
            if (IsBlank(text)) return true;
            if (!WholeNumber.IsMatch(text!) || !int.TryParse(text!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                problem = $"is not a whole number of seconds; use {ViduModel.MinDuration} to {ViduModel.MaxDuration}";
                return false;
            }
            if (value < ViduModel.MinDuration || value > ViduModel.MaxDuration)
            {
                problem = $"is out of range; videos are {ViduModel.MinDuration} to {ViduModel.MaxDuration} seconds";
                return false;
            }
            seconds = value;
            return true;
        }

        /// <summary>Durations from a cell that may also be a range ("1..10"); empty for a blank.</summary>
        public static bool TryDurations(string? text, out IReadOnlyList<int> seconds, out string problem)
        {
            seconds = Array.Empty<int>();
            var match = IsBlank(text) ? null : Range.Match(text!);
            if (match != null && match.Success)
            {
                var from = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                var to = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
                var list = new List<int>();
                for (var d = from; from <= to ? d <= to : d >= to; d += from <= to ? 1 : -1)
                {
                    if (!TryDuration(d.ToString(CultureInfo.InvariantCulture), out var one, out problem)) return false;
                    list.Add(one!.Value);
                }
                seconds = list;
                problem = string.Empty;
                return true;
            }
            if (!TryDuration(text, out var single, out problem)) return false;
            seconds = single is int s ? new[] { s } : Array.Empty<int>();
            return true;
        }
    }
}
