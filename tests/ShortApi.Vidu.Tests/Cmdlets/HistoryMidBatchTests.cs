using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    /// <summary>A history that breaks in the middle of a batch (a disk that fills up) halts the batch: no paid create goes out without a record.</summary>
    public class HistoryMidBatchTests : CmdletTest
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
        private readonly WatchedClock _clock;

        public HistoryMidBatchTests()
            : this(new WatchedClock())
        {
        }

        private HistoryMidBatchTests(WatchedClock clock)
            : base(clock)
        {
            _clock = clock;
        }

        [Fact]
        public async Task A_history_write_that_fails_mid_batch_halts_before_the_next_create()
        {
            foreach (var name in new[] { "a.png", "b.png", "c.png" }) Folder.Png(name);
            // The first job is made at once and answered only when the test moves the emulator's clock, so the history
            // can break at a known point: after the first "sending" line, before its "created" line.
            Emulator.EnqueueFaults("create", "late:1000");
            var run = await RunAsync("New-ViduVideoJob @Api -Image a.png, b.png, c.png -Prompt x -ThrottleLimit 1", started: _ =>
                Task.Run(async () =>
                {
                    await Emulator.State.WaitUntilAsync(s => s.CreatesAccepted >= 1, Patience);
                    await _clock.TimerStartedAsync(TimeSpan.FromMilliseconds(1000), Patience);
                    File.Delete(HistoryPath);
                    Directory.CreateDirectory(HistoryPath); // every later append fails, as on a full disk
                    _clock.Advance(TimeSpan.FromMilliseconds(1000));
                }));
            Assert.Null(run.Terminating);
            var job = Assert.Single(run.OutputOf<VideoJob>());
            var halted = run.Errors.Single(e => e.FullyQualifiedErrorId.StartsWith("ShortApi.HistoryWriteFailed"));
            HistoryWriteTests.AssertHistoryError(halted, HistoryPath);
            Assert.Contains(job.JobId, halted.ErrorDetails?.Message ?? halted.Exception.Message);
            Assert.Same(job, halted.TargetObject); // the accepted job, not its picture: collecting targets to resubmit must not pay twice
            Assert.Equal(2, run.Errors.Count(e => e.FullyQualifiedErrorId.StartsWith("ShortApi.NotSent")));
            Assert.Equal(1, Emulator.State.CreatesReceived);
        }
    }
}
