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
        private double _ratePerSecond;
        private DateTimeOffset _nextSlot = DateTimeOffset.MinValue;
        private DateTimeOffset _pausedUntil = DateTimeOffset.MinValue;

        /// <summary>Creates a limiter.</summary>
        public RequestRateLimiter(double ratePerSecond)
        {
            RatePerSecond = ratePerSecond;
        }

        /// <summary>The cap a shared limiter starts with.</summary>
        public const double DefaultRatePerSecond = 10;

        /// <summary>
        /// The shared limiter for an endpoint. A rate given sets its cap; without one the cap stays as it is
        /// (<see cref="DefaultRatePerSecond"/> for a new limiter), so a command that names no cap leaves another's alone.
        /// </summary>
        public static RequestRateLimiter ForEndpoint(Uri baseUri, double? ratePerSecond)
        {
            var limiter = PerEndpoint.GetOrAdd(baseUri.AbsoluteUri, _ => new RequestRateLimiter(ratePerSecond ?? DefaultRatePerSecond));
            if (ratePerSecond is double rate) limiter.RatePerSecond = rate;
            return limiter;
        }

        /// <summary>The cap; setting it takes effect for the next request.</summary>
        public double RatePerSecond
        {
            get { lock (_gate) return _ratePerSecond; }
            set
            {
                if (value <= 0 || double.IsNaN(value)) throw new ArgumentOutOfRangeException(nameof(value), "The rate must be above zero.");
                lock (_gate) _ratePerSecond = value;
            }
        }

        /// <summary>Holds every request back until <paramref name="until"/> (after a 429 with Retry-After).</summary>
        public void PauseUntil(DateTimeOffset until)
        {
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
                var now = DateTimeOffset.UtcNow;
                slot = Max(now, Max(_nextSlot, _pausedUntil));
                // 5 % under the cap, so network jitter that bunches two requests together cannot push the
                // server's count for any one-second window over it.
                _nextSlot = slot + TimeSpan.FromSeconds(1.0 / (_ratePerSecond * 0.95));
            }
            var wait = slot - DateTimeOffset.UtcNow;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
        }

        private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
    }
}
