using System;

namespace ShortApi.Vidu.Emulator;

/// <summary>One request that reached the API or CDN listener, as the emulator saw it.</summary>
public sealed record RecordedRequest
{
    /// <summary>HTTP method, e.g. POST.</summary>
    public required string Method { get; init; }

    /// <summary>Path and query string, e.g. <c>/api/v1/job/query?id=...</c>.</summary>
    public required string PathAndQuery { get; init; }

    /// <summary>Local port the request arrived on (API or CDN).</summary>
    public required int Port { get; init; }

    /// <summary>Whether an Authorization header was sent.</summary>
    public required bool HasAuthorization { get; init; }

    /// <summary>The Authorization header as sent, or null.</summary>
    public string? Authorization { get; init; }

    /// <summary>Whether a Proxy-Authorization header reached the emulator: it is meant for a proxy, never for the service.</summary>
    public bool HasProxyAuthorization { get; init; }

    /// <summary>When the request arrived (UTC).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Body of a create as text, with a long picture (<c>args.image</c>, <c>args.image_tail</c>, an <c>args.images</c> entry) replaced by <c>&lt;data uri: N chars&gt;</c>; null for other requests.</summary>
    public string? Body { get; init; }

    /// <summary>Length in bytes of the body as sent (or as announced, when it was refused unread); null when there was none.</summary>
    public long? BodyLength { get; init; }

    /// <summary>For a create whose body passed its model's rules: the arguments as read (defaults filled in); null otherwise.</summary>
    public CreateArguments? Arguments { get; init; }

    /// <summary>For a create that made a job: its id; null otherwise (including a valid create refused for the balance).</summary>
    public string? JobId { get; init; }
}
