using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace ShortApi.Vidu.Emulator;

/// <summary>What the emulator has seen and done: counters, recorded requests, jobs and queued faults; safe to read while it runs.</summary>
public sealed class EmulatorState
{
    private readonly object gate = new();
    private readonly List<string> acceptedJobIds = new();
    private readonly List<AcceptedJob> acceptedJobs = new();
    private readonly List<RecordedRequest> requests = new();
    private readonly List<RecordedCallback> callbacks = new();
    private readonly List<CdnRequest> cdnRequests = new();
    private readonly List<string> callbackSinkBodies = new();
    private readonly QueryRateMeter queryRate;
    private readonly BalanceAccount balance;
    private readonly StateChangeSignal changed = new();
    private int createsReceived;
    private int createsAccepted;
    private int createsRefused;
    private int queriesReceived;
    private int downloadsServed;
    private int createsInFlight;
    private int downloadsInFlight;
    private int createsInFlightPeak;

    internal EmulatorState(TimeProvider clock, EmulatorOptions options)
    {
        queryRate = new QueryRateMeter(clock);
        balance = new BalanceAccount(options);
    }

    /// <summary>Create requests that arrived, whatever became of them.</summary>
    public int CreatesReceived => Volatile.Read(ref createsReceived);

    /// <summary>Jobs actually created, including those answered with a gateway page, answered late, or dropped after creation.</summary>
    public int CreatesAccepted => Volatile.Read(ref createsAccepted);

    /// <summary>Creates answered without a job being made: any refusal (401, 400, 402, 429, a refusal fault) or malformed answer.</summary>
    /// <remarks>A create whose client left during a wait, before anything was made, is neither accepted nor refused.</remarks>
    public int CreatesRefused => Volatile.Read(ref createsRefused);

    /// <summary>USD left to spend, or null when the balance is unlimited (<see cref="EmulatorOptions.Balance"/>).</summary>
    public decimal? BalanceRemaining => balance.Remaining;

    /// <summary>Ids of the created jobs, in creation order.</summary>
    public IReadOnlyList<string> AcceptedJobIds => Snapshot(acceptedJobIds);

    /// <summary>The created jobs with their model, charge and arguments, in creation order.</summary>
    public IReadOnlyList<AcceptedJob> AcceptedJobs => Snapshot(acceptedJobs);

    /// <summary>Query requests that arrived, whatever became of them.</summary>
    public int QueriesReceived => Volatile.Read(ref queriesReceived);

    /// <summary>Videos sent in full by the CDN listener (a drop-half does not count).</summary>
    public int DownloadsServed => Volatile.Read(ref downloadsServed);

    /// <summary>Create requests received but not answered yet.</summary>
    public int CreatesInFlight => Volatile.Read(ref createsInFlight);

    /// <summary>The most creates that were on the wire at once since the last reset (a test of a throttle reads it, rather than sampling).</summary>
    public int CreatesInFlightPeak => Volatile.Read(ref createsInFlightPeak);

    /// <summary>Result downloads being answered now (a slow one counts until it ends or its client goes away).</summary>
    public int DownloadsInFlight => Volatile.Read(ref downloadsInFlight);

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

    /// <summary>Completes once <paramref name="condition"/> holds; throws <see cref="TimeoutException"/> naming the counts when <paramref name="timeout"/> passes first.</summary>
    /// <remarks>The condition is checked now and again after every change to a counter or a recording, on a pool thread.</remarks>
    public Task WaitUntilAsync(Func<EmulatorState, bool> condition, TimeSpan timeout) =>
        WaitUntilAsync(condition, timeout, CancellationToken.None);

    /// <summary>Same as <see cref="WaitUntilAsync(Func{EmulatorState, bool}, TimeSpan)"/>, and gives up when <paramref name="cancellationToken"/> trips.</summary>
    public async Task WaitUntilAsync(Func<EmulatorState, bool> condition, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(condition);
        if (timeout < TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must not be negative (or must be Timeout.InfiniteTimeSpan).");
        }

        // The patience is real time even when the emulator runs on a test's clock: a test that waits for the wrong
        // thing must fail, not hang until someone moves its clock.
        TimeProvider patience = TimeProvider.System;
        long started = patience.GetTimestamp();
        while (true)
        {
            // Taken before the check: a change between the check and the wait still completes it.
            Task change = changed.NextChange;
            if (condition(this))
            {
                return;
            }

            TimeSpan left = timeout == Timeout.InfiniteTimeSpan ? timeout : timeout - patience.GetElapsedTime(started);
            bool outOfTime = left != Timeout.InfiniteTimeSpan && left <= TimeSpan.Zero;
            if (outOfTime || !await ChangesWithinAsync(change, left, cancellationToken).ConfigureAwait(false))
            {
                // One last look: the change that would have woken us may have landed just as the time ran out.
                if (condition(this))
                {
                    return;
                }

                throw new TimeoutException(string.Create(CultureInfo.InvariantCulture,
                    $"The emulator's state did not meet the condition within {timeout.TotalMilliseconds} ms. Now: {this}."));
            }
        }
    }

    /// <summary>The counters on one line, for test messages.</summary>
    public override string ToString()
    {
        decimal? left = BalanceRemaining;
        return string.Create(CultureInfo.InvariantCulture,
            $"createsReceived {CreatesReceived}, createsAccepted {CreatesAccepted}, createsRefused {CreatesRefused}, createsInFlight {CreatesInFlight}, "
            + $"queriesReceived {QueriesReceived}, downloadsServed {DownloadsServed}, cdnRequests {CdnRequests.Count}, "
            + $"callbacks {RecordedCallbacks.Count}, callbackSinkReceived {CallbackSinkBodies.Count}, recordedRequests {RecordedRequests.Count}, "
            + $"balanceRemaining {(left is decimal credit ? AmountText.Of(credit) : "unlimited")}");
    }

    /// <summary>Forgets jobs, counters, recordings and queued faults, and restores the configured balance; requests still in flight stay counted as in flight.</summary>
    public void Reset()
    {
        lock (gate)
        {
            Jobs.Clear();
            Faults.Clear();
            queryRate.Clear();
            acceptedJobIds.Clear();
            acceptedJobs.Clear();
            requests.Clear();
            callbacks.Clear();
            cdnRequests.Clear();
            callbackSinkBodies.Clear();
            Interlocked.Exchange(ref createsReceived, 0);
            Interlocked.Exchange(ref createsAccepted, 0);
            Interlocked.Exchange(ref createsRefused, 0);
            Interlocked.Exchange(ref queriesReceived, 0);
            Interlocked.Exchange(ref downloadsServed, 0);
            Interlocked.Exchange(ref createsInFlightPeak, 0);
            balance.Restore();
        }

        changed.Notify();
    }

    /// <summary>Back to the configured balance, keeping everything else (an options change that names the balance).</summary>
    internal void RestoreBalance()
    {
        balance.Restore();
        changed.Notify();
    }

    internal void CreateArrived()
    {
        Interlocked.Increment(ref createsReceived);
        int now = Interlocked.Increment(ref createsInFlight);
        int peak;
        while (now > (peak = Volatile.Read(ref createsInFlightPeak)) && Interlocked.CompareExchange(ref createsInFlightPeak, now, peak) != peak)
        {
        }
        changed.Notify();
    }

    internal void DownloadArrived()
    {
        Interlocked.Increment(ref downloadsInFlight);
        changed.Notify();
    }

    internal void DownloadEnded()
    {
        Interlocked.Decrement(ref downloadsInFlight);
        changed.Notify();
    }

    internal void CreateAnswered()
    {
        Interlocked.Decrement(ref createsInFlight);
        changed.Notify();
    }

    /// <summary>Counted before the refusal is written, so a client that has read it finds it counted.</summary>
    internal void CreateRefused()
    {
        Interlocked.Increment(ref createsRefused);
        changed.Notify();
    }

    internal void QueryArrived()
    {
        Interlocked.Increment(ref queriesReceived);
        queryRate.Arrived();
        changed.Notify();
    }

    internal void DownloadServed()
    {
        Interlocked.Increment(ref downloadsServed);
        changed.Notify();
    }

    /// <summary>Charges the job and adds it, the balance, table, lists and counter changing together; false (and no job) when the balance is short.</summary>
    /// <remarks>Either way <paramref name="recorded"/> (the create's recording) gains the arguments read, and the job id when one was made, in the same step.</remarks>
    internal bool TryAccept(EmulatedJob job, RecordedRequest recorded, out decimal? balanceLeft)
    {
        lock (gate)
        {
            if (!balance.TryCharge(job.Amount, out balanceLeft))
            {
                Replace(recorded, recorded with { Arguments = job.Arguments });
                return false;
            }

            Jobs.Add(job);
            acceptedJobIds.Add(job.Id);
            acceptedJobs.Add(new AcceptedJob { JobId = job.Id, Model = job.Model, Amount = job.Amount, Arguments = job.Arguments });
            Replace(recorded, recorded with { Arguments = job.Arguments, JobId = job.Id });
            createsAccepted++;
        }

        changed.Notify();
        return true;
    }

    internal void Record(RecordedRequest request) => Add(requests, request);

    internal void Record(RecordedCallback callback) => Add(callbacks, callback);

    internal void Record(CdnRequest request) => Add(cdnRequests, request);

    internal void RecordSinkBody(string body) => Add(callbackSinkBodies, body);

    /// <summary>Swaps a recording for an annotated copy; looks from the end, where a create being answered usually is. Gone after a reset: nothing to do.</summary>
    private void Replace(RecordedRequest original, RecordedRequest annotated)
    {
        for (int i = requests.Count - 1; i >= 0; i--)
        {
            if (ReferenceEquals(requests[i], original))
            {
                requests[i] = annotated;
                return;
            }
        }
    }

    private async Task<bool> ChangesWithinAsync(Task change, TimeSpan left, CancellationToken cancellationToken)
    {
        try
        {
            await change.WaitAsync(left, TimeProvider.System, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    private void Add<T>(List<T> list, T item)
    {
        lock (gate)
        {
            list.Add(item);
        }

        changed.Notify();
    }

    private IReadOnlyList<T> Snapshot<T>(List<T> list)
    {
        lock (gate)
        {
            return list.ToArray();
        }
    }
}
