using System;
using System.Threading.Tasks;
using ShortApi.Vidu.Transport;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Pipeline
{
    /// <summary>Spaces status queries through the endpoint's limiter, and pauses every query after a 429 for as long as the server asked.</summary>
    internal sealed class QueryRateLimitPolicy : PipelinePolicy
    {
        private readonly RequestRateLimiter _limiter;

        public QueryRateLimitPolicy(RequestRateLimiter limiter)
        {
            _limiter = limiter;
        }

        public override async Task ProcessAsync(PipelineMessage message, PipelineNext next)
        {
            if (message.Kind != RequestKind.Query)
            {
                await next.InvokeAsync(message).ConfigureAwait(false);
                return;
            }
            await _limiter.WaitAsync(message.StopToken).ConfigureAwait(false);
            try
            {
                await next.InvokeAsync(message).ConfigureAwait(false);
            }
            catch (ShortApiException ex) when (ex.EffectiveStatus == 429 && ex.RetryAfter is TimeSpan pause)
            {
                _limiter.PauseFor(pause);
                throw;
            }
        }
    }
}
