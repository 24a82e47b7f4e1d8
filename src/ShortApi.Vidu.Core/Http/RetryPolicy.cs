using System;

namespace ShortApi.Vidu.Http
{
    /// <summary>
    /// Decides whether a failed request is sent again and after how long: exponential backoff with jitter,
    /// honouring Retry-After, bounded by a count and by the caller's deadline. Never resends a create that
    /// the server may have acted on (only 429, 503 or a connection that never opened are safe).
    /// </summary>
    public sealed class RetryPolicy
    {
        private readonly Func<double> _random;

        /// <summary>Creates a policy.</summary>
        /// <param name="maxRetries">How many times a request may be sent again after the first try.</param>
        /// <param name="baseDelay">The first backoff delay; each later one doubles.</param>
        /// <param name="maxDelay">The longest backoff delay (a Retry-After may ask for longer, up to the deadline).</param>
        /// <param name="random">A source of numbers in [0, 1) for jitter; tests pass a fixed one.</param>
        public RetryPolicy(int maxRetries = 5, TimeSpan? baseDelay = null, TimeSpan? maxDelay = null, Func<double>? random = null)
        {
            if (maxRetries < 0) throw new ArgumentOutOfRangeException(nameof(maxRetries));
            MaxRetries = maxRetries;
            BaseDelay = baseDelay ?? TimeSpan.FromSeconds(1);
            MaxDelay = maxDelay ?? TimeSpan.FromSeconds(30);
            _random = random ?? SharedRandom.NextDouble;
        }

        /// <summary>How many times a request may be sent again.</summary>
        public int MaxRetries { get; }

        /// <summary>The first backoff delay.</summary>
        public TimeSpan BaseDelay { get; }

        /// <summary>The longest backoff delay.</summary>
        public TimeSpan MaxDelay { get; }

        /// <summary>The longest Retry-After honoured by waiting; a server asking for more is taken as a refusal for now.</summary>
        public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(10);

        /// <summary>A policy that never retries.</summary>
        public static RetryPolicy None { get; } = new RetryPolicy(0);

        /// <summary>
        /// Whether a request of this kind that failed this way may be sent again. For a create only a refusal
        /// that proves the server did nothing counts: HTTP 429, HTTP 503, or a connection that never opened.
        /// </summary>
        public static bool IsRetriable(RequestKind kind, ShortApiException failure)
        {
            if (failure.ConnectionNeverOpened) return true;
            var status = failure.EffectiveStatus;
            if (status == 429 || status == 503) return true;
            if (kind == RequestKind.Create) return false;
            if (status >= 500 && status <= 599) return true;
            if (status == 408) return true;
            return failure.Kind == ShortApiErrorKind.Timeout ||
                   failure.Kind == ShortApiErrorKind.ConnectionFailed ||
                   failure.Kind == ShortApiErrorKind.InvalidResponse;
        }

        /// <summary>
        /// The delay before retry number <paramref name="retry"/> (1 for the first), or null when no retry
        /// should happen: the count is spent, waiting would pass <paramref name="deadline"/>, or the server asked
        /// for a wait longer than <see cref="MaxRetryAfter"/>.
        /// </summary>
        public TimeSpan? NextDelay(int retry, TimeSpan? retryAfter, DateTimeOffset now, DateTimeOffset? deadline)
        {
            if (retry > MaxRetries) return null;
            TimeSpan delay;
            if (retryAfter > MaxRetryAfter) return null; // asked to come back much later: give up now, and say why
            if (retryAfter is TimeSpan asked && asked > TimeSpan.Zero)
            {
                // The server said when; add a little jitter so a crowd of clients does not return at one instant.
                delay = asked + TimeSpan.FromMilliseconds(asked.TotalMilliseconds * 0.1 * _random());
            }
            else
            {
                var exponential = BaseDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry - 1, 30));
                var capped = Math.Min(exponential, MaxDelay.TotalMilliseconds);
                // "Equal jitter": half fixed, half random, so delays stay spread but never collapse to zero.
                delay = TimeSpan.FromMilliseconds(capped / 2 + capped / 2 * _random());
            }
            if (deadline is DateTimeOffset end && now + delay > end) return null;
            return delay;
        }

        /// <summary>Reads a Retry-After value: delta seconds or an HTTP date.</summary>
        public static TimeSpan? ParseRetryAfter(string? header, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(header)) return null;
            var text = header!.Trim();
            if (int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var seconds))
                return TimeSpan.FromSeconds(seconds);
            if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture,
                    System.Globalization.DateTimeStyles.AssumeUniversal, out var date))
            {
                var wait = date - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
            return null;
        }
    }
}
