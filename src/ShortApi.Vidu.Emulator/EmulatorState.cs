using System;
using System.Collections.Generic;
using System.Threading;

namespace ShortApi.Vidu.Emulator;

/// <summary>What the emulator has seen and done: counters, recorded requests, jobs and queued faults; safe to read while it runs.</summary>
public sealed class EmulatorState
{
    private readonly object gate = new();
    private readonly List<string> acceptedJobIds = new();
    private readonly List<RecordedRequest> requests = new();
    private readonly List<RecordedCallback> callbacks = new();
    private readonly List<CdnRequest> cdnRequests = new();
    private readonly List<string> callbackSinkBodies = new();
    private readonly QueryRateMeter queryRate;
    private int createsReceived;
    private int createsAccepted;
    private int queriesReceived;
    private int downloadsServed;
    private int createsInFlight;

    internal EmulatorState(TimeProvider clock)
    {
        queryRate = new QueryRateMeter(clock);
    }

    /// <summary>Create requests that arrived, whatever became of them.</summary>
    public int CreatesReceived => Volatile.Read(ref createsReceived);

    /// <summary>Jobs actually created, including those answered 500/502/504 or dropped after creation.</summary>
    public int CreatesAccepted => Volatile.Read(ref createsAccepted);

    /// <summary>Ids of the created jobs, in creation order.</summary>
    public IReadOnlyList<string> AcceptedJobIds => Snapshot(acceptedJobIds);

    /// <summary>Query requests that arrived, whatever became of them.</summary>
    public int QueriesReceived => Volatile.Read(ref queriesReceived);

    /// <summary>Videos sent in full by the CDN listener (a drop-half does not count).</summary>
    public int DownloadsServed => Volatile.Read(ref downloadsServed);

    /// <summary>Create requests received but not answered yet.</summary>
    public int CreatesInFlight => Volatile.Read(ref createsInFlight);

    /// <summary>The largest number of queries that arrived within any sliding one-second window.</summary>
    public int PeakQueriesPerSecond => queryRate.Peak();

    /// <summary>Every request to the API and CDN listeners, in arrival order (control endpoints excluded).</summary>
    public IReadOnlyList<RecordedRequest> RecordedRequests => Snapshot(requests);

    /// <summary>Callback POSTs made when jobs finished.</summary>
    public IReadOnlyList<RecordedCallback> RecordedCallbacks => Snapshot(callbacks);

    /// <summary>Requests to the CDN listener, with the Authorization header they carried.</summary>
    public IReadOnlyList<CdnRequest> CdnRequests => Snapshot(cdnRequests);

    /// <summary>Bodies posted to <c>/_emulator/callback-sink</c>, a ready-made callback target.</summary>
    public IReadOnlyList<string> CallbackSinkBodies => Snapshot(callbackSinkBodies);

    internal JobTable Jobs { get; } = new();

    internal FaultScript Faults { get; } = new();

    /// <summary>Forgets jobs, counters, recordings and queued faults; requests still in flight stay counted as in flight.</summary>
    public void Reset()
    {
        lock (gate)
        {
            Jobs.Clear();
            Faults.Clear();
            queryRate.Clear();
            acceptedJobIds.Clear();
            requests.Clear();
            callbacks.Clear();
            cdnRequests.Clear();
            callbackSinkBodies.Clear();
            Interlocked.Exchange(ref createsReceived, 0);
            Interlocked.Exchange(ref createsAccepted, 0);
            Interlocked.Exchange(ref queriesReceived, 0);
            Interlocked.Exchange(ref downloadsServed, 0);
        }
    }

    internal void CreateArrived()
    {
        Interlocked.Increment(ref createsReceived);
        Interlocked.Increment(ref createsInFlight);
    }

    internal void CreateAnswered() => Interlocked.Decrement(ref createsInFlight);

    internal void QueryArrived()
    {
        Interlocked.Increment(ref queriesReceived);
        queryRate.Arrived();
    }

    internal void DownloadServed() => Interlocked.Increment(ref downloadsServed);

    /// <summary>Adds a created job; the table, the id list and the counter change together.</summary>
    internal void Accept(EmulatedJob job)
    {
        lock (gate)
        {
            Jobs.Add(job);
            acceptedJobIds.Add(job.Id);
            createsAccepted++;
        }
    }

    internal void Record(RecordedRequest request) => Add(requests, request);

    internal void Record(RecordedCallback callback) => Add(callbacks, callback);

    internal void Record(CdnRequest request) => Add(cdnRequests, request);

    internal void RecordSinkBody(string body) => Add(callbackSinkBodies, body);

    private void Add<T>(List<T> list, T item)
    {
        lock (gate)
        {
            list.Add(item);
        }
    }

    private IReadOnlyList<T> Snapshot<T>(List<T> list)
    {
        lock (gate)
        {
            return list.ToArray();
        }
    }
}
