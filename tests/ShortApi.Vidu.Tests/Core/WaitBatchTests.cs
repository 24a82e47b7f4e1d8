using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Tests.Support;
using ShortApi.Vidu.Watching;
using ShortApi.Vidu.Wire;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>The one wait Wait-ViduVideoJob and Save-ViduVideo share: its deadline runs on the batch's clock.</summary>
    public class WaitBatchTests
    {
        [Fact]
        public async Task The_deadline_hands_out_what_finished_and_times_out_the_rest_each_exactly_once()
        {
            var clock = new WatchedClock();
            await using var emulator = await Emulators.StartAsync(clock, o => o.JobDuration = TimeSpan.FromMinutes(10));
            var client = emulator.Client();
            var done = (await client.CreateJobAsync(Requests.ByUrl(), CancellationToken.None)).JobId;
            var running = (await client.CreateJobAsync(Requests.ByUrl(), CancellationToken.None)).JobId;
            emulator.FinishJob(done);
            using var finishedOne = new ShortApi.Vidu.Outcomes.Wakeup();
            using var wait = new WaitBatch(() => client, new JobWatchOptions { PollInterval = TimeSpan.FromSeconds(5), Clock = clock, Wakeup = finishedOne },
                TimeSpan.FromSeconds(30), NoJobEvents.Instance, CancellationToken.None);

            Assert.Equal(TimeSpan.FromSeconds(1), wait.NextWait(TimeSpan.FromSeconds(1)));
            clock.Advance(TimeSpan.FromSeconds(29.5));
            Assert.Equal(TimeSpan.FromSeconds(0.5), wait.NextWait(TimeSpan.FromSeconds(1))); // never sleeps past the deadline
            Assert.False(wait.PastDeadline);

            // Jobs with no creation time are asked about at once; the finished one is seen before the time runs out.
            wait.Add(new VideoJob(done));
            wait.Add(new VideoJob(running));
            Assert.True(finishedOne.Wait(TimeSpan.FromMinutes(1), CancellationToken.None), "the finished job was handed to the batch");
            clock.Advance(TimeSpan.FromSeconds(0.5));
            Assert.True(wait.PastDeadline);
            var (finished, timedOut) = wait.EndAtDeadline(TimeSpan.FromSeconds(30));
            Assert.Equal(done, Assert.Single(finished).Job.JobId);
            Assert.Equal(running, Assert.Single(timedOut).JobId);
            Assert.Equal(0, wait.PendingCount);
            Assert.Contains("after waiting 30 s", wait.TimedOut(timedOut[0], withHistory: true).Message);
            Assert.Contains("-LastBatch -Unsaved", wait.TimedOut(timedOut[0], withHistory: true).Message);
            // Without a history, -LastBatch would find nothing: only the id is offered.
            Assert.DoesNotContain("-LastBatch", wait.TimedOut(timedOut[0], withHistory: false).Message);
        }

        [Fact]
        public void No_client_is_made_until_a_job_needs_asking_about() =>
            Assert.Equal(0, new WaitBatch(() => throw new InvalidOperationException("no client needed"), new JobWatchOptions(), null,
                NoJobEvents.Instance, CancellationToken.None).PendingCount);
    }
}
