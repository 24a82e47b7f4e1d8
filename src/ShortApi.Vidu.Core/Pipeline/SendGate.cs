using System.Threading;

namespace ShortApi.Vidu.Pipeline
{
    /// <summary>
    /// Admits requests onto the wire until it is closed. Closing takes the same lock as entering, so once
    /// <see cref="Close"/> has returned no request can still start: nothing is sent after the user stopped a command.
    /// </summary>
    internal sealed class SendGate
    {
        private readonly object _lock = new object();
        private bool _closed;
        private int _onWire;

        /// <summary>Requests admitted and not yet finished.</summary>
        public int OnWire => Volatile.Read(ref _onWire);

        public bool IsClosed
        {
            get { lock (_lock) return _closed; }
        }

        /// <summary>Admits one try, or returns false when the gate is closed.</summary>
        public bool TryEnter()
        {
            lock (_lock)
            {
                if (_closed) return false;
                _onWire++;
                return true;
            }
        }

        public void Leave() => Interlocked.Decrement(ref _onWire);

        public void Close()
        {
            lock (_lock) _closed = true;
        }
    }
}
