using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.RegularExpressions;

namespace ShortApi.Vidu
{
    /// <summary>
    /// Reads mode, resolution and duration from text exactly (a CSV cell, a typed argument): a blank means "not given",
    /// a duration that is not a whole number is a problem to report, never rounded ("7.5") or dropped ("10 sec"),
    /// because a silently changed cell is a video the user pays for and did not ask for. Whether the model offers the
    /// value is the catalogue's question (Models/ModelRules), asked once the model is known.
    /// </summary>
    internal static class PlanValues
    {
        private static readonly Regex WholeNumber = new Regex(@"^\s*\+?\d{1,9}\s*$", RegexOptions.CultureInvariant);
        private static readonly Regex Range = new Regex(@"^\s*(\d{1,9})\s*\.\.\s*(\d{1,9})\s*$", RegexOptions.CultureInvariant);

        public static bool IsBlank(string? text) => string.IsNullOrWhiteSpace(text);

        /// <summary>A mode as given (trimmed), or null for a blank.</summary>
        public static string? Mode(string? text) => IsBlank(text) ? null : text!.Trim();

        /// <summary>A resolution as given ("720" reads as "720p"), or null for a blank.</summary>
        public static string? Resolution(string? text)
        {
            if (IsBlank(text)) return null;
            var value = text!.Trim();
            return char.IsDigit(value[value.Length - 1]) ? value + "p" : value;
        }

        /// <summary>A whole number of seconds; null for a blank; false with a problem for anything else.</summary>
        public static bool TryDuration(string? text, out int? seconds, out string problem)
        {
            problem = string.Empty;
            seconds = null;
            if (IsBlank(text)) return true;
            if (!WholeNumber.IsMatch(text!) || !int.TryParse(text!.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                problem = "is not a whole number of seconds";
                return false;
            }
            seconds = value;
            return true;
        }

        /// <summary>Durations from a cell that may also be a range ("1..10"); empty for a blank.</summary>
        public static bool TryDurations(string? text, out IReadOnlyList<int> seconds, out string problem)
        {
            seconds = Array.Empty<int>();
            problem = string.Empty;
            var match = IsBlank(text) ? null : Range.Match(text!);
            if (match != null && match.Success)
            {
                var from = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                var to = int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture);
                if (Math.Abs((long)to - from) > 1000)
                {
                    problem = "is a range too long to price";
                    return false;
                }
                var list = new List<int>();
                for (var d = from; from <= to ? d <= to : d >= to; d += from <= to ? 1 : -1) list.Add(d);
                seconds = list;
                return true;
            }
            if (!TryDuration(text, out var single, out problem)) return false;
            seconds = single is int s ? new[] { s } : Array.Empty<int>();
            return true;
        }
    }
}
