using System;
using System.Net.Http;
using ShortApi.Vidu.Pipeline;
using ShortApi.Vidu.Wire;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>The money rule and the retry rule as pure decisions, and the backoff arithmetic.</summary>
    public class RetryPolicyTests
    {
        private static ShortApiException Page(int status) => ResponseParser.FromHttpStatus(status, "<html>upstream connect error</html>", null, null);

        private static ShortApiException Envelope(int status) => ResponseParser.FromHttpStatus(status, $"{{\"code\":{status},\"msg\":\"busy\"}}", null, null);

        [Theory]
        [InlineData(500)]
        [InlineData(502)]
        [InlineData(503)]
        [InlineData(504)]
        public void A_bare_5xx_page_after_a_create_left_may_have_made_the_job_and_is_never_resent(int status)
        {
            var failure = Page(status);
            Assert.False(failure.CertainlyNotActed);
            Assert.False(ResendRule.IsRetriable(RequestKind.Create, failure));
            Assert.True(ResendRule.MayHaveCreated(failure));
        }

        [Theory]
        [InlineData(429, true)]
        [InlineData(500, true)]
        [InlineData(503, true)]
        [InlineData(400, false)]
        [InlineData(401, false)]
        [InlineData(402, false)]
        public void A_refusal_in_the_services_own_envelope_is_certain_and_resent_only_when_busy(int status, bool resent)
        {
            var failure = Envelope(status);
            Assert.True(failure.ServiceRefused);
            Assert.True(failure.CertainlyNotActed);
            Assert.Equal(resent, ResendRule.IsRetriable(RequestKind.Create, failure));
        }

        [Fact]
        public void A_bare_429_is_a_refusal_that_is_resent() =>
            Assert.True(ResendRule.IsRetriable(RequestKind.Create, Page(429)));

        [Fact]
        public void The_upstream_busy_code_on_a_200_is_resent()
        {
            var failure = ResponseParser.FromHttpStatus(200, "{\"code\":3000,\"msg\":\"upstream temporarily unavailable\"}", null, null);
            Assert.True(ResendRule.IsRetriable(RequestKind.Create, failure));
        }

        [Theory]
        [InlineData(429, true)]
        [InlineData(500, true)]
        [InlineData(502, true)]
        [InlineData(503, true)]
        [InlineData(504, true)]
        [InlineData(404, false)]
        [InlineData(401, false)]
        public void Query_is_retried_on_rate_limits_and_server_errors(int status, bool retried) =>
            Assert.Equal(retried, ResendRule.IsRetriable(RequestKind.Query, Page(status)));

        [Fact]
        public void A_create_that_timed_out_after_its_body_left_is_not_resent_but_one_whose_body_never_left_is()
        {
            var afterBody = new ShortApiException(ShortApiErrorKind.Timeout, "slow");
            var beforeBody = new ShortApiException(ShortApiErrorKind.Timeout, "slow") { RequestIncomplete = true };
            Assert.False(ResendRule.IsRetriable(RequestKind.Create, afterBody));
            Assert.True(ResendRule.MayHaveCreated(afterBody));
            Assert.True(ResendRule.IsRetriable(RequestKind.Create, beforeBody));
            Assert.False(ResendRule.MayHaveCreated(beforeBody));
            Assert.True(ResendRule.IsRetriable(RequestKind.Query, afterBody));
        }

        [Fact]
        public void Create_is_retried_when_the_connection_never_opened()
        {
            var refused = new ShortApiException(ShortApiErrorKind.ConnectionFailed, "refused") { ConnectionNeverOpened = true };
            var dropped = new ShortApiException(ShortApiErrorKind.ConnectionFailed, "reset");
            Assert.True(ResendRule.IsRetriable(RequestKind.Create, refused));
            Assert.False(ResendRule.IsRetriable(RequestKind.Create, dropped));
        }

        [Fact]
        public void A_picture_that_changed_is_neither_resent_nor_possibly_charged()
        {
            var changed = new ShortApiException(ShortApiErrorKind.ImageChanged, "changed") { RequestIncomplete = true };
            Assert.False(ResendRule.IsRetriable(RequestKind.Create, changed));
            Assert.False(ResendRule.MayHaveCreated(changed));
        }

        [Fact]
        public void A_local_save_failure_is_not_retried_as_a_network_error() =>
            Assert.False(ResendRule.IsRetriable(RequestKind.Download, new ShortApiException(ShortApiErrorKind.SaveFailed, "disk full")));

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
        public void A_retry_after_longer_than_ten_minutes_is_not_waited_for() =>
            Assert.Null(new RetryPolicy(5).NextDelay(1, TimeSpan.FromDays(30), DateTimeOffset.UtcNow, null));

        [Fact]
        public void Retry_after_is_read_as_seconds_or_an_http_date()
        {
            var now = new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero);
            Assert.Equal(TimeSpan.FromSeconds(12), RetryAfterHeader.Read(Answer("12"), now));
            Assert.Equal(TimeSpan.FromSeconds(30), RetryAfterHeader.Read(Answer("Wed, 25 Nov 2026 08:00:30 GMT"), now));
            Assert.Equal(TimeSpan.Zero, RetryAfterHeader.Read(Answer("Wed, 25 Nov 2026 07:00:00 GMT"), now));
            Assert.Null(RetryAfterHeader.Read(Answer(null), now));
        }

        private static HttpResponseMessage Answer(string? retryAfter)
        {
            var response = new HttpResponseMessage((System.Net.HttpStatusCode)429);
            if (retryAfter != null) response.Headers.TryAddWithoutValidation("Retry-After", retryAfter);
            return response;
        }
    }
}
