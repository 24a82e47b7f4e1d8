using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ShortApi.Vidu.Emulator;

/// <summary>
/// A small forward HTTP proxy on 127.0.0.1 for tests, as a corporate proxy sits between a client and the service. It takes
/// absolute-form HTTP/1.1 requests (<c>GET http://host:port/path</c>), optionally demands Basic credentials (407 with
/// <c>Proxy-Authenticate: Basic realm=…</c> otherwise), forwards to the origin, and records every request with the
/// credentials it carried. It does not tunnel: the emulator speaks plain http, so CONNECT (what a client sends for an
/// https address) is answered 407 when credentials are missing and 501 otherwise, which is enough to see how a client
/// takes a refused tunnel. <c>GET /_proxy/requests</c> sent to the proxy itself (origin-form) lists the recordings.
/// </summary>
public sealed class ForwardProxy : IAsyncDisposable
{
    /// <summary>The realm named in the proxy's challenge.</summary>
    public const string Realm = "vidu-test-proxy";

    private readonly WebApplication app;
    private readonly HttpClient origin;
    private readonly string? expectedAuthorization;
    private readonly bool echoCredentials;
    private readonly object gate = new();
    private readonly List<ProxiedRequest> requests = new();
    private Task? stopping;

    private ForwardProxy(WebApplication app, HttpClient origin, NetworkCredential? required, bool echoCredentials)
    {
        this.app = app;
        this.origin = origin;
        this.echoCredentials = echoCredentials;
        expectedAuthorization = required is null
            ? null
            : "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(required.UserName + ":" + required.Password));
    }

    /// <summary>The proxy's address, <c>http://127.0.0.1:&lt;port&gt;/</c> (what -Proxy or HTTP_PROXY should be).</summary>
    public Uri Uri { get; private set; } = new("http://127.0.0.1/");

    /// <summary>Whether requests must carry the right Basic credentials.</summary>
    public bool RequiresCredentials => expectedAuthorization is not null;

    /// <summary>Every request that reached the proxy, in arrival order, recorded before the client could see its answer.</summary>
    public IReadOnlyList<ProxiedRequest> Requests
    {
        get
        {
            lock (gate)
            {
                return requests.ToArray();
            }
        }
    }

    /// <summary>
    /// Starts a proxy on a free loopback port (or <paramref name="port"/>). With <paramref name="requireCredentials"/> it
    /// answers 407 to anything without exactly those Basic credentials; with <paramref name="echoCredentials"/> its 407
    /// page repeats the Proxy-Authorization it got, as a careless proxy might, so a test can check a client masks it.
    /// </summary>
    public static async Task<ForwardProxy> StartAsync(NetworkCredential? requireCredentials = null, bool echoCredentials = false, int port = 0,
        CancellationToken cancellationToken = default)
    {
        ListenOptions? listener = null;
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = null; // creates carry pictures of up to 20 MB
            kestrel.Listen(IPAddress.Loopback, port, options => listener = options);
        });
        builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>();
        WebApplication app = builder.Build();

        // Its own connections to origins: never through another proxy, never following redirects, bytes as they come.
        var origin = new HttpClient(new SocketsHttpHandler
        {
            UseProxy = false,
            AllowAutoRedirect = false,
            UseCookies = false,
            AutomaticDecompression = DecompressionMethods.None,
        })
        { Timeout = Timeout.InfiniteTimeSpan };
        var proxy = new ForwardProxy(app, origin, requireCredentials, echoCredentials);
        app.Run(proxy.HandleAsync);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            origin.Dispose();
            throw;
        }

        proxy.Uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{listener!.IPEndPoint!.Port}/"));
        return proxy;
    }

    /// <summary>Stops listening; the recordings stay readable. Safe to call more than once.</summary>
    public Task StopAsync()
    {
        lock (gate)
        {
            return stopping ??= StopOnceAsync();
        }
    }

    /// <summary>Same as <see cref="StopAsync"/>.</summary>
    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopOnceAsync()
    {
        using (var grace = new CancellationTokenSource(TimeSpan.FromSeconds(2)))
        {
            await app.StopAsync(grace.Token);
        }

        await app.DisposeAsync();
        origin.Dispose();
    }

    private async Task HandleAsync(HttpContext http)
    {
        DateTimeOffset arrived = DateTimeOffset.UtcNow;
        string target = http.Features.Get<IHttpRequestFeature>()!.RawTarget;
        if (target.StartsWith('/'))
        {
            await AnswerItselfAsync(http, target);
            return;
        }

        string? authorization = Header(http, "Authorization");
        string? proxyAuthorization = Header(http, "Proxy-Authorization");
        var seen = new ProxiedRequest
        {
            Method = http.Request.Method,
            Target = target,
            Authorization = authorization,
            ProxyAuthorization = proxyAuthorization,
            Forwarded = false,
            Time = arrived,
        };

        if (expectedAuthorization is not null && !string.Equals(proxyAuthorization, expectedAuthorization, StringComparison.Ordinal))
        {
            await RefuseAsync(http, seen, StatusCodes.Status407ProxyAuthenticationRequired, "proxy authentication required" +
                (echoCredentials && proxyAuthorization is not null ? "; refused Proxy-Authorization: " + proxyAuthorization : string.Empty));
            return;
        }

        if (HttpMethods.IsConnect(http.Request.Method) || !Uri.TryCreate(target, UriKind.Absolute, out Uri? destination) || destination.Scheme != Uri.UriSchemeHttp)
        {
            await RefuseAsync(http, seen, StatusCodes.Status501NotImplemented, "this test proxy forwards absolute-form http requests only; it does not tunnel");
            return;
        }

        await ForwardAsync(http, destination, seen with { Forwarded = true });
    }

    private async Task ForwardAsync(HttpContext http, Uri destination, ProxiedRequest seen)
    {
        using HttpRequestMessage request = ProxyForwarding.ToOrigin(http, destination, consumedProxyAuthorization: RequiresCredentials);
        HttpResponseMessage response;
        try
        {
            response = await origin.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, http.RequestAborted);
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
        {
            // The origin dropped the connection (or the client left): the client's connection ends the same way.
            Record(seen with { Status = null });
            http.Abort();
            return;
        }

        using (response)
        {
            Record(seen with { Status = (int)response.StatusCode });
            try
            {
                await ProxyForwarding.CopyBackAsync(response, http, http.RequestAborted);
            }
            catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or IOException)
            {
                http.Abort();
            }
        }
    }

    private async Task RefuseAsync(HttpContext http, ProxiedRequest seen, int status, string text)
    {
        // Read what the client sent first, so the connection stays usable for its next try (with credentials).
        await http.Request.Body.CopyToAsync(Stream.Null, http.RequestAborted);
        Record(seen with { Status = status });
        http.Response.StatusCode = status;
        if (status == StatusCodes.Status407ProxyAuthenticationRequired)
        {
            http.Response.Headers["Proxy-Authenticate"] = $"Basic realm=\"{Realm}\"";
        }

        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync(text, http.RequestAborted);
    }

    // The proxy's own surface, for scripts in another process: its recordings.
    private async Task AnswerItselfAsync(HttpContext http, string target)
    {
        if (HttpMethods.IsGet(http.Request.Method) && target == "/_proxy/requests")
        {
            await ControlJson.WriteAsync(http, Requests);
            return;
        }

        http.Response.StatusCode = StatusCodes.Status400BadRequest;
        await http.Response.WriteAsync("this is a forward proxy: send absolute-form requests (GET http://host:port/path), or GET /_proxy/requests");
    }

    private void Record(ProxiedRequest request)
    {
        lock (gate)
        {
            requests.Add(request);
        }
    }

    private static string? Header(HttpContext http, string name)
    {
        var values = http.Request.Headers[name];
        return values.Count == 0 ? null : values.ToString();
    }
}
