using System;
using ShortApi.Vidu.Wire;
using ShortApi.Vidu.Pipeline;
using ShortApi.Vidu.Transport;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    public class RequestRateLimiterTests
    {
        [Fact]
        public void A_command_that_names_no_cap_leaves_the_shared_cap_alone()
        {
            var endpoint = new Uri("https://limiter-" + Guid.NewGuid().ToString("N") + ".example.com/");
            Assert.Equal(RequestRateLimiter.DefaultRatePerSecond, RequestRateLimiter.ForEndpoint(endpoint, null).RatePerSecond);
            RequestRateLimiter.ForEndpoint(endpoint, 50);
            var later = RequestRateLimiter.ForEndpoint(endpoint, null);
            Assert.Equal(50, later.RatePerSecond);
            Assert.Same(later, RequestRateLimiter.ForEndpoint(endpoint, 20));
            Assert.Equal(20, later.RatePerSecond);
        }

        [Fact]
        public void Each_endpoint_has_its_own_limiter() =>
            Assert.NotSame(RequestRateLimiter.ForEndpoint(new Uri("https://a.example.com/"), null), RequestRateLimiter.ForEndpoint(new Uri("https://b.example.com/"), null));
    }
}
