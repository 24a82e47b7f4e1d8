using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace ShortApi.Vidu.Outcomes
{
    /// <summary>
    /// The one way a background batch (creates, the watch, downloads) hands what it finished to its consumer: outcomes
    /// in the order they happened, readable without blocking (<see cref="TryTake"/>), awaitable
    /// (<see cref="WaitToReadAsync"/>) for async callers such as the public client, and able to wake a cmdlet's
    /// <see cref="Wakeup"/> shared with its other sources.
    /// </summary>
    internal sealed class OutcomeChannel<T>
    {
        private readonly object _lock = new object();
        private readonly Queue<T> _items = new Queue<T>();
        private readonly List<TaskCompletionSource<bool>> _readers = new List<TaskCompletionSource<bool>>();
        private readonly Wakeup? _wakeup;
        private bool _completed;

        /// <param name="wakeup">Also set on every post and on completion, for a consumer that waits on several channels.</param>
        public OutcomeChannel(Wakeup? wakeup = null)
        {
            _wakeup = wakeup;
        }

        /// <summary>Outcomes posted and not yet taken.</summary>
        public int Count
        {
            get
            {
                lock (_lock) return _items.Count;
            }
        }

        /// <summary>True once <see cref="Complete"/> was called and every outcome was taken.</summary>
        public bool IsDrained
        {
            get
            {
                lock (_lock) return _completed && _items.Count == 0;
            }
        }

        /// <summary>Adds an outcome. Posting after <see cref="Complete"/> is a bug in the producer.</summary>
        public void Post(T item)
        {
            lock (_lock)
            {
                if (_completed) throw new InvalidOperationException("An outcome was posted after its batch completed.");
                _items.Enqueue(item);
            }
            Wake();
        }

        /// <summary>Says no more outcomes will come; waiting readers wake. Calling it twice is harmless.</summary>
        public void Complete()
        {
            lock (_lock)
            {
                if (_completed) return;
                _completed = true;
            }
            Wake();
        }

        public bool TryTake(out T item)
        {
            lock (_lock)
            {
                if (_items.Count > 0)
                {
                    item = _items.Dequeue();
                    return true;
                }
            }
            item = default!;
            return false;
        }

        /// <summary>
        /// Completes true when an outcome can be taken, false when the channel is complete and empty; the token ends
        /// the wait with <see cref="OperationCanceledException"/>. Never blocks a thread.
        /// </summary>
        public Task<bool> WaitToReadAsync(CancellationToken cancellationToken)
        {
            TaskCompletionSource<bool> reader;
            lock (_lock)
            {
                if (_items.Count > 0) return Task.FromResult(true);
                if (_completed) return Task.FromResult(false);
                // Continuations run elsewhere, never inline on the producer's thread while it holds its own locks.
                reader = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
                _readers.Add(reader);
            }
            if (!cancellationToken.CanBeCanceled) return reader.Task;
            return WithCancellation(reader, cancellationToken);
        }

        /// <summary>Takes the next outcome, waiting for it without blocking; null when the channel completed empty.</summary>
        public async Task<(bool Taken, T Item)> TakeAsync(CancellationToken cancellationToken)
        {
            while (await WaitToReadAsync(cancellationToken).ConfigureAwait(false))
            {
                if (TryTake(out var item)) return (true, item);
            }
            return (false, default!);
        }

        private async Task<bool> WithCancellation(TaskCompletionSource<bool> reader, CancellationToken cancellationToken)
        {
            using (cancellationToken.Register(() => reader.TrySetCanceled(cancellationToken)))
            {
                try
                {
                    return await reader.Task.ConfigureAwait(false);
                }
                finally
                {
                    lock (_lock) _readers.Remove(reader);
                }
            }
        }

        private void Wake()
        {
            TaskCompletionSource<bool>[] readers;
            bool any;
            lock (_lock)
            {
                readers = _readers.ToArray();
                _readers.Clear();
                any = _items.Count > 0;
            }
            foreach (var reader in readers) reader.TrySetResult(any);
            _wakeup?.Set();
        }
    }
}
