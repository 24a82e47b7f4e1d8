using System;

namespace ShortApi.Vidu.Emulator;

/// <summary>One callback POST the emulator made when a job finished.</summary>
public sealed record RecordedCallback
{
    /// <summary>The job that finished.</summary>
    public required string JobId { get; init; }

    /// <summary>The callback_url the job was created with.</summary>
    public required string Url { get; init; }

    /// <summary>The JSON posted: the same text a query would have answered.</summary>
    public required string Body { get; init; }

    /// <summary>HTTP status the receiver answered, or null when the POST failed.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Why the POST failed, or null.</summary>
    public string? Error { get; init; }

    /// <summary>When the POST was answered or failed (UTC).</summary>
    public required DateTimeOffset Time { get; init; }
}
