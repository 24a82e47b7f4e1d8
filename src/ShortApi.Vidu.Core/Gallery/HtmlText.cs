using System.Text;

namespace ShortApi.Vidu.Gallery
{
    /// <summary>
    /// Encodes text for HTML element content and double-quoted attribute values alike: every character that could
    /// open or close markup (&amp; &lt; &gt; " ') becomes a character reference, so a prompt that holds markup shows as
    /// text and never runs. Control characters and lone surrogates, which have no business in a page, become U+FFFD,
    /// which keeps the page well-formed XML as well as HTML.
    /// </summary>
    internal static class HtmlText
    {
        public static string Encode(string? text)
        {
            if (string.IsNullOrEmpty(text)) return string.Empty;
            var builder = new StringBuilder(text!.Length + 16);
            for (var i = 0; i < text.Length; i++)
            {
                var c = text[i];
                switch (c)
                {
                    case '&': builder.Append("&amp;"); continue;
                    case '<': builder.Append("&lt;"); continue;
                    case '>': builder.Append("&gt;"); continue;
                    case '"': builder.Append("&quot;"); continue;
                    case '\'': builder.Append("&#39;"); continue;
                }
                if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    builder.Append(c).Append(text[++i]);
                    continue;
                }
                builder.Append(IsAllowed(c) ? c : '\uFFFD');
            }
            return builder.ToString();
        }

        // What XML 1.0 and HTML both accept in text: tab, newline, carriage return and the printable planes.
        private static bool IsAllowed(char c) =>
            c == '\t' || c == '\n' || c == '\r' ||
            (c >= ' ' && c < '\u007F') || (c >= '\u00A0' && c <= '\uD7FF' && !char.IsSurrogate(c)) || (c >= '\uE000' && c <= '\uFFFD');
    }
}
