using System;

namespace ShortApi.Vidu.Emulator;

/// <summary>One request to the CDN listener; kept so tests can prove the API key never travels there.</summary>
public sealed record CdnRequest
{
    /// <summary>Request path, e.g. <c>/files/&lt;job_id&gt;.mp4</c>.</summary>
    public required string Path { get; init; }

    /// <summary>The Authorization header as sent, or null when there was none.</summary>
    public string? Authorization { get; init; }

    /// <summary>When the request arrived (UTC).</summary>
    public required DateTimeOffset Time { get; init; }
}
