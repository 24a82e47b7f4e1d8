using System;
using System.Net.Http;

namespace ShortApi.Vidu.Pipeline
{
    /// <summary>The one reader of Retry-After: seconds or an HTTP date, never negative.</summary>
    internal static class RetryAfterHeader
    {
        public static TimeSpan? Read(HttpResponseMessage? response) => Read(response, DateTimeOffset.UtcNow);

        public static TimeSpan? Read(HttpResponseMessage? response, DateTimeOffset now)
        {
            var header = response?.Headers.RetryAfter;
            if (header == null) return null;
            if (header.Delta is TimeSpan delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
            if (header.Date is DateTimeOffset date)
            {
                var wait = date - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
            return null;
        }
    }
}
