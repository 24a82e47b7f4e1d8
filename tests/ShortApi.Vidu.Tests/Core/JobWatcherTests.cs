using System;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Wire;
using ShortApi.Vidu.Pipeline;
using ShortApi.Vidu.Transport;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Tests.Support;
using ShortApi.Vidu.Watching;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    public class JobWatcherTests
    {
        [Fact]
        public async Task A_job_dated_in_the_future_is_still_watched_at_once()
        {
            await using var emulator = await Emulators.StartAsync(o => o.JobDuration = TimeSpan.FromMilliseconds(200));
            var client = emulator.Client();
            var created = await client.CreateJobAsync(new CreateJobRequest(ImageReference.FromUrl("https://example.com/a.png"), "x"), CancellationToken.None);
            // A clock ahead, or a date misread from a file in another culture.
            var job = new VideoJob(created.JobId) { CreatedAt = DateTimeOffset.UtcNow.AddDays(40) };
            using var watcher = new JobWatcher(client, new JobWatcherOptions { PollInterval = TimeSpan.FromMilliseconds(200) }, CancellationToken.None);
            watcher.Add(job);
            Assert.True(watcher.TryTake(out var result, TimeSpan.FromSeconds(10), CancellationToken.None));
            Assert.True(result!.Succeeded);
        }

        [Fact]
        public async Task A_job_whose_answers_keep_failing_is_asked_again_not_dropped()
        {
            await using var emulator = await Emulators.StartAsync(o => o.JobDuration = TimeSpan.FromMilliseconds(200));
            var client = emulator.Client(retries: 0);
            var created = await client.CreateJobAsync(new CreateJobRequest(ImageReference.FromUrl("https://example.com/a.png"), "x"), CancellationToken.None);
            emulator.EnqueueFaults("query", "html", "truncated", "500", "empty");
            using var watcher = new JobWatcher(client, new JobWatcherOptions { PollInterval = TimeSpan.FromMilliseconds(100) }, CancellationToken.None);
            watcher.Add(new VideoJob(created.JobId));
            Assert.True(watcher.TryTake(out var result, TimeSpan.FromSeconds(20), CancellationToken.None));
            Assert.True(result!.Succeeded);
            Assert.True(emulator.State.QueriesReceived >= 5);
        }
    }
}
