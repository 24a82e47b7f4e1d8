using System;
using System.IO;
using System.Threading.Tasks;
using ShortApi.Vidu;
using ShortApi.Vidu.Client;

namespace ShortApi.Vidu.Samples
{
    /// <summary>
    /// Turns one picture into a video with the public client: <c>ClientSample &lt;baseUri&gt; &lt;picture&gt; &lt;folder&gt;</c>, with the key in
    /// SHORTAPI_KEY. Prints one line per step; exits 0 when the video is saved, 1 with the error otherwise, 3 when the
    /// libraries it needs cannot be loaded (the net472 build, as the module's initializer would refuse the import).
    /// </summary>
    internal static class Program
    {
        private static int Main(string[] args)
        {
            if (args.Length < 3)
            {
                Console.Error.WriteLine("usage: ClientSample <baseUri> <picture> <folder> [historyPath]");
                return 2;
            }
#if NETFRAMEWORK
            // Laid out like the module (build.ps1 stages out/mono-check): the core beside this program, everything else
            // under dependencies/. Do what the module's initializer does on Windows PowerShell, with the same code
            // (DependencyFolder.cs is compiled in from src/ShortApi.Vidu), before the core's first JSON call.
            var here = Path.GetDirectoryName(typeof(Program).Assembly.Location) ?? ".";
            var dependencies = new ShortApi.Vidu.Commands.DependencyFolder(Path.Combine(here, "dependencies"));
            AppDomain.CurrentDomain.AssemblyResolve += dependencies.Resolve;
            var conflict = dependencies.CheckJson(CoreAssembly(), out var json);
            if (conflict != null)
            {
                Console.WriteLine($"refused: {conflict}");
                return 3;
            }
            Console.WriteLine($"json {json!.GetName().Version} {json.Location}");
#endif
            return RunAsync(args).GetAwaiter().GetResult();
        }

#if NETFRAMEWORK
        // As in the module's initializer: the core's types are first named after the resolver is in place.
        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
        private static System.Reflection.Assembly CoreAssembly() => typeof(ViduClient).Assembly;
#endif

        private static async Task<int> RunAsync(string[] args)
        {
            try
            {
                var options = new ViduClientOptions(Environment.GetEnvironmentVariable("SHORTAPI_KEY") ?? string.Empty)
                {
                    BaseUri = new Uri(args[0]),
                    PollInterval = TimeSpan.FromMilliseconds(200),
                    HistoryPath = args.Length > 3 ? args[3] : null,
                };
                var client = new ViduClient(options);
                var request = new VideoRequest(args[1], "slow dolly in") { Mode = "turbo", Duration = 4 };
                Console.WriteLine($"estimate {ViduClient.Estimate(request)}");
                var job = await client.CreateJobAsync(request);
                Console.WriteLine($"created {job.JobId} {job.Status} amount {job.Amount}");
                job = await client.WaitForCompletionAsync(job);
                Console.WriteLine($"finished {job.JobId} {job.Status}");
                var path = await client.DownloadVideoAsync(job, args[2]);
                Console.WriteLine($"saved {path}");
                return 0;
            }
            catch (ShortApiException ex)
            {
                Console.WriteLine($"failed {ex.Kind}: {ex.Message}");
                return 1;
            }
            catch (ArgumentException ex)
            {
                Console.WriteLine($"refused: {ex.Message}");
                return 1;
            }
        }
    }
}
