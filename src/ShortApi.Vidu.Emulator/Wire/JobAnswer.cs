using System;
using System.Text.Json;

namespace ShortApi.Vidu.Emulator;

/// <summary>The JSON of a query answer; callbacks post the very same bytes.</summary>
internal static class JobAnswer
{
    /// <summary>The answer for <paramref name="job"/> after <paramref name="elapsed"/>.</summary>
    public static byte[] For(EmulatedJob job, TimeSpan elapsed, string resultField, Uri cdnUri)
    {
        int status = job.StatusAfter(elapsed);
        if (job.HasVideoAfter(elapsed))
        {
            return Succeeded(resultField, VideoUrl(cdnUri, job.Id));
        }

        if (status == JobStatusNumbers.Failed && job.ReportedStatus is null && job.FailureReason is not null)
        {
            return Failed(job.FailureReason);
        }

        return StatusOnly(status);
    }

    /// <summary>Where the CDN listener serves a job's video.</summary>
    public static Uri VideoUrl(Uri cdnUri, string jobId) => new(cdnUri, $"files/{jobId}.mp4");

    /// <summary><c>{"code":0,"data":{"status":n}}</c></summary>
    public static byte[] StatusOnly(int status) => JsonReplies.Build(writer =>
    {
        WriteOpening(writer, status);
        WriteClosing(writer);
    });

    /// <summary>Status 2 with the URL under <c>result.&lt;field&gt;</c>; a null URL gives an empty list (the <c>nourl</c> fault).</summary>
    public static byte[] Succeeded(string resultField, Uri? url) => JsonReplies.Build(writer =>
    {
        WriteOpening(writer, JobStatusNumbers.Succeeded);
        writer.WriteStartObject("result");
        writer.WriteStartArray(resultField);
        if (url is not null)
        {
            writer.WriteStartObject();
            writer.WriteString("url", url.AbsoluteUri);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        WriteClosing(writer);
    });

    /// <summary>Status 3 with the reason under <c>data.error</c>.</summary>
    public static byte[] Failed(string reason) => JsonReplies.Build(writer =>
    {
        WriteOpening(writer, JobStatusNumbers.Failed);
        writer.WriteString("error", reason);
        WriteClosing(writer);
    });

    private static void WriteOpening(Utf8JsonWriter writer, int status)
    {
        writer.WriteStartObject();
        writer.WriteNumber("code", 0);
        writer.WriteStartObject("data");
        writer.WriteNumber("status", status);
    }

    private static void WriteClosing(Utf8JsonWriter writer)
    {
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
