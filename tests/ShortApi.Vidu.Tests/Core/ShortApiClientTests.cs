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
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>The HTTP core against the emulator over real sockets.</summary>
    public class ShortApiClientTests
    {
        private static CreateJobRequest UrlRequest(string prompt = "slow dolly in") =>
            new CreateJobRequest(ImageReference.FromUrl("https://example.com/cat.png"), prompt);

        [Fact]
        public async Task A_job_is_created_queried_through_its_states_and_finishes_with_a_url()
        {
            await using var emulator = await Emulators.StartAsync();
            var client = emulator.Client();
            var created = await client.CreateJobAsync(UrlRequest(), CancellationToken.None);
            Assert.Equal(0.275m, created.Amount);
            var seen = new List<int>();
            JobSnapshot state;
            do
            {
                state = await client.QueryJobAsync(created.JobId, CancellationToken.None);
                seen.Add(state.StatusCode);
                await Task.Delay(100);
            } while (state.Status != JobStatus.Succeeded);
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
        public async Task A_refused_create_is_sent_again_and_creates_one_job(string fault)
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", fault, fault);
            var log = new List<string>();
            var created = await emulator.Client(log: log.Add).CreateJobAsync(UrlRequest(), CancellationToken.None);
            Assert.Equal(3, emulator.State.CreatesReceived);
            Assert.Equal(1, emulator.State.CreatesAccepted);
            Assert.Equal(created.JobId, emulator.State.AcceptedJobIds.Single());
            Assert.Equal(2, log.Count(l => l.Contains("Retrying")));
        }

        [Theory]
        [InlineData("500")]
        [InlineData("502")]
        [InlineData("504")]
        [InlineData("drop")]
        public async Task Create_is_not_retried_after_an_ambiguous_failure(string fault)
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", fault);
            var error = await Assert.ThrowsAsync<ShortApiException>(() => emulator.Client(retries: 5).CreateJobAsync(UrlRequest(), CancellationToken.None));
            Assert.Equal(ShortApiErrorKind.CreateOutcomeUnknown, error.Kind);
            Assert.Contains("may or may not exist", error.Message);
            Assert.Equal(1, emulator.State.CreatesReceived);
            Assert.Equal(1, emulator.State.CreatesAccepted);
        }

        [Fact]
        public async Task An_accepted_create_whose_answer_cannot_be_read_may_exist_and_is_not_resent()
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", "bad-charset");
            var error = await Assert.ThrowsAsync<ShortApiException>(() => emulator.Client(retries: 5).CreateJobAsync(UrlRequest(), CancellationToken.None));
            Assert.Equal(ShortApiErrorKind.CreateOutcomeUnknown, error.Kind);
            Assert.Equal(1, emulator.State.CreatesReceived);
            Assert.Equal(1, emulator.State.CreatesAccepted);
        }

        [Theory]
        [InlineData(503, "\"service busy\"")]
        [InlineData(503, "[]")]
        [InlineData(502, "null")]
        public void An_error_body_that_is_json_but_not_an_object_still_gives_the_status(int status, string body)
        {
            var error = ResponseParser.FromHttpStatus(status, body, null, null);
            Assert.Equal(status, error.EffectiveStatus);
            Assert.Equal(status == 503, RetryPolicy.IsRetriable(RequestKind.Create, error));
        }

        [Fact]
        public void A_retry_after_longer_than_ten_minutes_is_not_waited_for() =>
            Assert.Null(new RetryPolicy(5).NextDelay(1, TimeSpan.FromDays(30), DateTimeOffset.UtcNow, null));

        [Fact]
        public async Task Create_is_not_retried_after_a_timeout_once_the_body_was_sent()
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", "slow:3000");
            var error = await Assert.ThrowsAsync<ShortApiException>(() => emulator.Client(retries: 5, timeoutSeconds: 0.5).CreateJobAsync(UrlRequest(), CancellationToken.None));
            Assert.Equal(ShortApiErrorKind.CreateOutcomeUnknown, error.Kind);
            Assert.Equal(1, emulator.State.CreatesReceived);
        }

        [Fact]
        public async Task Create_is_retried_when_the_connection_never_opened_and_lands_once_the_server_is_up()
        {
            var port = FreePort();
            var options = new ShortApiClientOptions(new Uri($"http://127.0.0.1:{port}/"), new ApiKey("emulator-key"))
            {
                RetryPolicy = new RetryPolicy(20, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200)),
            };
            var create = new ShortApiClient(options).CreateJobAsync(UrlRequest(), CancellationToken.None);
            await Task.Delay(400);
            Assert.False(create.IsCompleted);
            await using var emulator = await Emulators.StartAsync(o => o.Port = port);
            var created = await create;
            Assert.Equal(created.JobId, emulator.State.AcceptedJobIds.Single());
        }

        [Fact]
        public async Task A_connection_that_never_opens_fails_with_a_clear_error_after_the_retries()
        {
            var port = FreePort();
            var options = new ShortApiClientOptions(new Uri($"http://127.0.0.1:{port}/"), new ApiKey("k"))
            {
                RetryPolicy = new RetryPolicy(2, TimeSpan.FromMilliseconds(10)),
            };
            var error = await Assert.ThrowsAsync<ShortApiException>(() => new ShortApiClient(options).CreateJobAsync(UrlRequest(), CancellationToken.None));
            Assert.Equal(ShortApiErrorKind.ConnectionFailed, error.Kind);
            Assert.True(error.ConnectionNeverOpened);
            Assert.Equal(3, error.Attempts);
            Assert.Contains("after 3 attempts", error.Message);
        }

        [Theory]
        [InlineData("500")]
        [InlineData("502")]
        [InlineData("503")]
        [InlineData("504")]
        [InlineData("429")]
        [InlineData("drop")]
        [InlineData("html")]
        [InlineData("truncated")]
        [InlineData("empty")]
        public async Task Queries_ride_over_transient_faults(string fault)
        {
            await using var emulator = await Emulators.StartAsync(o => o.JobDuration = TimeSpan.FromSeconds(60));
            var client = emulator.Client();
            var created = await client.CreateJobAsync(UrlRequest(), CancellationToken.None);
            emulator.EnqueueFaults("query", fault, fault);
            var state = await client.QueryJobAsync(created.JobId, CancellationToken.None);
            Assert.Equal(JobStatus.Queued, state.Status);
            Assert.Equal(3, emulator.State.QueriesReceived);
        }

        [Theory]
        [InlineData("html", "not complete JSON")]
        [InlineData("truncated", "not complete JSON")]
        [InlineData("empty", "empty body")]
        public async Task Bad_answers_become_invalid_response_errors_that_say_what_arrived(string fault, string expected)
        {
            await using var emulator = await Emulators.StartAsync();
            var client = emulator.Client(retries: 1);
            var created = await client.CreateJobAsync(UrlRequest(), CancellationToken.None);
            emulator.EnqueueFaults("query", fault, fault);
            var error = await Assert.ThrowsAsync<ShortApiException>(() => client.QueryJobAsync(created.JobId, CancellationToken.None));
            Assert.Equal(ShortApiErrorKind.InvalidResponse, error.Kind);
            Assert.Contains(expected, error.Message);
        }

        [Theory]
        [InlineData("code:4001:msg")]
        [InlineData("code:4001:message")]
        [InlineData("code:4001:info")]
        [InlineData("code:4001:error.message")]
        public async Task A_non_zero_code_is_an_error_carrying_the_services_words(string fault)
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", fault);
            var error = await Assert.ThrowsAsync<ShortApiException>(() => emulator.Client().CreateJobAsync(UrlRequest(), CancellationToken.None));
            Assert.Equal("4001", error.ServiceCode);
            Assert.Equal("emulated error 4001", error.ServiceMessage);
            Assert.Contains("emulated error 4001", error.Message);
            Assert.Equal(1, emulator.State.CreatesReceived);
            Assert.Equal(0, emulator.State.CreatesAccepted);
        }

        [Fact]
        public async Task A_wrong_key_is_unauthorized_and_never_echoed()
        {
            await using var emulator = await Emulators.StartAsync();
            var error = await Assert.ThrowsAsync<ShortApiException>(() => emulator.Client(key: "sk-wrong-key-123").CreateJobAsync(UrlRequest(), CancellationToken.None));
            Assert.Equal(ShortApiErrorKind.Unauthorized, error.Kind);
            Assert.Equal(401, error.HttpStatus);
            Assert.DoesNotContain("sk-wrong-key-123", error.ToString());
        }

        [Fact]
        public async Task An_unknown_job_is_not_found()
        {
            await using var emulator = await Emulators.StartAsync();
            var error = await Assert.ThrowsAsync<ShortApiException>(() => emulator.Client().QueryJobAsync("doesnotexist", CancellationToken.None));
            Assert.Equal(ShortApiErrorKind.NotFound, error.Kind);
            Assert.Contains("doesnotexist", error.Message);
        }

        [Fact]
        public async Task An_unknown_status_number_is_kept_raw_and_named_unknown()
        {
            await using var emulator = await Emulators.StartAsync();
            var client = emulator.Client();
            var created = await client.CreateJobAsync(UrlRequest(), CancellationToken.None);
            emulator.EnqueueFaults("query", "status:7");
            var state = await client.QueryJobAsync(created.JobId, CancellationToken.None);
            Assert.Equal(7, state.StatusCode);
            Assert.Equal(JobStatus.Unknown, state.Status);
        }

        [Fact]
        public async Task A_very_slow_answer_times_out_within_its_bound_and_is_retried()
        {
            await using var emulator = await Emulators.StartAsync();
            var client = emulator.Client(retries: 1, timeoutSeconds: 0.5);
            var created = await client.CreateJobAsync(UrlRequest(), CancellationToken.None);
            emulator.EnqueueFaults("query", "slow:5000", "slow:5000");
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var error = await Assert.ThrowsAsync<ShortApiException>(() => client.QueryJobAsync(created.JobId, CancellationToken.None));
            Assert.Equal(ShortApiErrorKind.Timeout, error.Kind);
            Assert.Equal(2, error.Attempts);
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(4), "the timeout bounds the wait, not the server");
        }

        [Fact]
        public async Task Retry_after_holds_the_retry_back_as_long_as_asked()
        {
            await using var emulator = await Emulators.StartAsync(o => o.RetryAfterSeconds = 1);
            emulator.EnqueueFaults("create", "429");
            await emulator.Client().CreateJobAsync(UrlRequest(), CancellationToken.None);
            var creates = emulator.State.RecordedRequests.Where(r => r.Method == "POST").ToList();
            Assert.Equal(2, creates.Count);
            Assert.True(creates[1].Time - creates[0].Time >= TimeSpan.FromSeconds(0.95));
        }

        [Fact]
        public async Task Cancellation_stops_a_retry_wait()
        {
            await using var emulator = await Emulators.StartAsync(o => o.RetryAfterSeconds = 30);
            emulator.EnqueueFaults("create", "429");
            using var cancel = new CancellationTokenSource(300);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => emulator.Client().CreateJobAsync(UrlRequest(), cancel.Token));
        }

        [Fact]
        public async Task The_key_is_masked_in_every_log_line()
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", "503");
            var log = new List<string>();
            await emulator.Client(log: log.Add).CreateJobAsync(UrlRequest(), CancellationToken.None);
            Assert.NotEmpty(log);
            Assert.All(log, line => Assert.DoesNotContain(emulator.ApiKey, line));
            Assert.Contains(log, line => line.Contains("Bearer ****"));
        }

        [Fact]
        public async Task The_rate_limiter_caps_queries_per_second()
        {
            await using var emulator = await Emulators.StartAsync();
            var client = emulator.Client(limiter: new RequestRateLimiter(10));
            var created = await client.CreateJobAsync(UrlRequest(), CancellationToken.None);
            await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.QueryJobAsync(created.JobId, CancellationToken.None)));
            Assert.InRange(emulator.State.PeakQueriesPerSecond, 1, 11);
        }

        [Theory]
        [InlineData("http://api.example.com")]
        [InlineData("ftp://127.0.0.1")]
        [InlineData("not a uri")]
        [InlineData("https://api.example.com/?x=1")]
        public void Unsafe_or_malformed_base_uris_are_refused(string text) =>
            Assert.Throws<ArgumentException>(() => ApiEndpoint.Parse(text, "-BaseUri"));

        [Theory]
        [InlineData("http://127.0.0.1:5080", "http://127.0.0.1:5080/")]
        [InlineData("http://localhost:5080", "http://localhost:5080/")]
        [InlineData("https://api.shortapi.ai", "https://api.shortapi.ai/")]
        [InlineData("https://proxy.example.com/shortapi", "https://proxy.example.com/shortapi/")]
        public void Https_and_loopback_http_are_accepted(string text, string expected) =>
            Assert.Equal(expected, ApiEndpoint.Parse(text, "-BaseUri").AbsoluteUri);

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
