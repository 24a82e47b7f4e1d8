using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;

namespace ShortApi.Vidu.Transport
{
    /// <summary>
    /// The HttpClients of the process: one for the platform's default proxy, and one per distinct explicit proxy, each
    /// kept for the life of the process so connections are reused across commands. Redirects are never followed
    /// automatically: the API never redirects, so a redirect is a fault rather than a reason to send the key somewhere
    /// else; downloads follow them by hand without any credentials.
    /// </summary>
    /// <remarks>
    /// Which proxy a request takes, first match wins:
    /// <list type="number">
    /// <item>An explicit proxy (-Proxy, <c>ViduClientOptions.Proxy</c>): every request, loopback included, except on
    /// .NET Framework, whose ServicePointManager never sends a loopback destination (localhost, 127.x, ::1) to any proxy.</item>
    /// <item>Otherwise the handler keeps <c>UseProxy = true</c> and <c>Proxy = null</c>, which means the platform default.
    /// On .NET (PowerShell 7) that is <c>HttpClient.DefaultProxy</c>, read once per process: the environment first
    /// (on Unix <c>http_proxy</c> before <c>HTTP_PROXY</c>, which is ignored when <c>GATEWAY_INTERFACE</c> is set;
    /// <c>https_proxy</c>/<c>HTTPS_PROXY</c>; <c>all_proxy</c>/<c>ALL_PROXY</c> for whichever is missing;
    /// <c>no_proxy</c>/<c>NO_PROXY</c> as exact hosts or <c>.domain</c> suffixes, ports not compared), and only when none
    /// is set, the system setting (Windows: the WinINET/Internet Options proxy, manual or PAC; macOS: System Settings).
    /// .NET skips no loopback destination on its own: only <c>no_proxy</c>, or the Windows setting (a bypass list with
    /// <c>&lt;local&gt;</c>, or what its PAC script or WinHTTP decides), can leave one out.
    /// On .NET Framework (Windows PowerShell 5.1) it is <c>WebRequest.DefaultWebProxy</c>: the Internet Options proxy
    /// (or an app.config defaultProxy); the environment variables are not read, and loopback is never proxied.</item>
    /// </list>
    /// </remarks>
    internal static class SharedHttpClient
    {
        private static readonly Lazy<HttpClient> Default = new Lazy<HttpClient>(() => Create(null));

        // Lazy inside the dictionary: two commands racing on the same new proxy still share one client.
        private static readonly ConcurrentDictionary<ProxySettings, Lazy<HttpClient>> Proxied =
            new ConcurrentDictionary<ProxySettings, Lazy<HttpClient>>();

        /// <summary>The client for the platform's default proxy.</summary>
        public static HttpClient Instance => Default.Value;

        /// <summary>The client for a proxy (the default one for null); made once per distinct settings.</summary>
        public static HttpClient For(ProxySettings? proxy) =>
            proxy == null ? Instance : Proxied.GetOrAdd(proxy, p => new Lazy<HttpClient>(() => Create(p.CreateWebProxy()))).Value;

        /// <summary>How many proxied clients exist (for tests of the cache).</summary>
        internal static int ProxiedCount => Proxied.Count;

        /// <summary>The handler every client uses; <paramref name="proxy"/> null leaves the platform default in place.</summary>
        internal static HttpClientHandler CreateHandler(IWebProxy? proxy)
        {
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
                // Stated rather than assumed: the default proxy is wanted, and an explicit one replaces it.
                UseProxy = true,
            };
            if (proxy != null) handler.Proxy = proxy;
            try
            {
                // Windows PowerShell's default is 2 connections per host, which would serialise parallel creates and downloads.
                handler.MaxConnectionsPerServer = 64;
            }
            catch (PlatformNotSupportedException)
            {
            }
            return handler;
        }

        private static HttpClient Create(IWebProxy? proxy) =>
            new HttpClient(CreateHandler(proxy))
            {
                // Per-request timeouts come from a CancellationTokenSource, so one client serves every timeout setting.
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
                // API answers are small; a huge one is a fault and must not fill memory. Downloads stream and are not limited.
                MaxResponseContentBufferSize = 4 * 1024 * 1024,
            };
    }
}
