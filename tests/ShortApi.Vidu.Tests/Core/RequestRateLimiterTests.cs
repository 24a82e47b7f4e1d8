using System;
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
    }
}
