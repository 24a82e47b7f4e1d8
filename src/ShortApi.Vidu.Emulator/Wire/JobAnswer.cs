using System;
using System.Text.Json;

namespace ShortApi.Vidu.Emulator;

/// <summary>The JSON of a query answer; callbacks post the very same bytes.</summary>
/// <remarks>
/// Documented shape: <c>{"code":0,"data":{"status":n,...}}</c>. Flat shape (<see cref="EmulatorOptions.FlatAnswers"/>):
/// <c>{"code":0,"status":n,...}</c>, as the API page's own code examples read it.
/// </remarks>
internal static class JobAnswer
{
    /// <summary>The answer for <paramref name="job"/> after <paramref name="elapsed"/>.</summary>
    public static byte[] For(EmulatedJob job, TimeSpan elapsed, string resultField, Uri cdnUri, bool flat)
    {
        int status = job.StatusAfter(elapsed);
        if (job.HasVideoAfter(elapsed))
        {
            return Succeeded(resultField, VideoUrl(cdnUri, job.Id), flat);
        }

        if (status == JobStatusNumbers.Failed && job.ReportedStatus is null && job.FailureReason is not null)
        {
            return Failed(job.FailureReason, flat);
        }

        return StatusOnly(status, flat);
    }

    /// <summary>Where the CDN listener serves a job's video.</summary>
    public static Uri VideoUrl(Uri cdnUri, string jobId) => new(cdnUri, $"files/{jobId}.mp4");

    /// <summary><c>{"code":0,"data":{"status":n}}</c></summary>
    public static byte[] StatusOnly(int status, bool flat) => JsonReplies.Build(writer =>
    {
        WriteOpening(writer, status, flat);
        WriteClosing(writer, flat);
    });

    /// <summary>Status 2 with the URL under <c>result.&lt;field&gt;</c>; a null URL gives an empty list (the <c>nourl</c> fault).</summary>
    public static byte[] Succeeded(string resultField, Uri? url, bool flat) => JsonReplies.Build(writer =>
    {
        WriteOpening(writer, JobStatusNumbers.Succeeded, flat);
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
        WriteClosing(writer, flat);
    });

    /// <summary>Status 3 with the reason under <c>error</c>, beside the status.</summary>
    public static byte[] Failed(string reason, bool flat) => JsonReplies.Build(writer =>
    {
        WriteOpening(writer, JobStatusNumbers.Failed, flat);
        writer.WriteString("error", reason);
        WriteClosing(writer, flat);
    });

    private static void WriteOpening(Utf8JsonWriter writer, int status, bool flat)
    {
        writer.WriteStartObject();
        writer.WriteNumber("code", 0);
        if (!flat)
        {
            writer.WriteStartObject("data");
        }

        writer.WriteNumber("status", status);
    }

    private static void WriteClosing(Utf8JsonWriter writer, bool flat)
    {
        if (!flat)
        {
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }
}
