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
        public static Task<EmulatorServer> StartAsync(Action<EmulatorOptions>? configure = null) =>
            StartAsync(TimeProvider.System, configure);

        /// <summary>An emulator on <paramref name="clock"/> (a FakeTimeProvider): its jobs advance and its waits end only when the test moves the clock.</summary>
        public static Task<EmulatorServer> StartAsync(TimeProvider clock, Action<EmulatorOptions>? configure = null)
        {
            var options = new EmulatorOptions { JobDuration = TimeSpan.FromSeconds(1), RandomSeed = 7 };
            configure?.Invoke(options);
            return EmulatorServer.StartAsync(options, clock);
        }

        public static ApiClient Client(this EmulatorServer emulator, int retries = 3, double timeoutSeconds = 10,
            Action<string>? log = null, RequestRateLimiter? limiter = null, string? key = null, TimeProvider? clock = null, Func<double>? random = null) =>
            new ApiClient(new ApiClientOptions(ApiEndpoint.Parse(emulator.BaseUri.AbsoluteUri, "test"), new ApiKey(key ?? emulator.ApiKey))
            {
                MaxRetries = retries,
                RetryInterval = TimeSpan.FromMilliseconds(20),
                MaxRetryInterval = TimeSpan.FromMilliseconds(200),
                RequestTimeout = TimeSpan.FromSeconds(timeoutSeconds),
                Log = log,
                QueryRateLimiter = limiter,
                Clock = clock ?? TimeProvider.System,
                Random = random,
            });
    }
}
