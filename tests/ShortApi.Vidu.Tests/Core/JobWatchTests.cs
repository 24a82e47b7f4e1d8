using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Pipeline;
using ShortApi.Vidu.Tests.Support;
using ShortApi.Vidu.Watching;
using ShortApi.Vidu.Wire;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    public class JobWatchTests
    {
        private static Task<CreatedJob> Create(ApiClient client) =>
            client.CreateJobAsync(new CreateJobRequest(ImageReference.FromUrl("https://example.com/a.png"), "x"), CancellationToken.None);

        // A finished job within the patience given (a generous bound for an event that must come, not a timing).
        private static async Task<WatchResult> Take(JobWatch watch, TimeSpan patience)
        {
            using var cancel = new CancellationTokenSource(patience);
            return await watch.TakeAsync(cancel.Token);
        }

        private static JobWatch Watch(ApiClient client, double pollSeconds) =>
            new JobWatch(client, new JobWatchOptions { PollInterval = TimeSpan.FromSeconds(pollSeconds) }, NoJobEvents.Instance, CancellationToken.None);

        [Fact]
        public async Task A_job_dated_in_the_future_is_still_watched_at_once()
        {
            await using var emulator = await Emulators.StartAsync(o => o.JobDuration = TimeSpan.FromMilliseconds(200));
            var client = emulator.Client();
            var created = await Create(client);
            // A clock ahead, or a date misread from a file in another culture.
            var job = new VideoJob(created.JobId) { CreatedAt = DateTimeOffset.UtcNow.AddDays(40) };
            using var watch = Watch(client, 0.2);
            watch.Add(job);
            var result = await Take(watch, TimeSpan.FromSeconds(30));
            Assert.True(result!.Succeeded);
        }

        [Fact]
        public async Task A_job_whose_answers_keep_failing_is_asked_again_not_dropped()
        {
            await using var emulator = await Emulators.StartAsync(o => o.JobDuration = TimeSpan.FromMilliseconds(200));
            var client = emulator.Client(retries: 0);
            var created = await Create(client);
            emulator.EnqueueFaults("query", "html", "truncated", "500", "empty");
            using var watch = Watch(client, 0.1);
            watch.Add(new VideoJob(created.JobId));
            var result = await Take(watch, TimeSpan.FromSeconds(60));
            Assert.True(result!.Succeeded);
            Assert.True(emulator.State.QueriesReceived >= 5);
        }

        [Fact]
        public async Task Jobs_handed_out_are_snapshots_that_polling_never_changes()
        {
            await using var emulator = await Emulators.StartAsync(o => o.JobDuration = TimeSpan.FromMilliseconds(300));
            var client = emulator.Client();
            var given = new VideoJob((await Create(client)).JobId) { Status = JobStatus.Queued };
            using var watch = Watch(client, 0.05);
            watch.Add(given);
            var result = await Take(watch, TimeSpan.FromSeconds(30));
            Assert.Equal(JobStatus.Queued, given.Status);
            Assert.Empty(given.VideoUrls);
            Assert.NotSame(given, result!.Job);
            Assert.Equal(JobStatus.Succeeded, result.Job.Status);
        }

        [Fact]
        public async Task Stopping_then_taking_then_listing_the_rest_accounts_for_every_job_exactly_once()
        {
            // Jobs finish all around the moment the wait is stopped: each must end up taken or remaining, never both,
            // never neither (a job finishing between "take" and "list the rest" used to vanish). The emulator runs on a
            // test clock: jobs are made 10 ms apart, and each round moves the clock further just as it stops, so the
            // polling already under way discovers a different number of endings while the stop happens.
            var clock = new FakeTimeProvider();
            await using var emulator = await Emulators.StartAsync(clock, o => o.JobDuration = TimeSpan.FromMilliseconds(100));
            var client = emulator.Client();
            for (var round = 0; round < 8; round++)
            {
                var ids = new List<string>();
                for (var i = 0; i < 12; i++)
                {
                    ids.Add((await Create(client)).JobId);
                    clock.Advance(TimeSpan.FromMilliseconds(10));
                }
                using var watch = Watch(client, 0.02);
                foreach (var id in ids) watch.Add(new VideoJob(id));
                var queriesBefore = emulator.State.QueriesReceived;
                await emulator.State.WaitUntilAsync(s => s.QueriesReceived > queriesBefore, TimeSpan.FromSeconds(30));
                clock.Advance(TimeSpan.FromMilliseconds(round * 15));
                await watch.StopPollingAsync(TimeSpan.FromSeconds(30));
                var taken = new List<string>();
                while (watch.TryTake(out var result)) taken.Add(result!.Job.JobId);
                var remaining = watch.Remaining().Select(j => j.JobId).ToList();
                Assert.Empty(taken.Intersect(remaining));
                Assert.Equal(ids.OrderBy(x => x), taken.Concat(remaining).OrderBy(x => x));
            }
        }

        [Fact]
        public async Task The_watch_asks_on_its_own_clock_one_interval_apart_and_never_sooner()
        {
            // The emulator and the watch share a test clock, so nothing moves unless the test moves it. A job made now is
            // first asked about one interval later (less up to 10 % jitter), then once per interval until it is done.
            var clock = new WatchedClock();
            await using var emulator = await Emulators.StartAsync(clock, o => o.JobDuration = TimeSpan.FromSeconds(25));
            var client = emulator.Client();
            var created = await Create(client);
            using var watch = new JobWatch(client, new JobWatchOptions { PollInterval = TimeSpan.FromSeconds(10), Clock = clock },
                NoJobEvents.Instance, CancellationToken.None);
            watch.Add(new VideoJob(created.JobId) { CreatedAt = clock.GetUtcNow() });
            for (var query = 1; query <= 3; query++)
            {
                var now = clock.GetUtcNow();
                await clock.TimerStartedAsync((at, due) => at == now && due >= TimeSpan.FromSeconds(9) && due <= TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1));
                clock.Advance(TimeSpan.FromSeconds(8.9));
                Assert.Equal(query - 1, emulator.State.QueriesReceived); // not one query before its time
                clock.Advance(TimeSpan.FromSeconds(1.1));
                await emulator.State.WaitUntilAsync(s => s.QueriesReceived == query, TimeSpan.FromMinutes(1));
            }
            var result = await Take(watch, TimeSpan.FromMinutes(1));
            Assert.True(result!.Succeeded);
            Assert.Equal(3, emulator.State.QueriesReceived);
            Assert.Equal(clock.GetUtcNow(), result.Job.CompletedAt); // dated by the watch's clock, not the machine's
        }

        [Fact]
        public async Task Every_change_of_state_is_one_history_event()
        {
            await using var emulator = await Emulators.StartAsync(o => o.JobDuration = TimeSpan.FromMilliseconds(300));
            var client = emulator.Client();
            using var folder = new TestFolder();
            var store = new JobStore(folder.File("history.jsonl"));
            var job = new VideoJob((await Create(client)).JobId) { Status = JobStatus.Queued };
            store.Accepted("", job);
            using var watch = new JobWatch(client, new JobWatchOptions { PollInterval = TimeSpan.FromMilliseconds(50) }, store, CancellationToken.None);
            watch.Add(job);
            await Take(watch, TimeSpan.FromSeconds(30));
            var recorded = store.Read(HistoryQuery.All).Jobs.Single();
            Assert.Equal(JobStatus.Succeeded, recorded.Status);
            Assert.NotNull(recorded.VideoUrl);
        }
    }
}
