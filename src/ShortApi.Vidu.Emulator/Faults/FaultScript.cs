using System;
using System.Collections.Generic;

namespace ShortApi.Vidu.Emulator;

/// <summary>The queues of scripted faults, one per endpoint; each request to an endpoint takes the next token.</summary>
internal sealed class FaultScript
{
    private readonly object gate = new();
    private readonly Dictionary<FaultEndpoint, Queue<FaultToken>> queues = new()
    {
        [FaultEndpoint.Create] = new Queue<FaultToken>(),
        [FaultEndpoint.Query] = new Queue<FaultToken>(),
        [FaultEndpoint.Download] = new Queue<FaultToken>(),
    };

    /// <summary>Reads an endpoint name (create, query, download); throws <see cref="ArgumentException"/> for any other.</summary>
    public static FaultEndpoint EndpointNamed(string name) => name?.Trim().ToLowerInvariant() switch
    {
        "create" => FaultEndpoint.Create,
        "query" => FaultEndpoint.Query,
        "download" => FaultEndpoint.Download,
        _ => throw new ArgumentException($"'{name}' is not a fault endpoint; use create, query or download."),
    };

    /// <summary>Queues tokens in order; all of them or, when one is malformed, none (throws <see cref="FormatException"/>).</summary>
    public void Enqueue(FaultEndpoint endpoint, IEnumerable<string> tokens)
    {
        var parsed = new List<FaultToken>();
        foreach (string token in tokens)
        {
            parsed.Add(FaultToken.Parse(endpoint, token));
        }

        lock (gate)
        {
            foreach (FaultToken token in parsed)
            {
                queues[endpoint].Enqueue(token);
            }
        }
    }

    /// <summary>The next token for <paramref name="endpoint"/>, or null when none is queued.</summary>
    public FaultToken? TakeNext(FaultEndpoint endpoint)
    {
        lock (gate)
        {
            return queues[endpoint].TryDequeue(out FaultToken? token) ? token : null;
        }
    }

    /// <summary>How many tokens are still queued for <paramref name="endpoint"/>.</summary>
    public int Pending(FaultEndpoint endpoint)
    {
        lock (gate)
        {
            return queues[endpoint].Count;
        }
    }

    /// <summary>Drops every queued token.</summary>
    public void Clear()
    {
        lock (gate)
        {
            foreach (Queue<FaultToken> queue in queues.Values)
            {
                queue.Clear();
            }
        }
    }
}
