using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ShortApi.Vidu.Emulator;

/// <summary>Posts a finished job to its callback_url, as the service does; fire-and-forget, every attempt recorded.</summary>
internal sealed class CallbackDispatcher : IDisposable
{
    private readonly EmulatorRuntime runtime;

    // Proxies are ignored: callbacks in tests go to loopback, and an environment proxy would only get in the way.
    private readonly HttpClient client = new(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(10) };

    public CallbackDispatcher(EmulatorRuntime runtime)
    {
        this.runtime = runtime;
    }

    /// <summary>Arms a timer that fires when <paramref name="job"/> finishes.</summary>
    public void Schedule(EmulatedJob job)
    {
        if (job.CallbackUrl is null)
        {
            return;
        }

        var timer = new Timer(static state => ((Pending)state!).Fire(), new Pending(this, job), Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        job.AttachCallbackTimer(timer);
        // Armed only after it is attached, so a zero-length job cannot fire before it can be cancelled.
        timer.Change(job.Duration, Timeout.InfiniteTimeSpan);
    }

    public void Dispose() => client.Dispose();

    private async Task SendAsync(EmulatedJob job)
    {
        Uri url = job.CallbackUrl!;
        // A timer may fire a hair early; the callback must describe the finished job.
        TimeSpan elapsed = runtime.Clock.GetElapsedTime(job.CreatedTimestamp);
        byte[] body = JobAnswer.For(job, elapsed < job.Duration ? job.Duration : elapsed, runtime.Options.ResultFieldFor(job.Model), runtime.CdnUri, runtime.Options.FlatAnswers);
        int? statusCode = null;
        string? error = null;
        try
        {
            using var content = new ByteArrayContent(body);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using HttpResponseMessage response = await client.PostAsync(url, content, runtime.Stopping).ConfigureAwait(false);
            statusCode = (int)response.StatusCode;
        }
        catch (Exception exception) when (exception is HttpRequestException or OperationCanceledException or InvalidOperationException)
        {
            error = exception.Message;
        }

        runtime.State.Record(new RecordedCallback
        {
            JobId = job.Id,
            Url = url.OriginalString,
            Body = Encoding.UTF8.GetString(body),
            StatusCode = statusCode,
            Error = error,
            Time = runtime.Clock.GetUtcNow(),
        });
    }

    /// <summary>What a callback timer carries; it disposes its own timer once fired.</summary>
    private sealed record Pending(CallbackDispatcher Dispatcher, EmulatedJob Job)
    {
        public void Fire()
        {
            Job.CancelCallback();
            _ = Dispatcher.SendAsync(Job);
        }
    }
}
