using System;

namespace ShortApi.Vidu.Http
{
    /// <summary>
    /// Holds the API key so that it cannot leak by accident: ToString masks it and the value
    /// is readable only inside the core, where the Authorization header is built.
    /// </summary>
    public sealed class ApiKey
    {
        /// <summary>The environment variable read when no key is passed.</summary>
        public const string EnvironmentVariable = "SHORTAPI_KEY";

        /// <summary>Wraps a key.</summary>
        public ApiKey(string value)
        {
            if (string.IsNullOrWhiteSpace(value)) throw new ArgumentException("The API key is empty.", nameof(value));
            Value = value.Trim();
        }

        internal string Value { get; }

        /// <summary>The key from SHORTAPI_KEY, or null when it is not set.</summary>
        public static ApiKey? FromEnvironment()
        {
            var value = Environment.GetEnvironmentVariable(EnvironmentVariable);
            return string.IsNullOrWhiteSpace(value) ? null : new ApiKey(value!);
        }

        /// <summary>Replaces every occurrence of the key in a text with a mask.</summary>
        public string Redact(string? text) =>
            string.IsNullOrEmpty(text) ? text ?? string.Empty : text!.Replace(Value, Mask);

        /// <summary>What the key looks like in any text the module writes.</summary>
        public const string Mask = "****";

        /// <inheritdoc />
        public override string ToString() => Mask;
    }
}
