using System;
using System.Net;

namespace ShortApi.Vidu.Wire
{
    /// <summary>Checks and normalises the API base URI: https, or http only to a loopback host.</summary>
    internal static class ApiEndpoint
    {
        /// <summary>The service's own address.</summary>
        public const string DefaultBaseUri = "https://api.shortapi.ai";

        /// <summary>The environment variable read when no -BaseUri is passed.</summary>
        public const string EnvironmentVariable = "SHORTAPI_BASE_URL";

        /// <summary>
        /// The base URI from a parameter, else the environment, else the default. Throws
        /// <see cref="ArgumentException"/> naming the source and what to do when it is malformed or unsafe.
        /// </summary>
        public static Uri Resolve(string? parameterValue)
        {
            if (!string.IsNullOrWhiteSpace(parameterValue)) return Parse(parameterValue!, "-BaseUri");
            var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(fromEnvironment)) return Parse(fromEnvironment!, "$env:" + EnvironmentVariable);
            return new Uri(DefaultBaseUri);
        }

        /// <summary>Parses one base URI; <paramref name="source"/> names where it came from for the error text.</summary>
        public static Uri Parse(string text, string source)
        {
            if (!Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
                throw new ArgumentException($"{source} '{text}' is not an absolute URI. Use the form https://api.shortapi.ai.");
            if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                throw new ArgumentException($"{source} '{text}' uses '{uri.Scheme}'. The API is reached over https.");
            if (uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri))
                throw new ArgumentException($"{source} '{text}' is plain http to a remote host, which would send the API key unencrypted. Use https (plain http is allowed only for loopback, such as the emulator).");
            if (!string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
                throw new ArgumentException($"{source} '{text}' has a query, fragment or user name. Give only scheme, host, port and an optional path.");
            // A trailing slash lets "api/v1/..." be combined under a path prefix (a proxy mount).
            var path = uri.AbsolutePath.EndsWith("/", StringComparison.Ordinal) ? uri.AbsolutePath : uri.AbsolutePath + "/";
            return new UriBuilder(uri.Scheme, uri.Host, uri.Port, path).Uri;
        }

        /// <summary>Whether the URI names this machine (localhost, 127.0.0.0/8, ::1).</summary>
        public static bool IsLoopback(Uri uri)
        {
            if (string.Equals(uri.Host, "localhost", StringComparison.OrdinalIgnoreCase)) return true;
            return IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address);
        }
    }
}
