using System;

namespace ShortApi.Vidu.Emulator;

/// <summary>One request that reached the <see cref="ForwardProxy"/>, with the credentials it carried and how the proxy answered.</summary>
public sealed record ProxiedRequest
{
    /// <summary>HTTP method, e.g. POST (CONNECT for a tunnel request).</summary>
    public required string Method { get; init; }

    /// <summary>The request target as sent: an absolute URI such as <c>http://127.0.0.1:5080/api/v1/job/query?id=…</c>, or <c>host:port</c> for CONNECT.</summary>
    public required string Target { get; init; }

    /// <summary>The Authorization header as sent (meant for the origin), or null.</summary>
    public string? Authorization { get; init; }

    /// <summary>The Proxy-Authorization header as sent (meant for this proxy), or null.</summary>
    public string? ProxyAuthorization { get; init; }

    /// <summary>What the client got: 407 from the proxy, the origin's status when forwarded, or null when the origin dropped the connection.</summary>
    public int? Status { get; init; }

    /// <summary>True when the request went on to the origin (whatever the origin then did).</summary>
    public required bool Forwarded { get; init; }

    /// <summary>When the request arrived (UTC).</summary>
    public required DateTimeOffset Time { get; init; }

    /// <summary>Whether an Authorization header came along.</summary>
    public bool HasAuthorization => Authorization is not null;

    /// <summary>Whether a Proxy-Authorization header came along.</summary>
    public bool HasProxyAuthorization => ProxyAuthorization is not null;
}
