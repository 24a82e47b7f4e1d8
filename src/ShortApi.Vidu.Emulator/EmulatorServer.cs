using System;
using System.Globalization;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ShortApi.Vidu.Emulator;

/// <summary>A running emulator: the API listener, the CDN listener, and the state behind them; start as many as you like in one process.</summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    // In-flight requests get this long to finish when stopping; delays and slow faults are cancelled first anyway.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(2);

    private readonly WebApplication app;
    private readonly EmulatorRuntime runtime;
    private readonly object stopGate = new();
    private Task? stopping;

    private EmulatorServer(WebApplication app, EmulatorRuntime runtime, int apiPort)
    {
        this.app = app;
        this.runtime = runtime;
        BaseUri = LoopbackUri(apiPort);
    }

    /// <summary>The API root, <c>http://127.0.0.1:&lt;port&gt;</c> (what SHORTAPI_BASE_URL should be set to).</summary>
    public Uri BaseUri { get; }

    /// <summary>Root of the CDN listener that serves finished videos.</summary>
    public Uri CdnUri => runtime.CdnUri;

    /// <summary>The key the API accepts.</summary>
    public string ApiKey => runtime.Options.ApiKey;

    /// <summary>The live options: changes take effect on the next request.</summary>
    public EmulatorOptions Options => runtime.Options;

    /// <summary>Counters, recordings and jobs.</summary>
    public EmulatorState State => runtime.State;

    /// <summary>Binds both listeners on 127.0.0.1 and returns once they accept connections.</summary>
    public static Task<EmulatorServer> StartAsync(EmulatorOptions options, CancellationToken cancellationToken = default) =>
        StartAsync(options, TimeProvider.System, cancellationToken);

    /// <summary>
    /// As <see cref="StartAsync(EmulatorOptions, CancellationToken)"/>, on <paramref name="clock"/>: job progress, waits
    /// (<c>late</c>, <c>slow</c>, the create delay) and timestamps follow it, so a test can move time itself instead of sleeping.
    /// </summary>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions options, TimeProvider clock, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clock);
        options.Validate();

        var runtime = new EmulatorRuntime(options, clock);
        ListenOptions? apiListener = null;
        ListenOptions? cdnListener = null;

        // The empty builder reads no config files and watches nothing: quick to start, silent, and many fit in one process.
        WebApplicationBuilder builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            // Body size is enforced per request from the live option, with the service's own 413 envelope.
            kestrel.Limits.MaxRequestBodySize = null;
            kestrel.Listen(IPAddress.Loopback, options.Port, listener => apiListener = listener);
            kestrel.Listen(IPAddress.Loopback, options.CdnPort, listener => cdnListener = listener);
        });
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton<IHostLifetime, QuietHostLifetime>();
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = StopGrace);

        WebApplication app = builder.Build();
        MapEndpoints(app, runtime);
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch
        {
            await app.DisposeAsync();
            runtime.Dispose();
            throw;
        }

        // Port 0 is resolved by the bind; Kestrel writes the real endpoint back into each ListenOptions.
        int apiPort = apiListener!.IPEndPoint!.Port;
        runtime.CdnPort = cdnListener!.IPEndPoint!.Port;
        runtime.CdnUri = LoopbackUri(runtime.CdnPort);
        return new EmulatorServer(app, runtime, apiPort);
    }

    /// <summary>Ends every job made so far at once, as if its duration had passed; returns how many.</summary>
    public int FinishJobs() => runtime.State.Jobs.FinishAll();

    /// <summary>Ends one job at once; false when the emulator does not know it.</summary>
    public bool FinishJob(string jobId)
    {
        if (!runtime.State.Jobs.TryGet(jobId, out EmulatedJob? job)) return false;
        job.FinishNow();
        return true;
    }

    /// <summary>Queues scripted faults for <c>create</c>, <c>query</c> or <c>download</c>; each request there takes the next one.</summary>
    public void EnqueueFaults(string endpoint, params string[] tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        try
        {
            runtime.State.Faults.Enqueue(FaultScript.EndpointNamed(endpoint), tokens);
        }
        catch (FormatException exception)
        {
            throw new ArgumentException(exception.Message, nameof(tokens), exception);
        }
    }

    /// <summary>Stops both listeners; jobs and recordings stay readable afterwards. Safe to call more than once.</summary>
    public Task StopAsync()
    {
        lock (stopGate)
        {
            return stopping ??= StopOnceAsync();
        }
    }

    /// <summary>Same as <see cref="StopAsync"/>.</summary>
    public async ValueTask DisposeAsync() => await StopAsync();

    private async Task StopOnceAsync()
    {
        runtime.BeginStopping();
        using (var grace = new CancellationTokenSource(StopGrace))
        {
            await app.StopAsync(grace.Token);
        }

        await app.DisposeAsync();
        runtime.Dispose();
    }

    private static void MapEndpoints(WebApplication app, EmulatorRuntime runtime)
    {
        var cdn = new CdnFileEndpoint(runtime);
        var create = new CreateJobEndpoint(runtime);
        var query = new QueryJobEndpoint(runtime);

        // Both listeners share one pipeline; the local port decides which service a request meant.
        app.MapWhen(http => http.Connection.LocalPort == runtime.CdnPort, branch => branch.Run(cdn.HandleAsync));
        app.MapPost("/api/v1/job/create", (RequestDelegate)create.HandleAsync);
        app.MapGet("/api/v1/job/query", (RequestDelegate)query.HandleAsync);
        new ControlEndpoints(runtime).MapTo(app);
        app.MapFallback((RequestDelegate)(http =>
        {
            runtime.Record(http, runtime.Clock.GetUtcNow());
            return JsonReplies.WriteErrorAsync(http, StatusCodes.Status404NotFound, $"no such endpoint: {http.Request.Method} {http.Request.Path}");
        }));
    }

    private static Uri LoopbackUri(int port) =>
        new(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
}
