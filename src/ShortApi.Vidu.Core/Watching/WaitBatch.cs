using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Outcomes;
using ShortApi.Vidu.Pipeline;

namespace ShortApi.Vidu.Watching
{
    /// <summary>
    /// One wait for many jobs under one deadline: what Wait-ViduVideoJob and Save-ViduVideo share. It owns -Timeout
    /// (when the wait began, when it ends, how long is left), the watch that does the asking (made on the first job),
    /// and the words for a job that was still running when the time ran out. The cmdlets only write what it hands out.
    /// </summary>
    internal sealed class WaitBatch : IDisposable
    {
        private readonly Func<ApiClient> _client;
        private readonly JobWatchOptions _options;
        private readonly IJobEvents _events;
        private readonly CancellationToken _stop;
        private JobWatch? _watch;
        private bool _disposed;

        /// <param name="client">Makes the client that asks the service about each job, on the first job (a -WhatIf run,
        /// or one whose jobs are all finished already, needs none, and so no key).</param>
        /// <param name="options">How to poll; its <see cref="JobWatchOptions.Deadline"/> is set here from <paramref name="timeout"/>.</param>
        /// <param name="timeout">The longest to wait for all jobs together, or null for no limit.</param>
        /// <param name="events">Where each change of state is recorded (the history).</param>
        /// <param name="stop">The command's Ctrl+C.</param>
        public WaitBatch(Func<ApiClient> client, JobWatchOptions options, TimeSpan? timeout, IJobEvents events, CancellationToken stop)
        {
            _client = client;
            _options = options;
            _events = events;
            _stop = stop;
            StartedAt = options.Clock.GetUtcNow();
            // Retries inside one query do not reach past it either.
            options.Deadline = timeout is TimeSpan limit ? StartedAt + limit : (DateTimeOffset?)null;
        }

        /// <summary>When the wait began (the command's start).</summary>
        public DateTimeOffset StartedAt { get; }

        /// <summary>When waiting ends, or null for no limit.</summary>
        public DateTimeOffset? Deadline => _options.Deadline;

        /// <summary>Whether the deadline has passed.</summary>
        public bool PastDeadline => Deadline is DateTimeOffset end && _options.Clock.GetUtcNow() >= end;

        /// <summary>Jobs added and not yet handed out.</summary>
        public int PendingCount => _watch?.PendingCount ?? 0;

        /// <summary>How long the caller may sleep: <paramref name="longest"/>, or less so as to wake at the deadline.</summary>
        public TimeSpan NextWait(TimeSpan longest)
        {
            if (!(Deadline is DateTimeOffset end)) return longest;
            var left = end - _options.Clock.GetUtcNow();
            if (left <= TimeSpan.Zero) return TimeSpan.Zero;
            return left < longest ? left : longest;
        }

        /// <summary>Starts waiting for a job; false when it is followed already (given twice).</summary>
        public bool Add(VideoJob job)
        {
            if (_disposed) throw new ObjectDisposedException(nameof(WaitBatch));
            _watch ??= new JobWatch(_client(), _options, _events, _stop);
            return _watch.Add(job);
        }

        /// <summary>Takes a finished job if one is ready, without waiting.</summary>
        public bool TryTake(out WatchResult? result)
        {
            result = null;
            return !_disposed && _watch != null && _watch.TryTake(out result);
        }

        /// <summary>
        /// The deadline has passed: stops asking, then hands out what finished meanwhile (still emitted or saved: a job
        /// that ends as the time runs out is not lost), then the jobs still running, which time out. In that order, so
        /// every job ends as exactly one of the two.
        /// </summary>
        public (IReadOnlyList<WatchResult> Finished, IReadOnlyList<VideoJob> TimedOut) EndAtDeadline(TimeSpan bound)
        {
            var finished = new List<WatchResult>();
            if (_watch == null) return (finished, Array.Empty<VideoJob>());
            _watch.StopPollingAsync(bound).GetAwaiter().GetResult();
            while (_watch.TryTake(out var result)) finished.Add(result!);
            var timedOut = _watch.Remaining();
            _watch.Dispose();
            _watch = null;
            return (finished, timedOut);
        }

        /// <summary>The jobs not yet finished, as last seen (for the resume line after a stop).</summary>
        public IReadOnlyList<VideoJob> Remaining() => _watch?.Remaining() ?? Array.Empty<VideoJob>();

        /// <summary>
        /// Why a job is given up on: still running when the time ran out, and how to collect it later (by its history
        /// when there is one; by its id alone otherwise, since -LastBatch needs a history).
        /// </summary>
        public TimeoutException TimedOut(VideoJob job, bool withHistory)
        {
            var waited = (_options.Clock.GetUtcNow() - StartedAt).TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
            var later = withHistory ? ", or Get-ViduVideoJob -LastBatch -Unsaved." : ".";
            return new TimeoutException(
                $"Job '{job.JobId}' was still {job.Status} after waiting {waited} s. It keeps running on the service; collect it later with " +
                $"Get-ViduVideoJob -JobId {job.JobId} | Save-ViduVideo{later}");
        }

        /// <summary>
        /// Stops asking at once (an -Any wait that has its job, or the command's end). What was pending stays readable
        /// (<see cref="PendingCount"/>, <see cref="Remaining"/>) for the resume line after a stop.
        /// </summary>
        public void Dispose()
        {
            _disposed = true;
            _watch?.Dispose();
        }
    }
}
