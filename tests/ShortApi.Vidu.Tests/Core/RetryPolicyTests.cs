using System;
using ShortApi.Vidu.Wire;
using ShortApi.Vidu.Pipeline;
using ShortApi.Vidu.Transport;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    public class RetryPolicyTests
    {
        private static ShortApiException Http(int status) => new ShortApiException(ShortApiErrorKind.ServiceError, "x", status);

        [Theory]
        [InlineData(429, true)]
        [InlineData(503, true)]
        [InlineData(500, false)]
        [InlineData(502, false)]
        [InlineData(504, false)]
        [InlineData(400, false)]
        [InlineData(401, false)]
        public void Create_is_retried_only_when_the_server_certainly_refused(int status, bool retried) =>
            Assert.Equal(retried, RetryPolicy.IsRetriable(RequestKind.Create, Http(status)));

        [Theory]
        [InlineData(429, true)]
        [InlineData(500, true)]
        [InlineData(502, true)]
        [InlineData(503, true)]
        [InlineData(504, true)]
        [InlineData(404, false)]
        [InlineData(401, false)]
        public void Query_is_retried_on_rate_limits_and_server_errors(int status, bool retried) =>
            Assert.Equal(retried, RetryPolicy.IsRetriable(RequestKind.Query, Http(status)));

        [Fact]
        public void Create_after_a_timeout_is_not_retried_but_a_query_is()
        {
            var timeout = new ShortApiException(ShortApiErrorKind.Timeout, "slow");
            Assert.False(RetryPolicy.IsRetriable(RequestKind.Create, timeout));
            Assert.True(RetryPolicy.IsRetriable(RequestKind.Query, timeout));
            Assert.True(RetryPolicy.IsRetriable(RequestKind.Download, timeout));
        }

        [Fact]
        public void Create_is_retried_when_the_connection_never_opened()
        {
            var refused = new ShortApiException(ShortApiErrorKind.ConnectionFailed, "refused") { ConnectionNeverOpened = true };
            var dropped = new ShortApiException(ShortApiErrorKind.ConnectionFailed, "reset");
            Assert.True(RetryPolicy.IsRetriable(RequestKind.Create, refused));
            Assert.False(RetryPolicy.IsRetriable(RequestKind.Create, dropped));
        }

        [Fact]
        public void A_json_code_of_429_on_a_200_counts_as_a_refusal()
        {
            var limited = new ShortApiException(ShortApiErrorKind.RateLimited, "x", 200, "429");
            Assert.True(RetryPolicy.IsRetriable(RequestKind.Create, limited));
        }

        [Fact]
        public void Backoff_doubles_with_jitter_between_half_and_full()
        {
            var low = new RetryPolicy(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), () => 0.0);
            var high = new RetryPolicy(5, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30), () => 0.999999);
            var now = DateTimeOffset.UtcNow;
            for (var retry = 1; retry <= 5; retry++)
            {
                var full = Math.Min(30, Math.Pow(2, retry - 1));
                Assert.Equal(full / 2, low.NextDelay(retry, null, now, null)!.Value.TotalSeconds, 3);
                Assert.Equal(full, high.NextDelay(retry, null, now, null)!.Value.TotalSeconds, 2);
            }
        }

        [Fact]
        public void Backoff_is_capped()
        {
            var policy = new RetryPolicy(20, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), () => 0.999999);
            Assert.True(policy.NextDelay(10, null, DateTimeOffset.UtcNow, null)!.Value <= TimeSpan.FromSeconds(8));
        }

        [Fact]
        public void Retry_after_wins_over_backoff()
        {
            var policy = new RetryPolicy(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(1), () => 0.0);
            Assert.Equal(TimeSpan.FromSeconds(7), policy.NextDelay(1, TimeSpan.FromSeconds(7), DateTimeOffset.UtcNow, null));
        }

        [Fact]
        public void No_retry_once_the_count_is_spent()
        {
            var policy = new RetryPolicy(2);
            Assert.NotNull(policy.NextDelay(2, null, DateTimeOffset.UtcNow, null));
            Assert.Null(policy.NextDelay(3, null, DateTimeOffset.UtcNow, null));
        }

        [Fact]
        public void No_retry_that_would_pass_the_callers_deadline()
        {
            var policy = new RetryPolicy(5, TimeSpan.FromSeconds(1), null, () => 0.0);
            var now = DateTimeOffset.UtcNow;
            Assert.Null(policy.NextDelay(1, TimeSpan.FromSeconds(10), now, now.AddSeconds(5)));
            Assert.NotNull(policy.NextDelay(1, TimeSpan.FromSeconds(2), now, now.AddSeconds(5)));
        }

        [Fact]
        public void Retry_after_is_read_as_seconds_or_an_http_date()
        {
            var now = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
            Assert.Equal(TimeSpan.FromSeconds(12), RetryPolicy.ParseRetryAfter("12", now));
            Assert.Equal(TimeSpan.FromSeconds(30), RetryPolicy.ParseRetryAfter("Wed, 25 Nov 2026 08:00:30 GMT", now));
            Assert.Equal(TimeSpan.Zero, RetryPolicy.ParseRetryAfter("Wed, 25 Nov 2026 07:00:00 GMT", now));
            Assert.Null(RetryPolicy.ParseRetryAfter("soon", now));
        }
    }
}
