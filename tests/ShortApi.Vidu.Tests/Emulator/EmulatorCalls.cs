using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Emulator;

namespace ShortApi.Vidu.Tests.Emulator
{
    /// <summary>Plain HTTP calls to an emulator, so these tests see the wire itself and not the module's reading of it.</summary>
    internal static class EmulatorCalls
    {
        /// <summary>pro, 720p, 5 s by default: 0.275 USD.</summary>
        public const string ValidBody = "{\"model\":\"vidu/vidu-q2/image-to-video\",\"args\":{\"prompt\":\"x\",\"image\":\"https://a/b.png\"}}";

        public const decimal ValidBodyPrice = 0.275m;

        // No connection reuse surprises: every test gets the same plain client, as a script would use.
        public static readonly HttpClient WireClient = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        public static Task<HttpResponseMessage> CreateAsync(EmulatorServer emulator, string body = ValidBody, CancellationToken cancellationToken = default) =>
            WireClient.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(emulator.BaseUri, "/api/v1/job/create"))
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiKey) },
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            }, cancellationToken);

        public static Task<HttpResponseMessage> QueryAsync(EmulatorServer emulator, string jobId) =>
            WireClient.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseUri, "/api/v1/job/query?id=" + jobId))
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiKey) },
            });

        public static Task<HttpResponseMessage> DownloadAsync(EmulatorServer emulator, string jobId) =>
            WireClient.GetAsync(new Uri(emulator.CdnUri, "/files/" + jobId + ".mp4"));

        /// <summary>Creates a job with no fault queued and returns its id.</summary>
        public static async Task<string> CreateJobAsync(EmulatorServer emulator, string body = ValidBody)
        {
            using var response = await CreateAsync(emulator, body);
            response.EnsureSuccessStatusCode();
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return json.RootElement.GetProperty("data").GetProperty("job_id").GetString()!;
        }

        public static async Task<JsonDocument> JsonOfAsync(HttpResponseMessage response) =>
            JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        public static async Task<JsonDocument> GetJsonAsync(EmulatorServer emulator, string pathAndQuery)
        {
            using var response = await WireClient.GetAsync(new Uri(emulator.BaseUri, pathAndQuery));
            response.EnsureSuccessStatusCode();
            return await JsonOfAsync(response);
        }

        public static async Task<HttpResponseMessage> PostJsonAsync(EmulatorServer emulator, string path, string json) =>
            await WireClient.PostAsync(new Uri(emulator.BaseUri, path), new StringContent(json, Encoding.UTF8, "application/json"));
    }
}
