using System;
using System.Threading.Tasks;
using ShortApi.Vidu.Emulator;
using ShortApi.Vidu.Pipeline;
using ShortApi.Vidu.Transport;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Tests.Support
{
    /// <summary>Starts an emulator on free loopback ports and makes clients for it.</summary>
    internal static class Emulators
    {
        public static Task<EmulatorServer> StartAsync(Action<EmulatorOptions>? configure = null)
        {
            var options = new EmulatorOptions { JobDuration = TimeSpan.FromSeconds(1), RandomSeed = 7 };
            configure?.Invoke(options);
            return EmulatorServer.StartAsync(options);
        }

        public static ApiClient Client(this EmulatorServer emulator, int retries = 3, double timeoutSeconds = 10,
            Action<string>? log = null, RequestRateLimiter? limiter = null, string? key = null) =>
            new ApiClient(new ApiClientOptions(ApiEndpoint.Parse(emulator.BaseUri.AbsoluteUri, "test"), new ApiKey(key ?? emulator.ApiKey))
            {
                MaxRetries = retries,
                RetryInterval = TimeSpan.FromMilliseconds(20),
                MaxRetryInterval = TimeSpan.FromMilliseconds(200),
                RequestTimeout = TimeSpan.FromSeconds(timeoutSeconds),
                Log = log,
                QueryRateLimiter = limiter,
            });
    }
}
