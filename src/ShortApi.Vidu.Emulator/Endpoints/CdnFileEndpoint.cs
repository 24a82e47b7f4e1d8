using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ShortApi.Vidu.Emulator;

/// <summary>The stand-in CDN: <c>GET /files/&lt;job_id&gt;.mp4</c> serves the sample video for a finished job; no key needed, every Authorization header recorded.</summary>
internal sealed class CdnFileEndpoint
{
    private const string FilesPrefix = "/files/";
    private const string VideoSuffix = ".mp4";

    /// <summary>What a CDN or a captive portal serves instead of the file; a client must not save it as the video.</summary>
    public const string AccessDeniedPage = "<html><body><h1>Access denied</h1></body></html>";

    private static readonly TimeSpan DropHalfPause = TimeSpan.FromMilliseconds(100);

    private readonly EmulatorRuntime runtime;

    public CdnFileEndpoint(EmulatorRuntime runtime)
    {
        this.runtime = runtime;
    }

    public async Task HandleAsync(HttpContext http)
    {
        // Counted until the answer ends however it ends, so a test can wait for "no download on the wire" rather than sleep.
        runtime.State.DownloadArrived();
        try
        {
            await runtime.AnswerUnlessGoneAsync(http, AnswerAsync);
        }
        finally
        {
            runtime.State.DownloadEnded();
        }
    }

    private async Task AnswerAsync(HttpContext http, CancellationToken abort)
    {
        DateTimeOffset arrived = runtime.Clock.GetUtcNow();
        runtime.Record(http, arrived);
        runtime.State.Record(new CdnRequest { Path = http.Request.Path.Value ?? "", Authorization = EmulatorRuntime.AuthorizationOf(http), Time = arrived });

        bool isGet = HttpMethods.IsGet(http.Request.Method);
        if (!isGet && !HttpMethods.IsHead(http.Request.Method))
        {
            await WriteTextAsync(http, StatusCodes.Status405MethodNotAllowed, "method not allowed");
            return;
        }

        FaultToken? fault = runtime.State.Faults.TakeNext(FaultEndpoint.Download);
        switch (fault?.Kind)
        {
            case FaultKind.HttpStatus:
                await WriteTextAsync(http, fault.Number, MessageFor(fault.Number));
                return;
            case FaultKind.Html:
                await WritePageAsync(http, "text/html", isGet);
                return;
            case FaultKind.HtmlAsVideo:
                await WritePageAsync(http, "video/mp4", isGet);
                return;
        }

        if (fault?.Kind == FaultKind.Slow)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(fault.Number), runtime.Clock, abort);
        }

        if (!TryFindVideo(http.Request.Path.Value))
        {
            await WriteTextAsync(http, StatusCodes.Status404NotFound, "not found");
            return;
        }

        ReadOnlyMemory<byte> video = SampleVideo.Bytes;
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "video/mp4";
        http.Response.ContentLength = video.Length;
        if (!isGet)
        {
            return;
        }

        if (fault?.Kind == FaultKind.DropHalf)
        {
            // The client was promised the full length; it must notice the short body rather than keep half a file.
            await http.Response.Body.WriteAsync(video[..(video.Length / 2)], abort);
            await http.Response.Body.FlushAsync(abort);
            // Abort resets the connection; a short pause first lets the client read the half it was sent
            // (a reset that overtakes unread data makes the kernel discard it, and the client would see nothing).
            await Task.Delay(DropHalfPause, runtime.Clock, abort);
            http.Abort();
            return;
        }

        await http.Response.Body.WriteAsync(video, abort);
        runtime.State.DownloadServed();
    }

    /// <summary>True when the path names a job whose video is ready; unknown, running and failed jobs have none.</summary>
    private bool TryFindVideo(string? path)
    {
        if (path is null || !path.StartsWith(FilesPrefix, StringComparison.Ordinal) || !path.EndsWith(VideoSuffix, StringComparison.Ordinal))
        {
            return false;
        }

        string id = path[FilesPrefix.Length..^VideoSuffix.Length];
        return runtime.State.Jobs.TryGet(id, out EmulatedJob? job)
            && job.HasVideoAfter(runtime.Clock.GetElapsedTime(job.CreatedTimestamp));
    }

    /// <summary>200 with the access-denied page under <paramref name="contentType"/>; HEAD gets the same headers and no body.</summary>
    private static async Task WritePageAsync(HttpContext http, string contentType, bool withBody)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(AccessDeniedPage);
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = contentType;
        http.Response.ContentLength = bytes.Length;
        if (withBody)
        {
            await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
        }
    }

    private static string MessageFor(int statusCode) => statusCode switch
    {
        403 => "emulated forbidden (a signed URL that is wrong or expired)",
        404 => "emulated not found",
        410 => "emulated gone (the file has expired)",
        503 => "emulated service unavailable",
        _ => "emulated internal server error",
    };

    private static async Task WriteTextAsync(HttpContext http, int statusCode, string text)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        http.Response.StatusCode = statusCode;
        http.Response.ContentType = "text/plain; charset=utf-8";
        http.Response.ContentLength = bytes.Length;
        await http.Response.Body.WriteAsync(bytes, http.RequestAborted);
    }
}
