using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace ShortApi.Vidu.Tests.Support
{
    /// <summary>
    /// A clock whose time never moves and whose waits end at once, recording how long each was asked to be: code that
    /// spaces requests on it shows the exact spacing it asks for, whatever the machine's speed.
    /// </summary>
    internal sealed class StandingClock : TimeProvider
    {
        private readonly DateTimeOffset _now;

        public StandingClock(DateTimeOffset now)
        {
            _now = now;
        }

        /// <summary>Every wait asked for, in the order the timers were made.</summary>
        public ConcurrentQueue<TimeSpan> Waits { get; } = new ConcurrentQueue<TimeSpan>();

        public override DateTimeOffset GetUtcNow() => _now;

        public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
        {
            Waits.Enqueue(dueTime);
            // Fired from the thread pool, not inside CreateTimer: the caller has not stored the timer yet.
            Task.Run(() => callback(state));
            return new Ended();
        }

        private sealed class Ended : ITimer
        {
            public bool Change(TimeSpan dueTime, TimeSpan period) => false;

            public void Dispose()
            {
            }

            public ValueTask DisposeAsync() => default;
        }
    }
}
