using System;
using System.Net;
using System.Threading.Tasks;
using ShortApi.Vidu.Tests.Support;
using Xunit;
using static ShortApi.Vidu.Tests.Emulator.EmulatorCalls;

namespace ShortApi.Vidu.Tests.Emulator
{
    /// <summary>Waiting on the emulator's events instead of sleeping: in process (WaitUntilAsync) and over HTTP (/_emulator/wait).</summary>
    public class WaitTests
    {
        // The waits themselves are given long; a wake-up that only came from the timeout's last look must still fail the test.
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
        private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(5);

        [Fact]
        public async Task WaitUntilAsync_completes_when_a_counter_reaches_the_condition()
        {
            await using var emulator = await Emulators.StartAsync();
            var waiting = emulator.State.WaitUntilAsync(s => s.CreatesAccepted == 2, Patience);
            Assert.False(waiting.IsCompleted);

            await CreateJobAsync(emulator);
            Assert.False(waiting.IsCompleted, "completed after one create, though it waits for two");
            await CreateJobAsync(emulator);
            await waiting.WaitAsync(Prompt);
        }

        [Fact]
        public async Task WaitUntilAsync_also_wakes_on_recordings()
        {
            await using var emulator = await Emulators.StartAsync();
            var waiting = emulator.State.WaitUntilAsync(s => s.CdnRequests.Count == 1, Patience);
            using var missing = await DownloadAsync(emulator, "no-such-job");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            await waiting.WaitAsync(Prompt);
        }

        [Fact]
        public async Task WaitUntilAsync_returns_at_once_when_the_condition_already_holds()
        {
            await using var emulator = await Emulators.StartAsync();
            Assert.True(emulator.State.WaitUntilAsync(s => s.CreatesReceived == 0, TimeSpan.Zero).IsCompletedSuccessfully);
        }

        [Fact]
        public async Task WaitUntilAsync_times_out_with_a_message_naming_the_counts()
        {
            await using var emulator = await Emulators.StartAsync(o => o.Balance = 1m);
            await CreateJobAsync(emulator);
            var error = await Assert.ThrowsAsync<TimeoutException>(() => emulator.State.WaitUntilAsync(s => s.CreatesAccepted == 5, TimeSpan.FromMilliseconds(100)));
            Assert.Contains("100 ms", error.Message);
            Assert.Contains("createsReceived 1, createsAccepted 1, createsRefused 0", error.Message);
            Assert.Contains("balanceRemaining 0.725", error.Message);
        }

        [Fact]
        public async Task The_wait_endpoint_answers_the_stats_once_the_counts_are_reached()
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", "429");
            var waiting = WireClient.GetAsync(new Uri(emulator.BaseUri, "/_emulator/wait?createsAccepted=1&createsRefused=1&timeoutMs=10000"));
            using (var refused = await CreateAsync(emulator)) Assert.Equal((HttpStatusCode)429, refused.StatusCode);
            await CreateJobAsync(emulator);

            using var response = await waiting;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var stats = await JsonOfAsync(response);
            Assert.Equal(1, stats.RootElement.GetProperty("createsAccepted").GetInt32());
            Assert.Equal(1, stats.RootElement.GetProperty("createsRefused").GetInt32());
            Assert.Equal(2, stats.RootElement.GetProperty("createsReceived").GetInt32());
        }

        [Fact]
        public async Task The_wait_endpoint_answers_408_with_the_stats_when_time_runs_out()
        {
            await using var emulator = await Emulators.StartAsync();
            await CreateJobAsync(emulator);
            using var response = await WireClient.GetAsync(new Uri(emulator.BaseUri, "/_emulator/wait?createsReceived=1&queriesReceived=1&timeoutMs=100"));
            Assert.Equal(HttpStatusCode.RequestTimeout, response.StatusCode);
            using var stats = await JsonOfAsync(response);
            Assert.Equal(1, stats.RootElement.GetProperty("createsReceived").GetInt32());
            Assert.Equal(0, stats.RootElement.GetProperty("queriesReceived").GetInt32());
        }

        [Theory]
        [InlineData("/_emulator/wait?createsAcepted=1")]
        [InlineData("/_emulator/wait?createsAccepted=x")]
        [InlineData("/_emulator/wait?createsAccepted=-1")]
        [InlineData("/_emulator/wait?timeoutMs=10")]
        [InlineData("/_emulator/wait")]
        public async Task The_wait_endpoint_refuses_a_name_it_does_not_know_or_a_bad_number(string pathAndQuery)
        {
            await using var emulator = await Emulators.StartAsync();
            using var response = await WireClient.GetAsync(new Uri(emulator.BaseUri, pathAndQuery));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.StartsWith("{\"code\":400,", await response.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task The_wait_endpoint_counts_downloads_and_cdn_requests()
        {
            await using var emulator = await Emulators.StartAsync(o => o.JobDuration = TimeSpan.Zero);
            var id = await CreateJobAsync(emulator);
            var waiting = WireClient.GetAsync(new Uri(emulator.BaseUri, "/_emulator/wait?downloadsServed=1&cdnRequests=2&timeoutMs=10000"));
            (await DownloadAsync(emulator, "no-such-job")).Dispose();
            (await DownloadAsync(emulator, id)).Dispose();
            using var response = await waiting;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        [Fact]
        public async Task The_wait_endpoint_waits_for_a_count_to_fall_when_named_at_most()
        {
            // A create held by the create delay on a test clock stays in flight until the test moves the clock.
            var clock = new WatchedClock();
            await using var emulator = await Emulators.StartAsync(clock, o => o.CreateDelay = TimeSpan.FromSeconds(5));
            var sending = CreateAsync(emulator);
            await emulator.State.WaitUntilAsync(s => s.CreatesInFlight == 1, Patience);

            using (var held = await WireClient.GetAsync(new Uri(emulator.BaseUri, "/_emulator/wait?createsInFlightAtMost=0&timeoutMs=100")))
            {
                Assert.Equal(HttpStatusCode.RequestTimeout, held.StatusCode);
                using var stats = await JsonOfAsync(held);
                Assert.Equal(1, stats.RootElement.GetProperty("createsInFlight").GetInt32());
            }

            await clock.TimerStartedAsync(TimeSpan.FromSeconds(5), Patience);
            clock.Advance(TimeSpan.FromSeconds(5));
            (await sending.WaitAsync(Patience)).Dispose();
            using var done = await WireClient.GetAsync(new Uri(emulator.BaseUri, "/_emulator/wait?createsInFlightAtMost=0&createsAccepted=1&timeoutMs=30000"));
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        }
    }
}
