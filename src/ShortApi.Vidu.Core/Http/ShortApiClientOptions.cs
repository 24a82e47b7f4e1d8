using System;
using System.Net.Http;

namespace ShortApi.Vidu.Http
{
    /// <summary>How a <see cref="ShortApiClient"/> reaches the service.</summary>
    public sealed class ShortApiClientOptions
    {
        /// <summary>Creates options for an endpoint and key.</summary>
        public ShortApiClientOptions(Uri baseUri, ApiKey apiKey)
        {
            BaseUri = baseUri ?? throw new ArgumentNullException(nameof(baseUri));
            ApiKey = apiKey ?? throw new ArgumentNullException(nameof(apiKey));
        }

        /// <summary>The API base URI, already checked by <see cref="ApiEndpoint"/>.</summary>
        public Uri BaseUri { get; }

        /// <summary>The key; sent only to <see cref="BaseUri"/>.</summary>
        public ApiKey ApiKey { get; }

        /// <summary>When and how often failed requests are sent again.</summary>
        public RetryPolicy RetryPolicy { get; set; } = new RetryPolicy();

        /// <summary>How long one request may take before it counts as timed out.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>Spaces out status queries; null for no cap.</summary>
        public RequestRateLimiter? QueryRateLimiter { get; set; }

        /// <summary>Receives one line per request and retry (for -Verbose); never sees the key.</summary>
        public Action<string>? Log { get; set; }

        /// <summary>The HttpClient to use; the shared one unless a test brings its own.</summary>
        public HttpClient HttpClient { get; set; } = SharedHttpClient.Instance;
    }
}
