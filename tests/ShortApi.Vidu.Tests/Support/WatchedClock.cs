using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;

namespace ShortApi.Vidu.Tests.Support
{
    /// <summary>
    /// A test clock that also says when code starts waiting on it. Moving a clock before the wait it should end has
    /// begun would leave that wait for ever; waiting for the timer first makes the order certain.
    /// </summary>
    internal sealed class WatchedClock : FakeTimeProvider
    {
        private readonly ConcurrentQueue<TimeSpan> _started = new ConcurrentQueue<TimeSpan>();
        private readonly ConcurrentQueue<(DateTimeOffset At, TimeSpan Due)> _startedAt = new ConcurrentQueue<(DateTimeOffset, TimeSpan)>();
        private readonly SemaphoreSlim _signal = new SemaphoreSlim(0);

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            var timer = base.CreateTimer(callback, state, dueTime, period);
            _startedAt.Enqueue((GetUtcNow(), dueTime));
            _started.Enqueue(dueTime);
            _signal.Release(2);
            return timer;
        }

        /// <summary>
        /// Completes once a timer that <paramref name="match"/>es (by the clock's time when it was started, and its due
        /// time) has been started: "a wait of 9 to 10 s begun now" tells which wait of a loop has begun.
        /// </summary>
        public async Task TimerStartedAsync(Func<DateTimeOffset, TimeSpan, bool> match, TimeSpan patience)
        {
            using var cancel = new CancellationTokenSource(patience);
            while (true)
            {
                foreach (var (at, due) in _startedAt)
                    if (match(at, due)) return;
                await _signal.WaitAsync(cancel.Token);
            }
        }

        /// <summary>Completes once <paramref name="count"/> timers that <paramref name="match"/> have been started: several waits of one round.</summary>
        public async Task TimersStartedAsync(Func<DateTimeOffset, TimeSpan, bool> match, int count, TimeSpan patience)
        {
            using var cancel = new CancellationTokenSource(patience);
            while (true)
            {
                var seen = 0;
                foreach (var (at, due) in _startedAt)
                    if (match(at, due)) seen++;
                if (seen >= count) return;
                await _signal.WaitAsync(cancel.Token);
            }
        }

        /// <summary>Completes once a timer of <paramref name="dueTime"/> has been started on this clock.</summary>
        public async Task TimerStartedAsync(TimeSpan dueTime, TimeSpan patience)
        {
            using var cancel = new CancellationTokenSource(patience);
            while (true)
            {
                foreach (var started in _started)
                    if (started == dueTime) return;
                await _signal.WaitAsync(cancel.Token);
            }
        }
    }
}
