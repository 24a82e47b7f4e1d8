using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ShortApi.Vidu.Emulator;

/// <summary>Everything one running emulator's endpoints share: live options, state, randomness, clock and its CDN address.</summary>
internal sealed class EmulatorRuntime : IDisposable
{
    private readonly CancellationTokenSource stopping = new();

    public EmulatorRuntime(EmulatorOptions options, TimeProvider clock)
    {
        Options = options;
        Clock = clock;
        State = new EmulatorState(clock, options);
        Random = new SeededRandom(options.RandomSeed);
        Callbacks = new CallbackDispatcher(this);
    }

    public EmulatorOptions Options { get; }

    public TimeProvider Clock { get; }

    public EmulatorState State { get; }

    public SeededRandom Random { get; }

    public CallbackDispatcher Callbacks { get; }

    /// <summary>Read from the listener once bound; requests routed by local port compare against it.</summary>
    public int CdnPort { get; set; }

    public Uri CdnUri { get; set; } = new("http://127.0.0.1/");

    /// <summary>Cancelled when the server begins to stop, so slow faults and delays end at once.</summary>
    public CancellationToken Stopping => stopping.Token;

    /// <summary>Runs an endpoint's answer with a token that trips when the client goes away or the server stops, and then stays quiet.</summary>
    public async Task AnswerUnlessGoneAsync(HttpContext http, Func<HttpContext, CancellationToken, Task> answer)
    {
        using var abort = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, Stopping);
        try
        {
            await answer(http, abort.Token);
        }
        catch (Exception exception) when (abort.IsCancellationRequested && exception is OperationCanceledException or IOException or BadHttpRequestException)
        {
            // The client went away (or the server is stopping): there is nobody to answer.
        }
    }

    public void BeginStopping() => stopping.Cancel();

    /// <summary>Adds a request to the recording, with its Authorization header as sent, and returns the entry.</summary>
    public RecordedRequest Record(HttpContext http, DateTimeOffset arrived, string? body = null, long? bodyLength = null)
    {
        string? authorization = AuthorizationOf(http);
        var recorded = new RecordedRequest
        {
            Method = http.Request.Method,
            PathAndQuery = http.Request.Path.Value + http.Request.QueryString.Value,
            Port = http.Connection.LocalPort,
            HasAuthorization = authorization is not null,
            Authorization = authorization,
            HasProxyAuthorization = http.Request.Headers.ProxyAuthorization.Count > 0,
            Time = arrived,
            Body = body,
            BodyLength = bodyLength,
        };
        State.Record(recorded);
        return recorded;
    }

    public static string? AuthorizationOf(HttpContext http)
    {
        var values = http.Request.Headers.Authorization;
        return values.Count == 0 ? null : values.ToString();
    }

    public void Dispose()
    {
        stopping.Cancel();
        State.Jobs.CancelCallbacks();
        Callbacks.Dispose();
        stopping.Dispose();
    }
}
