using System;

namespace ShortApi.Vidu
{
    /// <summary>
    /// Messages are built from pieces (a system's message, the service's words, our advice); each piece must end as a
    /// sentence, with exactly one full stop, so the next can follow ("is denied. Keep", not "is denied.. Keep" or
    /// "insufficient balance Top up").
    /// </summary>
    internal static class Sentences
    {
        /// <summary><paramref name="text"/> trimmed, with a full stop added unless it already ends a sentence.</summary>
        public static string End(string? text)
        {
            var trimmed = (text ?? string.Empty).TrimEnd();
            if (trimmed.Length == 0) return trimmed;
            var last = trimmed[trimmed.Length - 1];
            return last == '.' || last == '!' || last == '?' ? trimmed : trimmed + ".";
        }
    }
}
