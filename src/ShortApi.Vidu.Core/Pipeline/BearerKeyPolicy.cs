using System;
using System.Net.Http.Headers;
using System.Threading.Tasks;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Pipeline
{
    /// <summary>
    /// Puts the key on requests to the API host and nowhere else: result files live on a CDN, and a request that is
    /// not for the API's own scheme, host and port (a redirect, a result URL) never carries it.
    /// </summary>
    internal sealed class BearerKeyPolicy : PipelinePolicy
    {
        private readonly ApiKey _key;
        private readonly Uri _apiBase;

        public BearerKeyPolicy(ApiKey key, Uri apiBase)
        {
            _key = key;
            _apiBase = apiBase;
        }

        public override Task ProcessAsync(PipelineMessage message, PipelineNext next)
        {
            var request = message.Request!;
            if (message.CarriesKey && IsApiHost(request.RequestUri))
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _key.Value);
            return next.InvokeAsync(message);
        }

        internal bool IsApiHost(Uri? uri) =>
            uri != null && uri.IsAbsoluteUri &&
            string.Equals(uri.Scheme, _apiBase.Scheme, StringComparison.OrdinalIgnoreCase) &&
            string.Equals(uri.Host, _apiBase.Host, StringComparison.OrdinalIgnoreCase) &&
            uri.Port == _apiBase.Port;
    }
}
