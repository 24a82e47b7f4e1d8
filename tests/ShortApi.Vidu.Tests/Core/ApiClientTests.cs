using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Emulator;
using ShortApi.Vidu.Wire;
using ShortApi.Vidu.Pipeline;
using ShortApi.Vidu.Transport;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Tests.Support;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>The request pipeline against the emulator over real sockets.</summary>
    public class ApiClientTests
    {

        [Fact]
        public async Task A_job_is_created_queried_through_its_states_and_finishes_with_a_url()
        {
            // The emulator's clock moves only when the test moves it, so every state is seen whatever the machine's speed.
            var clock = new FakeTimeProvider();
            await using var emulator = await Emulators.StartAsync(clock, o => o.JobDuration = TimeSpan.FromSeconds(10));
            var client = emulator.Client();
            var created = await client.CreateJobAsync(Requests.ByUrl(), CancellationToken.None);
            Assert.Equal(0.275m, created.Amount);
            var seen = new List<int>();
            JobSnapshot state = await client.QueryJobAsync(created.JobId, CancellationToken.None);
            seen.Add(state.StatusCode);
            foreach (var step in new[] { TimeSpan.FromSeconds(6), TimeSpan.FromSeconds(4) })
            {
                clock.Advance(step);
                state = await client.QueryJobAsync(created.JobId, CancellationToken.None);
                seen.Add(state.StatusCode);
            }
            Assert.Equal(JobStatus.Succeeded, state.Status);
            Assert.Equal(0, seen.First());
            Assert.Contains(1, seen);
            Assert.StartsWith(emulator.CdnUri.AbsoluteUri, state.VideoUrls.Single());
        }

        [Fact]
        public async Task The_recorded_create_matches_the_seeds_json_field_by_field()
        {
            var seedText = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "vidu-q2-image-to-video.seed.txt"));
            var curlBody = Regex.Match(seedText, @"--data '(?<json>\{.*?\})' *\)", RegexOptions.Singleline).Groups["json"].Value;
            using var seed = JsonDocument.Parse(curlBody);
            var args = seed.RootElement.GetProperty("args");

            await using var emulator = await Emulators.StartAsync();
            var request = new CreateJobRequest(ImageReference.FromUrl(args.GetProperty("image").GetString()!), args.GetProperty("prompt").GetString()!)
            {
                Mode = args.GetProperty("mode").GetString()!,
                CallbackUrl = "https://hooks.example.com/CALLBACK_URL",
            };
            await emulator.Client().CreateJobAsync(request, CancellationToken.None);

            var recorded = emulator.State.RecordedRequests.Single(r => r.Method == "POST");
            Assert.Equal("Bearer " + emulator.ApiKey, recorded.Authorization);
            using var sent = JsonDocument.Parse(recorded.Body!);
            Assert.Equal(Names(seed.RootElement), Names(sent.RootElement));
            Assert.Equal(Names(args), Names(sent.RootElement.GetProperty("args")));
            Assert.Equal(seed.RootElement.GetProperty("model").GetString(), sent.RootElement.GetProperty("model").GetString());
            foreach (var field in args.EnumerateObject())
                Assert.Equal(field.Value.GetString(), sent.RootElement.GetProperty("args").GetProperty(field.Name).GetString());
        }

        private static string[] Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name).OrderBy(n => n).ToArray();

        [Theory]
        [InlineData("429")]
        [InlineData("503")]
        [InlineData("500")]
        [InlineData("502")]
        public async Task A_refusal_in_the_services_own_envelope_is_sent_again_and_creates_one_job(string fault)
        {
            await using var emulator = await Emulators.StartAsync(o => o.RetryAfterSeconds = 0);
            emulator.EnqueueFaults("create", fault, fault);
            var log = new List<string>();
            var created = await emulator.Client(log: log.Add).CreateJobAsync(Requests.ByUrl(), CancellationToken.None);
            Assert.Equal(3, emulator.State.CreatesReceived);
            Assert.Equal(1, emulator.State.CreatesAccepted);
            Assert.Equal(created.JobId, emulator.State.AcceptedJobIds.Single());
            Assert.Equal(2, log.Count(l => l.Contains("Retrying")));
        }

        [Theory]
        [InlineData("gateway:503")]
        [InlineData("gateway:502")]
        [InlineData("gateway:500")]
        [InlineData("gateway:504")]
        [InlineData("drop")]
        public async Task A_create_answered_by_a_gateway_page_or_a_dropped_connection_is_never_sent_again(string fault)
        {
            // The job exists behind the gateway: a resend would pay for it twice.
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", fault);
            var error = await Assert.ThrowsAsync<ShortApiException>(() => emulator.Client(retries: 5).CreateJobAsync(Requests.ByUrl(), CancellationToken.None));
            Assert.Equal(ShortApiErrorKind.CreateOutcomeUnknown, error.Kind);
            Assert.Contains("may or may not exist", error.Message);
            Assert.Equal(1, error.Attempts);
            Assert.Equal(1, emulator.State.CreatesReceived);
            Assert.Equal(1, emulator.State.CreatesAccepted);
        }

        [Fact]
        public async Task An_accepted_create_whose_answer_cannot_be_read_may_exist_and_is_not_resent()
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", "bad-charset");
            var error = await Assert.ThrowsAsync<ShortApiException>(() => emulator.Client(retries: 5).CreateJobAsync(Requests.ByUrl(), CancellationToken.None));
            Assert.Equal(ShortApiErrorKind.CreateOutcomeUnknown, error.Kind);
            Assert.Equal(1, emulator.State.CreatesReceived);
            Assert.Equal(1, emulator.State.CreatesAccepted);
        }

        [Theory]
        [InlineData(503, "\"service busy\"")]
        [InlineData(503, "[]")]
        [InlineData(502, "null")]
        public void An_error_body_that_is_json_but_not_an_object_still_gives_the_status_and_is_not_a_refusal(int status, string body)
        {
            var error = ResponseParser.FromHttpStatus(status, body, null, null);
            Assert.Equal(status, error.EffectiveStatus);
            Assert.False(error.ServiceRefused);
            Assert.False(ResendRule.IsRetriable(RequestKind.Create, error));
        }

        [Fact]
        public async Task Create_is_not_resent_after_a_timeout_once_the_body_had_left()
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", "late:60000");
            var error = await Assert.ThrowsAsync<ShortApiException>(() => emulator.Client(retries: 5, timeoutSeconds: 2).CreateJobAsync(Requests.ByUrl(), CancellationToken.None));
            Assert.Equal(ShortApiErrorKind.CreateOutcomeUnknown, error.Kind);
            Assert.Equal(1, error.Attempts);
            // The client has given up, so nothing more can be sent; the server made the job when it read the request.
            await emulator.State.WaitUntilAsync(s => s.CreatesAccepted >= 1, TimeSpan.FromSeconds(30));
            Assert.Equal(1, emulator.State.CreatesReceived);
        }

        [Fact]
        public async Task The_flat_answer_shape_of_the_pages_own_examples_is_read_like_the_documented_one()
        {
            await using var emulator = await Emulators.StartAsync(o => { o.FlatAnswers = true; o.JobDuration = TimeSpan.FromMilliseconds(100); });
            var client = emulator.Client();
            var created = await client.CreateJobAsync(Requests.ByUrl(), CancellationToken.None);
            Assert.Equal(0.275m, created.Amount);
            await emulator.State.WaitUntilAsync(s => s.CreatesAccepted == 1, TimeSpan.FromSeconds(30));
            JobSnapshot state;
            do state = await client.QueryJobAsync(created.JobId, CancellationToken.None);
            while (state.Status != JobStatus.Succeeded);
            Assert.StartsWith(emulator.CdnUri.AbsoluteUri, state.VideoUrls.Single());
        }

        [Theory]
        [InlineData("sk-abc\ndef")]
        [InlineData("sk-abc def")]
        [InlineData("sk-abc\u00e9")]
        public void A_key_that_cannot_travel_in_a_header_is_refused_before_any_request(string key)
        {
            var error = Assert.Throws<ArgumentException>(() => new ApiKey(System.Text.RegularExpressions.Regex.Unescape(key)));
            Assert.Contains("cannot be sent in an HTTP header", error.Message);
            Assert.DoesNotContain("abc", error.Message);
        }

        [Fact]
        public void A_nul_in_a_key_is_named_with_its_position_in_the_key_as_given()
        {
            var error = Assert.Throws<ArgumentException>(() => new ApiKey("  abc\0junk"));
            Assert.Contains("a NUL character (U+0000) at character 6", error.Message);
            Assert.DoesNotContain("abc", error.Message);
            Assert.DoesNotContain("junk", error.Message);
        }

        [Fact]
        public async Task Create_is_retried_when_the_connection_never_opened_and_lands_once_the_server_is_up()
        {
            var port = FreePort();
            // The client's own log says when a try has failed and it is about to retry: the event to start the server on.
            var retrying = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var options = new ApiClientOptions(new Uri($"http://127.0.0.1:{port}/"), new ApiKey("emulator-key"))
            {
                MaxRetries = 200,
                RetryInterval = TimeSpan.FromMilliseconds(100),
                MaxRetryInterval = TimeSpan.FromMilliseconds(200),
                Log = line => { if (line.Contains("Retrying in")) retrying.TrySetResult(); },
            };
            var create = new ApiClient(options).CreateJobAsync(Requests.ByUrl(), CancellationToken.None);
            await retrying.Task.WaitAsync(TimeSpan.FromSeconds(60));
            Assert.False(create.IsCompleted);
            await using var emulator = await Emulators.StartAsync(o => o.Port = port);
            var created = await create;
            Assert.Equal(created.JobId, emulator.State.AcceptedJobIds.Single());
        }

        [Fact]
        public async Task A_connection_that_never_opens_fails_with_a_clear_error_after_the_retries()
        {
            var port = FreePort();
            var options = new ApiClientOptions(new Uri($"http://127.0.0.1:{port}/"), new ApiKey("k"))
            {
                MaxRetries = 2,
                RetryInterval = TimeSpan.FromMilliseconds(10),
            };
            var error = await Assert.ThrowsAsync<ShortApiException>(() => new ApiClient(options).CreateJobAsync(Requests.ByUrl(), CancellationToken.None));
            Assert.Equal(ShortApiErrorKind.ConnectionFailed, error.Kind);
            Assert.True(error.ConnectionNeverOpened);
            Assert.Equal(3, error.Attempts);
            Assert.Contains("after 3 attempts", error.Message);
        }

        private static int FreePort()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            return port;
        }
    }
}
