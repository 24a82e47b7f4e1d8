using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace ShortApi.Vidu.Transport
{
    /// <summary>
    /// Spaces requests to at most <see cref="RatePerSecond"/> per second (no bursts), and pauses everyone
    /// after a 429 for as long as the server asked. One instance per endpoint per process, so two cmdlets
    /// polling at once share the cap instead of doubling it.
    /// </summary>
    internal sealed class RequestRateLimiter
    {
        private static readonly ConcurrentDictionary<string, RequestRateLimiter> PerEndpoint =
            new ConcurrentDictionary<string, RequestRateLimiter>(StringComparer.OrdinalIgnoreCase);

        private readonly object _gate = new object();
        private readonly System.Collections.Generic.List<double> _commandCaps = new System.Collections.Generic.List<double>();
        private readonly double _baseRate;
        private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;
        private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

        private readonly TimeProvider _clock;

        /// <summary>Creates a limiter on the system clock.</summary>
        public RequestRateLimiter(double ratePerSecond) : this(ratePerSecond, null)
        {
        }

        /// <summary>Creates a limiter on a given clock (tests pin the spacing on a clock that does not move by itself).</summary>
        internal RequestRateLimiter(double ratePerSecond, TimeProvider? clock)
        {
            Check(ratePerSecond);
            _baseRate = ratePerSecond;
            _clock = clock ?? TimeProvider.System;
        }

        /// <summary>The cap a shared limiter has when no command names one.</summary>
        public const double DefaultRatePerSecond = 10;

        /// <summary>The shared limiter for an endpoint (two commands polling at once share it rather than doubling the rate).</summary>
        public static RequestRateLimiter ForEndpoint(Uri baseUri) =>
            PerEndpoint.GetOrAdd(baseUri.AbsoluteUri, _ => new RequestRateLimiter(DefaultRatePerSecond));

        /// <summary>
        /// The cap in force: the lowest cap a running command asked for, else the limiter's own. A command's cap lasts
        /// only as long as the command (see <see cref="ApplyCap"/>), so one -MaxQueryRate never outlives its command.
        /// </summary>
        public double RatePerSecond
        {
            get
            {
                lock (_gate) return _commandCaps.Count > 0 ? Min(_commandCaps) : _baseRate;
            }
        }

        /// <summary>Puts a command's cap in force until the returned scope is disposed.</summary>
        public IDisposable ApplyCap(double ratePerSecond)
        {
            Check(ratePerSecond);
            lock (_gate) _commandCaps.Add(ratePerSecond);
            return new CapScope(this, ratePerSecond);
        }

        private void RemoveCap(double ratePerSecond)
        {
            lock (_gate) _commandCaps.Remove(ratePerSecond);
        }

        private static double Min(System.Collections.Generic.List<double> caps)
        {
            var min = double.MaxValue;
            foreach (var cap in caps) if (cap < min) min = cap;
            return min;
        }

        private static void Check(double rate)
        {
            if (rate <= 0 || double.IsNaN(rate)) throw new ArgumentOutOfRangeException(nameof(rate), "The rate must be above zero.");
        }

        private sealed class CapScope : IDisposable
        {
            private RequestRateLimiter? _limiter;
            private readonly double _rate;

            public CapScope(RequestRateLimiter limiter, double rate)
            {
                _limiter = limiter;
                _rate = rate;
            }

            public void Dispose()
            {
                Interlocked.Exchange(ref _limiter, null)?.RemoveCap(_rate);
            }
        }

        /// <summary>Holds every request back for <paramref name="pause"/> from now on the limiter's clock (after a 429 with Retry-After).</summary>
        public void PauseFor(TimeSpan pause)
        {
            var until = _clock.GetUtcNow() + pause;
            lock (_gate)
            {
                if (until > _pausedUntil) _pausedUntil = until;
            }
        }

        /// <summary>Waits for this caller's slot.</summary>
        public async Task WaitAsync(CancellationToken cancellationToken)
        {
            DateTimeOffset slot;
            lock (_gate)
            {
                var now = _clock.GetUtcNow();
                slot = Max(now, Max(_nextSlot, _pausedUntil));
                // 5 % under the cap, so network jitter that bunches two requests together cannot push the
                // server's count for any one-second window over it.
                var rate = _commandCaps.Count > 0 ? Min(_commandCaps) : _baseRate;
                _nextSlot = slot + TimeSpan.FromSeconds(1.0 / (rate * 0.95));
            }
            var wait = slot - _clock.GetUtcNow();
            if (wait > TimeSpan.Zero) await _clock.Delay(wait, cancellationToken).ConfigureAwait(false);
        }

        private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    }
}
