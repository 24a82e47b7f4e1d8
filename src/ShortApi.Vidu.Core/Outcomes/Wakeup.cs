using System;
using System.Threading;

namespace ShortApi.Vidu.Outcomes
{
    /// <summary>
    /// One signal that many producers (background batches, message queues) set and one consumer (the pipeline thread
    /// of a cmdlet) waits on. The consumer wakes when there is something to write, or when it is stopped, instead of
    /// waking in fixed slices to look.
    /// </summary>
    /// <remarks>
    /// The consumer's order is wait, then drain everything. A producer that posts while the consumer drains leaves the
    /// signal set, so the next wait returns at once and finds either the item or nothing (a harmless extra wake): no
    /// post is ever missed.
    /// </remarks>
    internal sealed class Wakeup : IDisposable
    {
        private readonly ManualResetEventSlim _signal = new ManualResetEventSlim(false);

        /// <summary>Wakes the consumer (from any thread, any number of times).</summary>
        public void Set()
        {
            try
            {
                _signal.Set();
            }
            catch (ObjectDisposedException)
            {
                // A batch that finishes after its command ended has no one left to wake.
            }
        }

        /// <summary>
        /// Blocks until woken, until <paramref name="bound"/> passes (infinite when null), or until the token is
        /// cancelled (then throws <see cref="OperationCanceledException"/>). True when woken. Clears the signal before
        /// returning, so the caller must drain every source after each call.
        /// </summary>
        public bool Wait(TimeSpan? bound, CancellationToken cancellationToken)
        {
            var woken = _signal.Wait(bound ?? Timeout.InfiniteTimeSpan, cancellationToken);
            _signal.Reset();
            return woken;
        }

        public void Dispose() => _signal.Dispose();
    }
}
