using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Http;

namespace ShortApi.Vidu.Watching
{
    /// <summary>
    /// Follows many jobs from one asynchronous loop (no thread per job): each job is queried once per poll
    /// interval, due times are spread with jitter, the shared rate limiter in the client caps the query rate,
    /// and finished jobs are handed out in the order they finish through <see cref="TryTake"/>.
    /// </summary>
    public sealed class JobWatcher : IDisposable
    {
        private readonly ShortApiClient _client;
        private readonly JobWatcherOptions _options;
        private readonly object _gate = new object();
        private readonly SortedSet<Entry> _due = new SortedSet<Entry>(EntryOrder.Instance);
        private readonly Dictionary<string, Entry> _watching = new Dictionary<string, Entry>(StringComparer.Ordinal);
        private readonly SemaphoreSlim _wake = new SemaphoreSlim(0);
        private readonly BlockingCollection<WatchResult> _finished = new BlockingCollection<WatchResult>();
        private readonly CancellationTokenSource _stop;
        private readonly Task _loop;
        private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(10);
        private long _sequence;
        private int _untaken;

        /// <summary>Starts the polling loop; it runs until disposed or cancelled.</summary>
        public JobWatcher(ShortApiClient client, JobWatcherOptions options, CancellationToken cancellationToken)
        {
            _client = client;
            _options = options;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _loop = Task.Run(() => RunAsync(_stop.Token));
        }

        /// <summary>How many added jobs have not been handed out by <see cref="TryTake"/> yet (still running, or finished and waiting to be taken).</summary>
        public int PendingCount => Volatile.Read(ref _untaken);

        /// <summary>The jobs still being followed (not finished).</summary>
        public IReadOnlyList<VideoJob> PendingJobs()
        {
            lock (_gate) return new List<VideoJob>(EnumerateJobs());
        }

        private IEnumerable<VideoJob> EnumerateJobs()
        {
            foreach (var entry in _watching.Values) yield return entry.Job;
        }

        /// <summary>
        /// Starts following a job (a copy is followed; the caller's object is not changed from another thread).
        /// A job already followed is not added twice.
        /// </summary>
        public bool Add(VideoJob job)
        {
            var copy = job.Clone();
            var now = DateTimeOffset.UtcNow;
            // A job made moments ago cannot be finished yet: its first query waits one interval. An older one (collected
            // later, from history or a file) is queried at once. Jitter spreads a batch that arrives together; it only
            // ever makes a query earlier, so a finished job is still seen within one interval.
            // A creation time in the future (a clock ahead, a date misread from a file) counts as now.
            var created = copy.CreatedAt is DateTimeOffset at && at < now ? at : now;
            var first = copy.CreatedAt != null && now - created < _options.PollInterval
                ? created + Early(_options.PollInterval)
                : now;
            lock (_gate)
            {
                if (_watching.ContainsKey(copy.JobId)) return false;
                var entry = new Entry(copy, first, Interlocked.Increment(ref _sequence));
                _watching.Add(copy.JobId, entry);
                _due.Add(entry);
                Interlocked.Increment(ref _untaken);
            }
            Wake();
            return true;
        }

        /// <summary>Waits up to <paramref name="wait"/> for the next finished job.</summary>
        public bool TryTake(out WatchResult? result, TimeSpan wait, CancellationToken cancellationToken)
        {
            var ok = _finished.TryTake(out var taken, (int)Math.Max(0, Math.Min(int.MaxValue, wait.TotalMilliseconds)), cancellationToken);
            if (ok) Interlocked.Decrement(ref _untaken);
            result = taken;
            return ok;
        }

        /// <summary>Stops the loop and every query in flight.</summary>
        public void Dispose()
        {
            _stop.Cancel();
            try
            {
                _loop.Wait(TimeSpan.FromSeconds(2));
            }
            catch (AggregateException)
            {
            }
            _stop.Dispose();
        }

        private async Task RunAsync(CancellationToken cancellationToken)
        {
            using var slots = new SemaphoreSlim(Math.Max(1, _options.MaxConcurrentQueries));
            var running = new List<Task>();
            try
            {
                while (!cancellationToken.IsCancellationRequested)
                {
                    Entry? next;
                    lock (_gate) next = _due.Count > 0 ? _due.Min : null;
                    if (next == null)
                    {
                        await _wake.WaitAsync(cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                    var wait = next.Due - DateTimeOffset.UtcNow;
                    if (wait > MaxSleep) wait = MaxSleep; // waits are re-evaluated anyway; a huge one must not throw
                    if (wait > TimeSpan.Zero)
                    {
                        // Woken early when a job is added, so a new earlier due time is not missed.
                        await _wake.WaitAsync(wait, cancellationToken).ConfigureAwait(false);
                        continue;
                    }
                    await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                    lock (_gate) _due.Remove(next);
                    running.RemoveAll(t => t.IsCompleted);
                    running.Add(PollAsync(next, slots, cancellationToken));
                }
            }
            catch (OperationCanceledException)
            {
            }
            try
            {
                await Task.WhenAll(running).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        private async Task PollAsync(Entry entry, SemaphoreSlim slots, CancellationToken cancellationToken)
        {
            var job = entry.Job;
            try
            {
                var state = await _client.QueryJobAsync(job.JobId, cancellationToken, _options.Deadline).ConfigureAwait(false);
                entry.TransientFailures = 0;
                job.Apply(state, DateTimeOffset.UtcNow);
                if (state.Status == JobStatus.Succeeded && state.VideoUrls.Length > 0)
                {
                    Finish(entry, null);
                }
                else if (state.Status == JobStatus.Failed)
                {
                    var reason = string.IsNullOrWhiteSpace(state.Error) ? "the service gave no reason" : state.Error;
                    Finish(entry, new ShortApiException(ShortApiErrorKind.JobFailed,
                        $"Job '{job.JobId}' failed (status {state.StatusCode}): {reason}. Nothing to download; adjust the prompt or image and submit it again.",
                        jobId: job.JobId, serviceMessage: state.Error));
                }
                else
                {
                    if (state.Status == JobStatus.Succeeded && !entry.WarnedNoUrl)
                    {
                        entry.WarnedNoUrl = true;
                        _options.Warn?.Invoke($"Job '{job.JobId}' is reported finished but the answer carries no video URL; asking again.");
                    }
                    if (state.Status == JobStatus.Unknown && !entry.WarnedUnknown)
                    {
                        entry.WarnedUnknown = true;
                        _options.Warn?.Invoke($"Job '{job.JobId}' has status {state.StatusCode}, which is not documented; treating it as still running until it changes or the wait times out.");
                    }
                    Reschedule(entry, _options.PollInterval);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
            }
            catch (ShortApiException ex) when (IsTransient(ex))
            {
                // The query's own retries are spent, but the job itself is fine as far as anyone knows:
                // keep following it, further apart each time, until the caller's timeout decides.
                entry.TransientFailures++;
                var ceiling = Math.Max(60_000, _options.PollInterval.TotalMilliseconds);
                var backoff = TimeSpan.FromMilliseconds(Math.Min(ceiling, _options.PollInterval.TotalMilliseconds * Math.Pow(2, entry.TransientFailures)));
                if (ex.RetryAfter is TimeSpan asked && asked > backoff) backoff = asked;
                _options.Log?.Invoke($"Status of job '{job.JobId}' unavailable ({ex.Message}); asking again in {backoff.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s.");
                Reschedule(entry, backoff);
            }
            catch (ShortApiException ex)
            {
                Finish(entry, ex);
            }
            catch (Exception ex) when (!(ex is OperationCanceledException))
            {
                // Anything unforeseen must not leave a job watched but never asked about again.
                entry.TransientFailures++;
                _options.Log?.Invoke($"Status of job '{job.JobId}' could not be read ({ex.Message}); asking again in {_options.PollInterval.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s.");
                Reschedule(entry, _options.PollInterval);
            }
            finally
            {
                slots.Release();
            }
        }

        private static bool IsTransient(ShortApiException ex) =>
            ex.Kind == ShortApiErrorKind.RateLimited || ex.Kind == ShortApiErrorKind.ServiceError ||
            ex.Kind == ShortApiErrorKind.Timeout || ex.Kind == ShortApiErrorKind.ConnectionFailed ||
            ex.Kind == ShortApiErrorKind.InvalidResponse;

        private void Reschedule(Entry entry, TimeSpan after)
        {
            lock (_gate)
            {
                if (!_watching.ContainsKey(entry.Job.JobId)) return;
                entry.Due = DateTimeOffset.UtcNow + Early(after);
                entry.Sequence = Interlocked.Increment(ref _sequence);
                _due.Add(entry);
            }
            Wake();
        }

        private void Finish(Entry entry, ShortApiException? error)
        {
            lock (_gate) _watching.Remove(entry.Job.JobId);
            _finished.Add(new WatchResult(entry.Job, error));
        }

        private void Wake()
        {
            if (_wake.CurrentCount == 0) _wake.Release();
        }

        // A delay shortened by up to a tenth at random, so polls of jobs added together drift apart
        // without any job waiting longer than asked.
        private static TimeSpan Early(TimeSpan delay) =>
            TimeSpan.FromMilliseconds(delay.TotalMilliseconds * (1 - 0.1 * SharedRandom.NextDouble()));

        private sealed class Entry
        {
            public Entry(VideoJob job, DateTimeOffset due, long sequence)
            {
                Job = job;
                Due = due;
                Sequence = sequence;
            }

            public VideoJob Job { get; }
            public DateTimeOffset Due { get; set; }
            public long Sequence { get; set; }
            public int TransientFailures { get; set; }
            public bool WarnedNoUrl { get; set; }
            public bool WarnedUnknown { get; set; }
        }

        private sealed class EntryOrder : IComparer<Entry>
        {
            public static readonly EntryOrder Instance = new EntryOrder();

            public int Compare(Entry? x, Entry? y)
            {
                var byDue = x!.Due.CompareTo(y!.Due);
                return byDue != 0 ? byDue : x.Sequence.CompareTo(y.Sequence);
            }
        }
    }
}
