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
    /// <summary>Queries, answers, keys and addresses through the request pipeline, against the emulator over real sockets.</summary>
    public class ApiClientQueryTests
    {

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
            var created = await client.CreateJobAsync(Requests.ByUrl(), CancellationToken.None);
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
            var created = await client.CreateJobAsync(Requests.ByUrl(), CancellationToken.None);
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
            var error = await Assert.ThrowsAsync<ShortApiException>(() => emulator.Client().CreateJobAsync(Requests.ByUrl(), CancellationToken.None));
            Assert.Equal("4001", error.ServiceCode);
            Assert.Equal("emulated error 4001", error.ServiceMessage);
            Assert.Contains("emulated error 4001", error.Message);
            Assert.Equal(1, emulator.State.CreatesReceived);
            Assert.Equal(0, emulator.State.CreatesAccepted);
            Assert.True(error.ServiceRefused);
            Assert.NotEqual(ShortApiErrorKind.CreateOutcomeUnknown, error.Kind);
        }

        [Fact]
        public async Task A_wrong_key_is_unauthorized_and_never_echoed()
        {
            await using var emulator = await Emulators.StartAsync();
            var error = await Assert.ThrowsAsync<ShortApiException>(() => emulator.Client(key: "sk-wrong-key-123").CreateJobAsync(Requests.ByUrl(), CancellationToken.None));
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
            var created = await client.CreateJobAsync(Requests.ByUrl(), CancellationToken.None);
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
            var created = await client.CreateJobAsync(Requests.ByUrl(), CancellationToken.None);
            emulator.EnqueueFaults("query", "slow:5000", "slow:5000");
            var error = await Assert.ThrowsAsync<ShortApiException>(() => client.QueryJobAsync(created.JobId, CancellationToken.None));
            Assert.Equal(ShortApiErrorKind.Timeout, error.Kind);
            Assert.Equal(2, error.Attempts);
        }

        [Fact]
        public async Task Retry_after_holds_the_retry_back_as_long_as_asked_on_the_clients_clock()
        {
            // The client waits on a test clock, with no jitter: the resend may go exactly when 30 s have passed on it,
            // and not a tick before, whatever the machine's speed.
            await using var emulator = await Emulators.StartAsync(o => o.RetryAfterSeconds = 30);
            emulator.EnqueueFaults("create", "429");
            var clock = new WatchedClock();
            var create = emulator.Client(clock: clock, random: () => 0.0).CreateJobAsync(Requests.ByUrl(), CancellationToken.None);
            await clock.TimerStartedAsync(TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(1));
            clock.Advance(TimeSpan.FromSeconds(29.9));
            Assert.False(create.IsCompleted);
            Assert.Single(emulator.State.RecordedRequests, r => r.Method == "POST");
            clock.Advance(TimeSpan.FromSeconds(0.1));
            await create;
            Assert.Equal(2, emulator.State.RecordedRequests.Count(r => r.Method == "POST"));
        }

        [Fact]
        public async Task Cancellation_stops_a_retry_wait()
        {
            await using var emulator = await Emulators.StartAsync(o => o.RetryAfterSeconds = 30);
            emulator.EnqueueFaults("create", "429");
            using var cancel = new CancellationTokenSource(300);
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => emulator.Client().CreateJobAsync(Requests.ByUrl(), cancel.Token));
        }

        [Fact]
        public async Task The_key_is_masked_in_every_log_line()
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", "503");
            var log = new List<string>();
            await emulator.Client(log: log.Add).CreateJobAsync(Requests.ByUrl(), CancellationToken.None);
            Assert.NotEmpty(log);
            Assert.All(log, line => Assert.DoesNotContain(emulator.ApiKey, line));
            Assert.Contains(log, line => line.Contains("Bearer ****"));
        }

        [Fact]
        public async Task Every_query_waits_for_its_own_slot_of_the_rate_limiter()
        {
            // The limiter runs on a clock that stands still and records the waits it asks for instead of waiting, so
            // the spacing the client gets is exact whatever the machine's speed: at 10 a second (5 % under), one
            // slot every 1/9.5 s, one per query.
            await using var emulator = await Emulators.StartAsync();
            var clock = new StandingClock(DateTimeOffset.UtcNow);
            var waits = clock.Waits;
            var limiter = new RequestRateLimiter(10, clock);
            var client = emulator.Client(limiter: limiter);
            var created = await client.CreateJobAsync(Requests.ByUrl(), CancellationToken.None);
            await Task.WhenAll(Enumerable.Range(0, 30).Select(_ => client.QueryJobAsync(created.JobId, CancellationToken.None)));
            var expected = Enumerable.Range(1, 29).Select(k => TimeSpan.FromSeconds(k / 9.5));
            // Timers count whole milliseconds, so each wait is the exact spacing to within one.
            var asked = waits.OrderBy(w => w).ToList();
            Assert.Equal(expected.Count(), asked.Count);
            Assert.All(expected.Zip(asked, (e, a) => (e, a)), pair => Assert.InRange((pair.e - pair.a).TotalMilliseconds, -0.001, 1.0));
            Assert.Equal(30, emulator.State.QueriesReceived);
        }

        [Fact]
        public async Task A_result_download_goes_through_the_pipeline_without_the_key()
        {
            await using var emulator = await Emulators.StartAsync(o => o.JobDuration = TimeSpan.Zero);
            var client = emulator.Client();
            var created = await client.CreateJobAsync(Requests.ByUrl(), CancellationToken.None);
            var state = await client.QueryJobAsync(created.JobId, CancellationToken.None);
            var length = await client.DownloadAsync(new Uri(state.VideoUrls.Single()), created.JobId, CancellationToken.None,
                async m => (await m.Response!.Content.ReadAsByteArrayAsync()).Length);
            Assert.True(length > 1000);
            Assert.All(emulator.State.CdnRequests, r => Assert.Null(r.Authorization));
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
    }
}
