using System;
using System.Net.Http;
using ShortApi.Vidu.Transport;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Pipeline
{
    /// <summary>How an <see cref="ApiClient"/> reaches the service.</summary>
    internal sealed class ApiClientOptions
    {
        public ApiClientOptions(Uri baseUri, ApiKey apiKey)
        {
            BaseUri = baseUri ?? throw new ArgumentNullException(nameof(baseUri));
            ApiKey = apiKey ?? throw new ArgumentNullException(nameof(apiKey));
        }

        /// <summary>The API base URI, already checked by <see cref="ApiEndpoint"/>.</summary>
        public Uri BaseUri { get; }

        /// <summary>The key; sent only to <see cref="BaseUri"/>'s host.</summary>
        public ApiKey ApiKey { get; }

        public int MaxRetries { get; set; } = 5;

        public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

        public TimeSpan MaxRetryInterval { get; set; } = TimeSpan.FromSeconds(30);

        /// <summary>How long one try may take (for downloads: how long the server may stay silent).</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>Spaces out status queries; null for no cap.</summary>
        public RequestRateLimiter? QueryRateLimiter { get; set; }

        /// <summary>Receives one line per request and retry (for -Verbose); never sees the key or the proxy's password.</summary>
        public Action<string>? Log { get; set; }

        /// <summary>An explicit proxy; null for the platform's default (see <see cref="SharedHttpClient"/> for which applies).</summary>
        public ProxySettings? Proxy { get; set; }

        /// <summary>The HttpClient to use; null for the shared one for <see cref="Proxy"/> (a test may bring its own).</summary>
        public HttpClient? HttpClient { get; set; }

        /// <summary>The clock retries wait on; tests pass one they move by hand.</summary>
        public TimeProvider Clock { get; set; } = TimeProvider.System;

        /// <summary>Jitter source for retries; tests pass a fixed one.</summary>
        public Func<double>? Random { get; set; }
    }
}
