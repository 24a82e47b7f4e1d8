using System;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Reflection;

namespace ShortApi.Vidu.Transport
{
    /// <summary>
    /// Tells a connection that never opened (the server cannot have seen the request, so even a create may be
    /// resent) from one that broke after the request went out (a create must not be resent).
    /// </summary>
    internal static class ConnectionFailure
    {
        // .NET 8+ says it directly (HttpRequestException.HttpRequestError); netstandard2.0 cannot name the property.
        private static readonly PropertyInfo? HttpRequestErrorProperty =
            typeof(HttpRequestException).GetProperty("HttpRequestError", BindingFlags.Public | BindingFlags.Instance);

        // .NET 5+ puts the status of a refused proxy tunnel (CONNECT) here.
        private static readonly PropertyInfo? StatusCodeProperty =
            typeof(HttpRequestException).GetProperty("StatusCode", BindingFlags.Public | BindingFlags.Instance);

        /// <summary>
        /// Whether the proxy refused to open a tunnel (the CONNECT an https address needs) until it gets credentials: a
        /// 407 that arrives as an exception, not as an answer. Nothing went past the proxy.
        /// </summary>
        public static bool ProxyWantsCredentials(Exception exception)
        {
            if (exception is HttpRequestException request && StatusCodeProperty?.GetValue(request) is HttpStatusCode status)
                return status == HttpStatusCode.ProxyAuthenticationRequired;
            // .NET Framework reports a refused CONNECT as a WebException carrying the proxy's answer.
            for (var inner = exception.InnerException; inner != null; inner = inner.InnerException)
            {
                if (inner is WebException web && web.Response is HttpWebResponse answer)
                    return answer.StatusCode == HttpStatusCode.ProxyAuthenticationRequired;
            }
            return false;
        }

        public static bool NeverOpened(Exception exception)
        {
            if (exception is HttpRequestException request && HttpRequestErrorProperty != null)
            {
                var value = HttpRequestErrorProperty.GetValue(request)?.ToString();
                // A failed TLS handshake or proxy tunnel happens before any HTTP request goes out.
                if (value == "NameResolutionError" || value == "ConnectionError" || value == "SecureConnectionError" || value == "ProxyTunnelError") return true;
                if (value != null && value != "Unknown") return false;
            }
            // Only a socket error raised while connecting counts; one wrapped in an IOException came mid-stream.
            for (var inner = exception.InnerException; inner != null; inner = inner.InnerException)
            {
                if (inner is System.Security.Authentication.AuthenticationException) return true; // TLS handshake: no request sent
                if (inner is System.IO.IOException) return false;
                if (inner is SocketException socket) return IsConnectError(socket.SocketErrorCode);
                if (inner is WebException web)
                    return web.Status == WebExceptionStatus.ConnectFailure || web.Status == WebExceptionStatus.NameResolutionFailure ||
                           web.Status == WebExceptionStatus.ProxyNameResolutionFailure || web.Status == WebExceptionStatus.SecureChannelFailure ||
                           web.Status == WebExceptionStatus.TrustFailure;
            }
            return false;
        }

        private static bool IsConnectError(SocketError error) =>
            error == SocketError.ConnectionRefused || error == SocketError.HostNotFound || error == SocketError.HostUnreachable ||
            error == SocketError.NetworkUnreachable || error == SocketError.TryAgain || error == SocketError.NoData ||
            error == SocketError.AddressNotAvailable || error == SocketError.HostDown;
    }
}
