using System;
using System.Linq;
using ShortApi.Vidu.Transport;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    public class RequestRateLimiterTests
    {
        private static Uri NewEndpoint() => new Uri("https://limiter-" + Guid.NewGuid().ToString("N") + ".example.com/");

        [Fact]
        public void A_commands_cap_holds_while_it_runs_and_is_gone_when_it_ends()
        {
            var limiter = RequestRateLimiter.ForEndpoint(NewEndpoint());
            Assert.Equal(RequestRateLimiter.DefaultRatePerSecond, limiter.RatePerSecond);
            using (limiter.ApplyCap(50))
            {
                Assert.Equal(50, limiter.RatePerSecond);
            }
            Assert.Equal(RequestRateLimiter.DefaultRatePerSecond, limiter.RatePerSecond);
        }

        [Fact]
        public void Two_commands_running_at_once_get_the_lower_of_their_caps()
        {
            var limiter = RequestRateLimiter.ForEndpoint(NewEndpoint());
            var wait = limiter.ApplyCap(50);
            var save = limiter.ApplyCap(5);
            Assert.Equal(5, limiter.RatePerSecond);
            save.Dispose();
            Assert.Equal(50, limiter.RatePerSecond);
            wait.Dispose();
            wait.Dispose(); // ending twice does not take a cap away from someone else
            Assert.Equal(RequestRateLimiter.DefaultRatePerSecond, limiter.RatePerSecond);
        }

        [Fact]
        public void Each_endpoint_has_its_own_limiter() =>
            Assert.NotSame(RequestRateLimiter.ForEndpoint(new Uri("https://a.example.com/")), RequestRateLimiter.ForEndpoint(new Uri("https://b.example.com/")));

        [Fact]
        public async System.Threading.Tasks.Task A_pause_after_a_429_holds_the_next_slot_back_and_spacing_resumes_after_it()
        {
            var clock = new ShortApi.Vidu.Tests.Support.StandingClock(DateTimeOffset.UtcNow);
            var waits = clock.Waits;
            var limiter = new RequestRateLimiter(10, clock);
            await limiter.WaitAsync(System.Threading.CancellationToken.None);
            limiter.PauseFor(TimeSpan.FromSeconds(5));
            await limiter.WaitAsync(System.Threading.CancellationToken.None);
            await limiter.WaitAsync(System.Threading.CancellationToken.None);
            Assert.Equal(new[] { 5000.0, 5000 + 1000 / 9.5 }, waits.Select(w => Math.Round(w.TotalMilliseconds, 1)).ToArray(), new RoundedComparer());
        }

        private sealed class RoundedComparer : System.Collections.Generic.IEqualityComparer<double>
        {
            public bool Equals(double x, double y) => Math.Abs(x - y) < 1;

            public int GetHashCode(double value) => 0;
        }
    }
}
