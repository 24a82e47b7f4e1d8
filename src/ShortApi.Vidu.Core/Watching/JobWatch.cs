using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Outcomes;
using ShortApi.Vidu.Pipeline;
using ShortApi.Vidu.Transport;

namespace ShortApi.Vidu.Watching
{
    /// <summary>
    /// Follows many jobs from one asynchronous loop (no thread per job): each job is queried once per poll interval,
    /// due times are spread with jitter, the client's rate limiter caps the query rate, and finished jobs are handed out
    /// in the order they finish. Each change of state is a new job snapshot (and a history event); nothing handed out is
    /// changed later. Ending a wait is three steps, in this order, so no job falls between them: <see cref="StopPollingAsync"/>,
    /// then take what finished, then <see cref="Remaining"/> are the timed-out ones.
    /// </summary>
    internal sealed class JobWatch : IDisposable
    {
        private static readonly TimeSpan MaxSleep = TimeSpan.FromMinutes(10);
        private readonly ApiClient _client;
        private readonly JobWatchOptions _options;
        private readonly IJobEvents _events;
        private readonly object _gate = new object();
        private readonly SortedSet<Entry> _due = new SortedSet<Entry>(EntryOrder.Instance);
        private readonly Dictionary<string, Entry> _watching = new Dictionary<string, Entry>(StringComparer.Ordinal);
        private readonly SemaphoreSlim _wake = new SemaphoreSlim(0);
        private readonly OutcomeChannel<WatchResult> _finished;
        private readonly CancellationTokenSource _stop;
        private readonly Task _loop;
        private long _sequence;
        private int _untaken;

        /// <summary>Starts the polling loop; it runs until stopped, disposed or cancelled.</summary>
        public JobWatch(ApiClient client, JobWatchOptions options, IJobEvents events, CancellationToken cancellationToken)
        {
            _client = client;
            _options = options;
            _events = events;
            _finished = new OutcomeChannel<WatchResult>(options.Wakeup);
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _loop = Task.Run(() => RunAsync(_stop.Token));
        }

        /// <summary>Jobs added and not yet handed out (still running, or finished and waiting to be taken).</summary>
        public int PendingCount => Volatile.Read(ref _untaken);

        /// <summary>Starts following a job; a job already followed is not added twice.</summary>
        public bool Add(VideoJob job)
        {
            var now = _options.Clock.GetUtcNow();
            // A job made moments ago cannot be finished yet: its first query waits one interval. An older one (collected
            // later, from history or a file) is queried at once. A creation time in the future counts as now.
            var created = job.CreatedAt is DateTimeOffset at && at < now ? at : now;
            var first = job.CreatedAt != null && now - created < _options.PollInterval ? created + Early(_options.PollInterval) : now;
            lock (_gate)
            {
                if (_watching.ContainsKey(job.JobId)) return false;
                var entry = new Entry(job, first, Interlocked.Increment(ref _sequence));
                _watching.Add(job.JobId, entry);
                _due.Add(entry);
                Interlocked.Increment(ref _untaken);
            }
            Wake();
            return true;
        }

        /// <summary>Takes a finished job if one is ready, without waiting.</summary>
        public bool TryTake(out WatchResult? result)
        {
            var ok = _finished.TryTake(out var taken);
            if (ok) Interlocked.Decrement(ref _untaken);
            result = ok ? taken : null;
            return ok;
        }

        /// <summary>The next finished job, when it comes.</summary>
        public async Task<WatchResult> TakeAsync(CancellationToken cancellationToken)
        {
            var (_, result) = await _finished.TakeAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Decrement(ref _untaken);
            return result;
        }

        /// <summary>Stops asking: no new query starts, and the loop ends once the queries in flight have ended.</summary>
        public async Task StopPollingAsync(TimeSpan bound)
        {
            _stop.Cancel();
            await Task.WhenAny(_loop, Task.Delay(bound)).ConfigureAwait(false);
        }

        /// <summary>After <see cref="StopPollingAsync"/> and taking every finished job: the jobs still unfinished, as last seen.</summary>
        public IReadOnlyList<VideoJob> Remaining()
        {
            lock (_gate) return _watching.Values.OrderBy(e => e.Added).Select(e => e.Job).ToList();
        }

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
        }

        private static readonly ConcurrentDictionary<string, int> LiveLoops = new ConcurrentDictionary<string, int>(StringComparer.OrdinalIgnoreCase);

        /// <summary>How many watches are still polling <paramref name="baseUri"/>: a stopped command must leave none (tests read it).</summary>
        internal static int LoopsPolling(Uri baseUri) => LiveLoops.TryGetValue(baseUri.AbsoluteUri, out var count) ? count : 0;

        private async Task RunAsync(CancellationToken cancellationToken)
        {
            var endpoint = _client.BaseUri.AbsoluteUri;
            LiveLoops.AddOrUpdate(endpoint, 1, (_, count) => count + 1);
            try
            {
                await PollUntilStoppedAsync(cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                LiveLoops.AddOrUpdate(endpoint, 0, (_, count) => count - 1);
            }
        }

        private async Task PollUntilStoppedAsync(CancellationToken cancellationToken)
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
                    var wait = next.Due - _options.Clock.GetUtcNow();
                    if (wait > MaxSleep) wait = MaxSleep; // waits are re-evaluated anyway; a huge one must not throw
                    if (wait > TimeSpan.Zero)
                    {
                        // Woken early when a job is added, so a new earlier due time is not missed.
                        await NapAsync(wait, cancellationToken).ConfigureAwait(false);
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
            await Task.WhenAll(running).ConfigureAwait(false);
        }

        // Until the wait has passed on the watch's clock or a job is added, whichever comes first. A wake taken just
        // as the nap ends is not lost: the loop looks at the due times again after every nap. The semaphore's waiter
        // must be gone before the loop waits again: a cancelled waiter stays listed until its continuation runs, and
        // a Release in that moment would go to it and leave the next wait asleep for ever.
        private async Task NapAsync(TimeSpan wait, CancellationToken cancellationToken)
        {
            using var nap = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var woken = _wake.WaitAsync(nap.Token);
            var slept = _options.Clock.Delay(wait, nap.Token);
            await Task.WhenAny(woken, slept).ConfigureAwait(false);
            nap.Cancel();
            try
            {
                await woken.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
            cancellationToken.ThrowIfCancellationRequested();
        }

        private async Task PollAsync(Entry entry, SemaphoreSlim slots, CancellationToken cancellationToken)
        {
            var jobId = entry.Job.JobId;
            try
            {
                var state = await _client.QueryJobAsync(jobId, cancellationToken, _options.Deadline).ConfigureAwait(false);
                entry.TransientFailures = 0;
                var before = entry.Job;
                var job = before.WithState(state, _options.Clock.GetUtcNow());
                entry.Job = job;
                _events.Observed(before, job);
                if (state.Status == JobStatus.Succeeded && state.VideoUrls.Length > 0)
                {
                    Finish(entry, null);
                }
                else if (state.Status == JobStatus.Failed)
                {
                    var reason = string.IsNullOrWhiteSpace(state.Error) ? "the service gave no reason" : state.Error;
                    Finish(entry, new ShortApiException(ShortApiErrorKind.JobFailed,
                        $"Job '{jobId}' failed (status {state.StatusCode}): {Sentences.End(reason)} Nothing to download; adjust the prompt or image and submit it again.",
                        jobId: jobId, serviceMessage: state.Error));
                }
                else
                {
                    WarnOnce(entry, state);
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
                _options.Log?.Invoke($"Status of job '{jobId}' unavailable ({ex.Message}); asking again in {backoff.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s.");
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
                _options.Log?.Invoke($"Status of job '{jobId}' could not be read ({ex.Message}); asking again in {_options.PollInterval.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s.");
                Reschedule(entry, _options.PollInterval);
            }
            finally
            {
                slots.Release();
            }
        }

        private void WarnOnce(Entry entry, Wire.JobSnapshot state)
        {
            var note = JobLook.Note(entry.Job.JobId, state, willAskAgain: true);
            if (note == null) return;
            if (state.Status == JobStatus.Succeeded && !entry.WarnedNoUrl)
            {
                entry.WarnedNoUrl = true;
                _options.Warn?.Invoke(note);
            }
            if (state.Status == JobStatus.Unknown && !entry.WarnedUnknown)
            {
                entry.WarnedUnknown = true;
                _options.Warn?.Invoke(note);
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
                entry.Due = _options.Clock.GetUtcNow() + Early(after);
                entry.Sequence = Interlocked.Increment(ref _sequence);
                _due.Add(entry);
            }
            Wake();
        }

        private void Finish(Entry entry, ShortApiException? error)
        {
            lock (_gate)
            {
                _watching.Remove(entry.Job.JobId);
                // Added under the same lock, so a job is always either watched or finished, never neither.
                _finished.Post(new WatchResult(entry.Job, error));
            }
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
                Added = sequence;
            }

            /// <summary>The latest snapshot; replaced, never changed, so one handed out stays as it was.</summary>
            public VideoJob Job { get; set; }
            public DateTimeOffset Due { get; set; }
            public long Sequence { get; set; }
            public long Added { get; }
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
