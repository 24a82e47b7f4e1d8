using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ShortApi.Vidu.Emulator;

/// <summary>How the <see cref="ForwardProxy"/> copies a request to the origin and the answer back, as an ordinary HTTP/1.1 proxy does.</summary>
internal static class ProxyForwarding
{
    // Connection-level headers (RFC 9110 7.6.1) belong to one hop and are never forwarded; Host is set from the target.
    private static readonly HashSet<string> HopByHop = new(StringComparer.OrdinalIgnoreCase)
    {
        "Connection", "Keep-Alive", "Proxy-Connection", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Host",
    };

    /// <summary>
    /// The request for the origin. Proxy-Authorization is dropped only when this proxy checked it: a proxy that does not
    /// authenticate has no claim on it and relays it (RFC 9110 11.7.2), so a client that wrongly sent it would show at the origin.
    /// </summary>
    public static HttpRequestMessage ToOrigin(HttpContext http, Uri target, bool consumedProxyAuthorization)
    {
        var request = new HttpRequestMessage(new HttpMethod(http.Request.Method), target);
        var named = ConnectionNamed(http.Request.Headers.Connection);
        bool hasBody = http.Request.ContentLength > 0 || http.Request.Headers.TransferEncoding.Count > 0;
        if (hasBody)
        {
            request.Content = new StreamContent(http.Request.Body);
        }

        foreach (KeyValuePair<string, StringValues> header in http.Request.Headers)
        {
            if (HopByHop.Contains(header.Key) || named.Contains(header.Key))
            {
                continue;
            }

            if (consumedProxyAuthorization && header.Key.Equals("Proxy-Authorization", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (!request.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value))
            {
                request.Content?.Headers.TryAddWithoutValidation(header.Key, (IEnumerable<string?>)header.Value);
            }
        }

        return request;
    }

    /// <summary>Writes the origin's status, headers and (streamed) body to the client.</summary>
    public static async Task CopyBackAsync(HttpResponseMessage response, HttpContext http, CancellationToken cancellationToken)
    {
        http.Response.StatusCode = (int)response.StatusCode;
        var named = ConnectionNamed(response.Headers.TryGetValues("Connection", out IEnumerable<string>? values) ? values.ToArray() : Array.Empty<string>());
        foreach (KeyValuePair<string, IEnumerable<string>> header in response.Headers.Concat(response.Content.Headers))
        {
            if (HopByHop.Contains(header.Key) || named.Contains(header.Key))
            {
                continue;
            }

            http.Response.Headers[header.Key] = header.Value.ToArray();
        }

        if (HttpMethods.IsHead(http.Request.Method))
        {
            return;
        }

        // A body cut short by the origin (drop-half) ends the same way here: Kestrel aborts a response shorter than its Content-Length.
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await body.CopyToAsync(http.Response.Body, cancellationToken);
    }

    private static HashSet<string> ConnectionNamed(IEnumerable<string?> connection) =>
        new(connection.SelectMany(v => (v ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
            StringComparer.OrdinalIgnoreCase);
}
