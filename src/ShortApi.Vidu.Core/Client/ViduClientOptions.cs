using System;
using System.Net;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Client
{
    /// <summary>How a <see cref="ViduClient"/> reaches the service. The key is kept out of every public property.</summary>
    public sealed class ViduClientOptions
    {
        /// <summary>Options for a key (from your ShortAPI dashboard); throws <see cref="ArgumentException"/> for a key that cannot be sent.</summary>
        public ViduClientOptions(string apiKey)
        {
            Key = new ApiKey(apiKey, "the ViduClientOptions key");
        }

        internal ApiKey Key { get; }

        /// <summary>The API address: https, or plain http to a loopback address (the emulator). Default https://api.shortapi.ai.</summary>
        public Uri BaseUri { get; set; } = new Uri(ApiEndpoint.DefaultBaseUri);

        /// <summary>How long one request may take (for downloads: how long the server may stay silent). Default 100 s.</summary>
        public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);

        /// <summary>How many times a failed request is sent again (a create only when the service certainly did not act). Default 5.</summary>
        public int MaxRetries { get; set; } = 5;

        /// <summary>The first retry delay; later ones double, with jitter. Default 1 s.</summary>
        public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

        /// <summary>Time between two status queries of one job while waiting. Default 5 s.</summary>
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>A job history file to record every create and save in (the module's format), or null for none.</summary>
        public string? HistoryPath { get; set; }

        /// <summary>
        /// The proxy for every request (API calls and result downloads), for example
        /// <c>new WebProxy(new Uri("http://proxy:8080")) { Credentials = new NetworkCredential(user, password) }</c>. Null
        /// (the default) uses the platform's: <c>HttpClient.DefaultProxy</c> on .NET (HTTPS_PROXY, HTTP_PROXY, NO_PROXY,
        /// else the system setting), the Internet Options proxy on .NET Framework. The key still goes only to the API
        /// host. One HttpClient is kept per proxy object for the life of the process, so reuse one object; a
        /// <see cref="NetworkCredential"/> password in <see cref="IWebProxy.Credentials"/> is masked in <see cref="Log"/>.
        /// </summary>
        public IWebProxy? Proxy { get; set; }

        /// <summary>Receives one line per request and retry; never the key.</summary>
        public Action<string>? Log { get; set; }
    }
}
