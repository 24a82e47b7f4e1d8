using System;
using System.Threading.Tasks;
using ShortApi.Vidu;
using ShortApi.Vidu.Client;

namespace ShortApi.Vidu.Samples
{
    /// <summary>
    /// Turns one picture into a video with the public client: <c>ClientSample &lt;baseUri&gt; &lt;picture&gt; &lt;folder&gt;</c>, with the key in
    /// SHORTAPI_KEY. Prints one line per step; exits 0 when the video is saved, 1 with the error otherwise.
    /// </summary>
    internal static class Program
    {
        private static async Task<int> Main(string[] args)
        {
            if (args.Length < 3)
            {
                Console.Error.WriteLine("usage: ClientSample <baseUri> <picture> <folder> [historyPath]");
                return 2;
            }
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
