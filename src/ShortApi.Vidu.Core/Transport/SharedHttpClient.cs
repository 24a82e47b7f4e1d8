using System;
using System.Net;
using System.Net.Http;

namespace ShortApi.Vidu.Transport
{
    /// <summary>
    /// The one HttpClient of the process. Redirects are not followed automatically: the API never redirects, so
    /// a redirect is a fault rather than a reason to send the key somewhere else; downloads follow them by hand
    /// without any credentials.
    /// </summary>
    internal static class SharedHttpClient
    {
        private static readonly Lazy<HttpClient> Client = new Lazy<HttpClient>(Create);

        /// <summary>The shared client.</summary>
        public static HttpClient Instance => Client.Value;

        private static HttpClient Create()
        {
            var handler = new HttpClientHandler
            {
                AllowAutoRedirect = false,
                UseCookies = false,
                AutomaticDecompression = DecompressionMethods.GZip | DecompressionMethods.Deflate,
            };
            try
            {
                // Windows PowerShell's default is 2 connections per host, which would serialise parallel creates and downloads.
                handler.MaxConnectionsPerServer = 64;
            }
            catch (PlatformNotSupportedException)
            {
            }
            return new HttpClient(handler)
            {
                // Per-request timeouts come from a CancellationTokenSource, so one client serves every timeout setting.
                Timeout = System.Threading.Timeout.InfiniteTimeSpan,
                // API answers are small; a huge one is a fault and must not fill memory. Downloads stream and are not limited.
                MaxResponseContentBufferSize = 4 * 1024 * 1024,
            };
        }
    }
}
