using System;
using System.Globalization;

namespace ShortApi.Vidu.Wire
{
    /// <summary>
    /// Holds the API key so that it cannot leak by accident: ToString masks it and the value is readable only inside
    /// the core, where the Authorization header is built. A key that could not travel in a header is refused here,
    /// before any request exists, so such a mistake can never look like a create that "may have been charged".
    /// </summary>
    internal sealed class ApiKey
    {
        /// <summary>The environment variable read when no key is passed.</summary>
        public const string EnvironmentVariable = "SHORTAPI_KEY";

        /// <summary>What the key looks like in any text the module writes.</summary>
        public const string Mask = "****";

        /// <summary>Wraps a key; throws <see cref="ArgumentException"/> (naming the source, never the key) when it cannot be sent.</summary>
        public ApiKey(string value, string source = "-ApiKey")
        {
            if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException($"The API key from {source} is empty.");
            var trimmed = value.Trim();
            var leading = value.Length - value.TrimStart().Length;
            for (var i = 0; i < trimmed.Length; i++)
            {
                // HTTP header values are visible ASCII; anything else (a line break pasted with the key, a non-ASCII quote)
                // would make the request fail inside the HTTP stack after the batch had started, and a NUL would cut the
                // key short wherever it passes through a C string. The position counts from the key as given.
                var c = trimmed[i];
                if (c < 0x21 || c > 0x7E)
                    throw new ArgumentException($"The API key from {source} contains a character that cannot be sent in an HTTP header ({Describe(c)} at character {(leading + i + 1).ToString(CultureInfo.InvariantCulture)}). Copy the key again from your ShortAPI dashboard.");
            }
            Value = trimmed;
        }

        public string Value { get; }

        /// <summary>The key from SHORTAPI_KEY, or null when it is not set.</summary>
        public static ApiKey? FromEnvironment()
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            return string.IsNullOrWhiteSpace(value) ? null : new ApiKey(value!, "$env:" + EnvironmentVariable);
        }

        /// <summary>Replaces every occurrence of the key in a text with the mask.</summary>
        public string Redact(string? text) =>
            string.IsNullOrEmpty(text) ? text ?? string.Empty : text!.Replace(Value, Mask);

        /// <inheritdoc />
        public override string ToString() => Mask;

        private static string Describe(char c) =>
            c == '\0' ? "a NUL character (U+0000)" : c < 0x20 || c == 0x7F ? "a control character" : c == ' ' ? "a space" : "a non-ASCII character";
    }
}
