using System.Globalization;

namespace ShortApi.Vidu.Images
{
    /// <summary>The base64 text after a data URI's comma, checked strictly before it is decoded.</summary>
    internal static class DataUriPayload
    {
        /// <summary>
        /// Null when the text is plain base64 (A–Z a–z 0–9 + /, '=' only as the last one or two characters, a length
        /// that is a multiple of 4, not empty), otherwise what is wrong, for a message.
        /// </summary>
        public static string? FindProblem(string base64)
        {
            if (base64.Length == 0) return "there is nothing after the comma";
            if (base64.Length % 4 != 0)
                return $"its {Number(base64.Length)} characters after the comma are not a multiple of 4: it was cut short or mangled";
            var padding = 0;
            while (padding < 2 && base64[base64.Length - 1 - padding] == '=') padding++;
            for (var i = 0; i < base64.Length - padding; i++)
            {
                var c = base64[i];
                if (IsBase64Digit(c)) continue;
                return c == '='
                    ? $"there is '=' padding at character {Number(i + 1)} after the comma, before the end"
                    : $"{Describe(c)} at character {Number(i + 1)} after the comma is not a base64 character" +
                      (c == '-' || c == '_' ? " (URL-safe base64 is not accepted)" : "");
            }
            return null;
        }

        private static bool IsBase64Digit(char c) =>
            (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';

        private static string Describe(char c) =>
            c > ' ' && c < 0x7F ? "'" + c + "'" : "U+" + ((int)c).ToString("X4", CultureInfo.InvariantCulture);

        private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
    }
}
