using System;
using System.Collections.Generic;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace ShortApi.Vidu.Transport
{
    /// <summary>
    /// One explicit proxy: its address and how to sign in to it (a credential, the logged-on user's, or nothing), or an
    /// <see cref="IWebProxy"/> a C# caller built. No settings at all (null) means the platform's default proxy (see
    /// <see cref="SharedHttpClient"/>). Settings that would make the same handler are equal, so they share one HttpClient.
    /// The credential's password is masked in every text the module writes.
    /// </summary>
    internal sealed class ProxySettings : IEquatable<ProxySettings>
    {
        // user:password@ in any URI, such as HTTP_PROXY=http://user:password@proxy:8080 quoted back in a .NET error message.
        private static readonly Regex UserInfo = new Regex(@"(?<=://)[^/\s@'""]+@", RegexOptions.CultureInvariant);

        private readonly IWebProxy? _given;
        private readonly string[] _secrets;

        /// <summary>A proxy at <paramref name="address"/> (checked with <see cref="CheckAddress"/>).</summary>
        public ProxySettings(Uri address, NetworkCredential? credential = null, bool useDefaultCredentials = false)
        {
            if (credential != null && useDefaultCredentials)
                throw new ArgumentException("A proxy credential and the default credentials cannot be used together.");
            Address = address ?? throw new ArgumentNullException(nameof(address));
            Credential = credential;
            UseDefaultCredentials = useDefaultCredentials;
            _secrets = SecretsOf(credential);
        }

        private ProxySettings(IWebProxy given)
        {
            _given = given;
            Address = (given as WebProxy)?.Address;
            _secrets = SecretsOf(given.Credentials as NetworkCredential);
        }

        /// <summary>Settings for a proxy object a C# caller made; one HttpClient is kept per such object.</summary>
        public static ProxySettings FromWebProxy(IWebProxy proxy) => new ProxySettings(proxy ?? throw new ArgumentNullException(nameof(proxy)));

        /// <summary>The proxy's address, when known.</summary>
        public Uri? Address { get; }

        public NetworkCredential? Credential { get; }

        /// <summary>Sign in to the proxy as the logged-on user (Negotiate, NTLM).</summary>
        public bool UseDefaultCredentials { get; }

        /// <summary>
        /// Checks a proxy address as a user gave it: absolute, http or https, with a host, and no user name or password in
        /// it (those go in a credential, which is masked; a URI is shown). Returns scheme, host and port only.
        /// </summary>
        public static Uri CheckAddress(Uri? address, string source)
        {
            var shown = Shown(address);
            if (address != null && address.OriginalString.IndexOf('@') >= 0)
                throw new ArgumentException($"{source} '{shown}' has a user name or password in it, where it would be shown. Give the address alone and the credential with -ProxyCredential.");
            if (address == null || !address.IsAbsoluteUri || string.IsNullOrEmpty(address.Host) || address.Scheme == Uri.UriSchemeFile)
                throw new ArgumentException($"{source} '{shown}' is not an absolute http(s) URI. Name the proxy with its scheme, such as http://proxy.example.com:8080.");
            if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
                throw new ArgumentException($"{source} '{shown}' uses '{address.Scheme}'. Name an http:// or https:// proxy, such as http://proxy.example.com:8080 (a bare host:port reads as a scheme).");
            if (address.Scheme == Uri.UriSchemeHttps && SystemProxy.OnNetFramework)
                throw new ArgumentException($"{source} '{shown}' is an https proxy; Windows PowerShell (.NET Framework) reaches proxies over http:// only. Use the proxy's http:// address, or PowerShell 7.");
            return new UriBuilder(address.Scheme, address.Host, address.Port).Uri;
        }

        /// <summary>A proxy address as typed, with anything before an '@' masked (user:password@host also parses as a scheme).</summary>
        public static string Shown(Uri? address)
        {
            var text = address?.OriginalString ?? string.Empty;
            var at = text.LastIndexOf('@');
            if (at < 0) return text;
            var scheme = text.IndexOf("://", StringComparison.Ordinal);
            var start = scheme >= 0 && scheme < at ? scheme + 3 : 0;
            return text.Substring(0, start) + Wire.ApiKey.Mask + text.Substring(at);
        }

        /// <summary>
        /// The proxy for the handler. An address becomes a WebProxy that is used for every destination, loopback included
        /// (BypassProxyOnLocal off, as Invoke-RestMethod -Proxy does); .NET Framework still never proxies loopback.
        /// </summary>
        public IWebProxy CreateWebProxy()
        {
            if (_given != null) return _given;
            var proxy = new WebProxy(Address) { BypassProxyOnLocal = false };
            if (Credential != null) proxy.Credentials = Credential;
            else if (UseDefaultCredentials) proxy.UseDefaultCredentials = true;
            return proxy;
        }

        /// <summary>For verbose lines: the proxy's scheme, host and port, never a user name or password.</summary>
        public string Describe() => Address == null ? "the given proxy" : WithoutUserInfo(Address);

        /// <summary>Masks this proxy's password (and its Basic token) in a text, and any user:password@ in a URI.</summary>
        public string Redact(string? text) => RedactAll(text, _secrets);

        /// <summary>Masks user:password@ in URIs, for when no explicit proxy is set (the default proxy may carry one).</summary>
        public static string RedactUserInfo(string? text) => RedactAll(text, Array.Empty<string>());

        /// <summary>Scheme, host and port of a proxy address.</summary>
        public static string WithoutUserInfo(Uri address) =>
            address.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped) + "/";

        private static string RedactAll(string? text, string[] secrets)
        {
            if (string.IsNullOrEmpty(text)) return text ?? string.Empty;
            var masked = text!;
            foreach (var secret in secrets) masked = masked.Replace(secret, Wire.ApiKey.Mask);
            return masked.IndexOf("://", StringComparison.Ordinal) < 0 ? masked : UserInfo.Replace(masked, Wire.ApiKey.Mask + "@");
        }

        // The password, and the Basic token that carries it (base64 of user:password, with and without the domain):
        // a proxy page that echoes Proxy-Authorization gives the password away as surely as the plain text. A short
        // password masks ordinary words too; a readable leak would be worse.
        private static string[] SecretsOf(NetworkCredential? credential)
        {
            if (credential == null || string.IsNullOrEmpty(credential.Password)) return Array.Empty<string>();
            var secrets = new List<string> { credential.Password };
            var users = string.IsNullOrEmpty(credential.Domain)
                ? new[] { credential.UserName }
                : new[] { credential.UserName, credential.Domain + "\\" + credential.UserName };
            foreach (var user in users) secrets.Add(Convert.ToBase64String(Encoding.UTF8.GetBytes(user + ":" + credential.Password)));
            // Longest first, so a token is masked whole before a password inside it could split it.
            secrets.Sort((a, b) => b.Length.CompareTo(a.Length));
            return secrets.ToArray();
        }

        public bool Equals(ProxySettings? other)
        {
            if (other is null) return false;
            if (_given != null || other._given != null) return ReferenceEquals(_given, other._given);
            return Address == other.Address && UseDefaultCredentials == other.UseDefaultCredentials &&
                   string.Equals(Credential?.UserName, other.Credential?.UserName, StringComparison.Ordinal) &&
                   string.Equals(Credential?.Domain, other.Credential?.Domain, StringComparison.Ordinal) &&
                   string.Equals(Credential?.Password, other.Credential?.Password, StringComparison.Ordinal);
        }

        public override bool Equals(object? obj) => Equals(obj as ProxySettings);

        // The password is left out of the hash on purpose: equal settings still compare it in Equals.
        public override int GetHashCode() =>
            _given != null ? _given.GetHashCode() : (Address?.GetHashCode() ?? 0) ^ (Credential?.UserName?.GetHashCode() ?? 0) ^ (UseDefaultCredentials ? 1 : 0);

        /// <inheritdoc />
        public override string ToString() => Describe() + (Credential != null ? $" (credential {Wire.ApiKey.Mask})" : UseDefaultCredentials ? " (default credentials)" : string.Empty);
    }
}
