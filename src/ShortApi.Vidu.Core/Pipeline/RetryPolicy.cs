using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Transport;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Pipeline
{
    /// <summary>
    /// The front of the pipeline: sends a request again after a failure that <see cref="ResendRule"/> calls
    /// retriable, waiting with exponential backoff and jitter, honouring Retry-After, bounded by a count and by the
    /// caller's deadline. Every wait ends at once when the caller stops. The final error says, for a create that may
    /// have reached the service, that it may exist and was not resent.
    /// </summary>
    internal sealed class RetryPolicy : PipelinePolicy
    {
        private readonly Func<double> _random;
        private readonly Action<string>? _log;
        private readonly TimeProvider _clock;

        /// <param name="maxRetries">How many times a request may be sent again after the first try.</param>
        /// <param name="baseDelay">The first backoff delay; each later one doubles.</param>
        /// <param name="maxDelay">The longest backoff delay (a Retry-After may ask for longer, up to the deadline).</param>
        /// <param name="random">A source of numbers in [0, 1) for jitter; tests pass a fixed one.</param>
        /// <param name="log">Receives one line per retry (already masked upstream).</param>
        /// <param name="clock">Where the time and the waits come from; tests pass a clock they move by hand.</param>
        public RetryPolicy(int maxRetries = 5, TimeSpan? baseDelay = null, TimeSpan? maxDelay = null, Func<double>? random = null, Action<string>? log = null,
            TimeProvider? clock = null)
        {
            _clock = clock ?? TimeProvider.System;
            if (maxRetries < 0) throw new ArgumentOutOfRangeException(nameof(maxRetries));
            MaxRetries = maxRetries;
            BaseDelay = baseDelay ?? TimeSpan.FromSeconds(1);
            MaxDelay = maxDelay ?? TimeSpan.FromSeconds(30);
            _random = random ?? SharedRandom.NextDouble;
            _log = log;
        }

        public int MaxRetries { get; }

        public TimeSpan BaseDelay { get; }

        public TimeSpan MaxDelay { get; }

        /// <summary>The longest Retry-After honoured by waiting; a server asking for more is taken as a refusal for now.</summary>
        public static readonly TimeSpan MaxRetryAfter = TimeSpan.FromMinutes(10);

        public override async Task ProcessAsync(PipelineMessage message, PipelineNext next)
        {
            for (var attempt = 1; ; attempt++)
            {
                message.Attempt = attempt;
                ShortApiException failure;
                try
                {
                    message.BeginTry();
                    await next.InvokeAsync(message).ConfigureAwait(false);
                    return;
                }
                catch (ShortApiException ex)
                {
                    failure = ex;
                }
                failure.Attempts = attempt;
                TimeSpan? delay = ResendRule.IsRetriable(message.Kind, failure)
                    ? NextDelay(attempt, failure.RetryAfter, _clock.GetUtcNow(), message.Deadline)
                    : null;
                if (delay == null) throw ResendRule.Final(message.Kind, failure);
                _log?.Invoke($"{message.What}: {Sentences.End(failure.Message)} Retrying in {Seconds(delay.Value)} s (retry {attempt} of {MaxRetries}).");
                message.EndTry();
                await _clock.Delay(delay.Value, message.StopToken).ConfigureAwait(false);
            }
        }

        /// <summary>
        /// The delay before retry number <paramref name="retry"/> (1 for the first), or null when no retry should happen:
        /// the count is spent, waiting would pass <paramref name="deadline"/>, or the server asked for a wait longer than
        /// <see cref="MaxRetryAfter"/>.
        /// </summary>
        public TimeSpan? NextDelay(int retry, TimeSpan? retryAfter, DateTimeOffset now, DateTimeOffset? deadline)
        {
            if (retry > MaxRetries) return null;
            if (retryAfter > MaxRetryAfter) return null; // asked to come back much later: give up now, and say why
            TimeSpan delay;
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

        private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
    }
}
