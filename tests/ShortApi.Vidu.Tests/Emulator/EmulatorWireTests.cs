using System;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Emulator
{
    /// <summary>The emulator speaks the wire the seed page describes, so tests against it mean something.</summary>
    public class EmulatorWireTests
    {
        private static readonly HttpClient Http = new HttpClient();

        private static string SeedCurlBody()
        {
            var seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "vidu-q2-image-to-video.seed.txt"));
            return Regex.Match(seed, @"--data '(?<json>\{.*?\})' *\)", RegexOptions.Singleline).Groups["json"].Value;
        }

        private static HttpRequestMessage Post(Uri baseUri, string key, string body) =>
            new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, "/api/v1/job/create"))
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", key) },
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            };

        [Fact]
        public async Task The_seeds_own_curl_example_is_accepted_unchanged()
        {
            await using var emulator = await Emulators.StartAsync();
            var body = SeedCurlBody();
            Assert.Contains("\"callback_url\": \"CALLBACK_URL\"", body);
            using var response = await Http.SendAsync(Post(emulator.BaseUri, emulator.ApiKey, body));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal(0, json.RootElement.GetProperty("code").GetInt32());
            Assert.Equal("0.275", json.RootElement.GetProperty("data").GetProperty("amount").GetString());
            Assert.Matches("^[0-9a-f]{32}$", json.RootElement.GetProperty("data").GetProperty("job_id").GetString());
        }

        [Fact]
        public async Task A_wrong_key_is_refused_before_anything_else()
        {
            await using var emulator = await Emulators.StartAsync();
            using var response = await Http.SendAsync(Post(emulator.BaseUri, "wrong", "not even json"));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal(0, emulator.State.CreatesAccepted);
        }

        [Theory]
        [InlineData("{\"model\":\"vidu/vidu-q2/image-to-video\",\"args\":{\"mode\":\"pro-fast\",\"resolution\":\"540p\",\"prompt\":\"x\",\"image\":\"https://a/b.png\"}}", "540p")]
        [InlineData("{\"model\":\"vidu/vidu-q2/image-to-video\",\"args\":{\"prompt\":\"x\",\"image\":\"https://a/b.png\",\"duration\":5}}", "duration must be a string")]
        [InlineData("{\"model\":\"vidu/vidu-q2/image-to-video\",\"args\":{\"prompt\":\"x\",\"image\":\"https://a/b.png\",\"generate_audio\":true}}", "voice_id")]
        [InlineData("{\"model\":\"other\",\"args\":{\"prompt\":\"x\",\"image\":\"https://a/b.png\"}}", "model")]
        public async Task Every_argument_rule_is_checked(string body, string expected)
        {
            await using var emulator = await Emulators.StartAsync();
            using var response = await Http.SendAsync(Post(emulator.BaseUri, emulator.ApiKey, body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(expected, await response.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task A_finished_job_is_posted_to_its_callback_url_without_credentials()
        {
            await using var emulator = await Emulators.StartAsync(o => o.JobDuration = TimeSpan.FromMilliseconds(300));
            var sink = new Uri(emulator.BaseUri, "/_emulator/callback-sink").AbsoluteUri;
            var body = "{\"model\":\"vidu/vidu-q2/image-to-video\",\"args\":{\"prompt\":\"x\",\"image\":\"https://a/b.png\"},\"callback_url\":\"" + sink + "\"}";
            using var response = await Http.SendAsync(Post(emulator.BaseUri, emulator.ApiKey, body));
            response.EnsureSuccessStatusCode();
            await emulator.State.WaitUntilAsync(s => s.CallbackSinkBodies.Count == 1 && s.RecordedCallbacks.Count == 1, TimeSpan.FromSeconds(10));
            using var posted = JsonDocument.Parse(emulator.State.CallbackSinkBodies.Single());
            Assert.Equal(2, posted.RootElement.GetProperty("data").GetProperty("status").GetInt32());
            Assert.DoesNotContain(emulator.ApiKey, emulator.State.RecordedCallbacks.Single().Body);
        }

        [Fact]
        public async Task Scripted_429_carries_retry_after_and_creates_nothing()
        {
            await using var emulator = await Emulators.StartAsync(o => o.RetryAfterSeconds = 3);
            emulator.EnqueueFaults("create", "429");
            using var response = await Http.SendAsync(Post(emulator.BaseUri, emulator.ApiKey, SeedCurlBody()));
            Assert.Equal((HttpStatusCode)429, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter!.Delta);
            Assert.Equal(0, emulator.State.CreatesAccepted);
        }

        [Fact]
        public async Task The_served_video_is_a_real_mp4()
        {
            // A job of zero length is finished as soon as it exists.
            await using var emulator = await Emulators.StartAsync(o => o.JobDuration = TimeSpan.Zero);
            var created = await emulator.Client().CreateJobAsync(
                new ShortApi.Vidu.Wire.CreateJobRequest(ShortApi.Vidu.Images.ImageReference.FromUrl("https://a/b.png"), "x"), default);
            var state = await emulator.Client().QueryJobAsync(created.JobId, default);
            var bytes = await Http.GetByteArrayAsync(state.VideoUrls.Single());
            Assert.Equal("ftyp", Encoding.ASCII.GetString(bytes, 4, 4));
            Assert.Contains("avc1", Encoding.ASCII.GetString(bytes)); // an H.264 track
        }
    }
}
