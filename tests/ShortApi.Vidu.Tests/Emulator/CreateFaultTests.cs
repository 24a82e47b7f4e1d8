using System;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Emulator;
using ShortApi.Vidu.Tests.Support;
using Xunit;
using static ShortApi.Vidu.Tests.Emulator.EmulatorCalls;

namespace ShortApi.Vidu.Tests.Emulator
{
    /// <summary>
    /// Each create fault lands on one side of the money rule: refused before anything was made (safe to send again),
    /// or made and charged whatever the answer looks like (must never be sent again).
    /// </summary>
    public class CreateFaultTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

        [Theory]
        [InlineData("400")]
        [InlineData("401")]
        [InlineData("402")]
        [InlineData("403")]
        [InlineData("429")]
        [InlineData("500")]
        [InlineData("502")]
        [InlineData("503")]
        [InlineData("504")]
        public async Task A_status_token_is_a_refusal_in_the_envelope_and_makes_no_job(string token)
        {
            await using var emulator = await Emulators.StartAsync(o => o.RetryAfterSeconds = 4);
            emulator.EnqueueFaults("create", token);
            using var response = await CreateAsync(emulator);

            var status = int.Parse(token);
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
            using var json = await JsonOfAsync(response);
            Assert.Equal(status, json.RootElement.GetProperty("code").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(json.RootElement.GetProperty("msg").GetString()));
            Assert.Equal(0, emulator.State.CreatesAccepted);
            Assert.Equal(1, emulator.State.CreatesRefused);
            Assert.Empty(emulator.State.AcceptedJobIds);
            var expectRetryAfter = status is 429 or 503;
            Assert.Equal(expectRetryAfter ? TimeSpan.FromSeconds(4) : (TimeSpan?)null, response.Headers.RetryAfter?.Delta);
        }

        [Theory]
        [InlineData("429:7", 429, 7)]
        [InlineData("503:9", 503, 9)]
        [InlineData("429:0", 429, 0)]
        public async Task A_refusal_token_with_seconds_sends_that_retry_after(string token, int status, int seconds)
        {
            await using var emulator = await Emulators.StartAsync(o => o.RetryAfterSeconds = 1);
            emulator.EnqueueFaults("create", token);
            using var response = await CreateAsync(emulator);
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(seconds), response.Headers.RetryAfter!.Delta);
            Assert.Equal(0, emulator.State.CreatesAccepted);
        }

        [Theory]
        [InlineData(500)]
        [InlineData(502)]
        [InlineData(503)]
        [InlineData(504)]
        public async Task A_gateway_token_makes_the_job_then_answers_a_bare_text_page(int status)
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", "gateway:" + status);
            using var response = await CreateAsync(emulator);

            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(
                "upstream connect error or disconnect/reset before headers. reset reason: connection termination",
                await response.Content.ReadAsStringAsync());
            Assert.Equal(1, emulator.State.CreatesAccepted);
            Assert.Equal(0, emulator.State.CreatesRefused);
            // The job is real: it can be queried like any other.
            using var query = await QueryAsync(emulator, Assert.Single(emulator.State.AcceptedJobIds));
            Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        }

        [Fact]
        public async Task Late_makes_the_job_at_once_and_answers_only_after_the_wait()
        {
            // On a test clock: the answer can only come once the test has moved the clock past the late wait.
            var clock = new WatchedClock();
            await using var emulator = await Emulators.StartAsync(clock);
            emulator.EnqueueFaults("create", "late:1500");
            var sending = CreateAsync(emulator);

            await emulator.State.WaitUntilAsync(s => s.CreatesAccepted == 1, Patience);
            await clock.TimerStartedAsync(TimeSpan.FromMilliseconds(1500), Patience);
            clock.Advance(TimeSpan.FromMilliseconds(1499));
            Assert.False(sending.IsCompleted, "the answer came before the late wait was over");
            clock.Advance(TimeSpan.FromMilliseconds(1));
            using var response = await sending.WaitAsync(Patience);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var json = await JsonOfAsync(response);
            Assert.Equal(Assert.Single(emulator.State.AcceptedJobIds), json.RootElement.GetProperty("data").GetProperty("job_id").GetString());
        }

        [Fact]
        public async Task Late_keeps_the_job_when_the_client_leaves_before_the_answer()
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", "late:30000");
            using var leave = new CancellationTokenSource();
            var sending = CreateAsync(emulator, cancellationToken: leave.Token);

            await emulator.State.WaitUntilAsync(s => s.CreatesAccepted == 1, Patience);
            leave.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
            await emulator.State.WaitUntilAsync(s => s.CreatesInFlight == 0, Patience);

            Assert.Equal(1, emulator.State.CreatesAccepted);
            Assert.Equal(0, emulator.State.CreatesRefused);
            using var query = await QueryAsync(emulator, Assert.Single(emulator.State.AcceptedJobIds));
            Assert.Equal(HttpStatusCode.OK, query.StatusCode);
        }

        [Fact]
        public async Task Slow_makes_nothing_when_the_client_leaves_during_the_wait()
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", "slow:30000");
            using var leave = new CancellationTokenSource();
            var sending = CreateAsync(emulator, cancellationToken: leave.Token);

            // The body is recorded before the wait begins, so the request is surely inside the wait once it is.
            await emulator.State.WaitUntilAsync(s => s.RecordedRequests.Count == 1, Patience);
            leave.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sending);
            await emulator.State.WaitUntilAsync(s => s.CreatesInFlight == 0, Patience);

            Assert.Equal(1, emulator.State.CreatesReceived);
            Assert.Equal(0, emulator.State.CreatesAccepted);
            Assert.Equal(0, emulator.State.CreatesRefused);
        }

        [Fact]
        public async Task Pass_lets_a_script_say_three_normal_creates_then_402()
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", "pass", "pass", "pass", "402");
            for (var i = 0; i < 3; i++)
            {
                using var ok = await CreateAsync(emulator);
                Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            }

            using var refused = await CreateAsync(emulator);
            Assert.Equal(HttpStatusCode.PaymentRequired, refused.StatusCode);
            Assert.Contains("insufficient balance", await refused.Content.ReadAsStringAsync());
            Assert.Equal(3, emulator.State.CreatesAccepted);
            Assert.Equal(1, emulator.State.CreatesRefused);
        }

        [Fact]
        public async Task Pass_also_keeps_the_random_faults_off_that_request()
        {
            await using var emulator = await Emulators.StartAsync(o => o.CreateFaultRate = 1);
            emulator.EnqueueFaults("create", "pass");
            using var passed = await CreateAsync(emulator);
            using var struck = await CreateAsync(emulator);
            Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
            Assert.True((int)struck.StatusCode is 429 or 503, $"got {(int)struck.StatusCode}");
            Assert.NotNull(struck.Headers.RetryAfter);
            Assert.Equal(1, emulator.State.CreatesAccepted);
            Assert.Equal(1, emulator.State.CreatesRefused);
        }

        [Theory]
        [InlineData("html")]
        [InlineData("empty")]
        [InlineData("truncated")]
        [InlineData("code:3000:msg")]
        [InlineData("echo-auth")]
        public async Task A_malformed_answer_before_acting_counts_as_refused(string token)
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", token);
            using var response = await CreateAsync(emulator);
            Assert.Equal(0, emulator.State.CreatesAccepted);
            Assert.Equal(1, emulator.State.CreatesRefused);
        }

        [Fact]
        public async Task Drop_still_makes_the_job_before_cutting_the_connection()
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", "drop");
            await Assert.ThrowsAsync<HttpRequestException>(() => CreateAsync(emulator));
            Assert.Equal(1, emulator.State.CreatesAccepted);
            Assert.Equal(0, emulator.State.CreatesRefused);
        }

        [Fact]
        public async Task Refusals_of_every_kind_are_counted_in_the_stats()
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", "500", "gateway:500", "html");
            for (var i = 0; i < 3; i++) (await CreateAsync(emulator)).Dispose();
            using var wrongBody = await CreateAsync(emulator, "{}");

            using var stats = await GetJsonAsync(emulator, "/_emulator/stats");
            Assert.Equal(4, stats.RootElement.GetProperty("createsReceived").GetInt32());
            Assert.Equal(1, stats.RootElement.GetProperty("createsAccepted").GetInt32());
            Assert.Equal(3, stats.RootElement.GetProperty("createsRefused").GetInt32());
        }

        [Theory]
        [InlineData("gateway:501")]
        [InlineData("gateway:")]
        [InlineData("late:-1")]
        [InlineData("late:soon")]
        [InlineData("429:-1")]
        [InlineData("502:5")]
        [InlineData("404")]
        public async Task A_malformed_create_token_is_refused_and_the_message_lists_the_known_ones(string token)
        {
            await using var emulator = await Emulators.StartAsync();
            var error = Assert.Throws<ArgumentException>(() => emulator.EnqueueFaults("create", "pass", token));
            Assert.Contains("gateway:<500|502|503|504>", error.Message);
            Assert.Contains("late:<ms>", error.Message);
            using var stats = await GetJsonAsync(emulator, "/_emulator/stats");
            Assert.Equal(0, stats.RootElement.GetProperty("pendingFaults").GetProperty("create").GetInt32());
        }
    }
}
