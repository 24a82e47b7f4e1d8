using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    /// <summary>Stopping a command (Ctrl+C, Stop() on a hosted pipeline) never pays for what was stopped and never loses what was paid.</summary>
    public class StopTests : CmdletTest
    {
        [Fact]
        public async Task A_stop_while_creates_wait_out_a_retry_after_sends_nothing_more()
        {
            for (var i = 0; i < 6; i++) Folder.Png($"p{i}.png");
            // Told to come back in 300 s: the command can only end soon by cancelling that wait, and whatever waits
            // would resend only after the test is long over, so no sleep is needed to see that nothing else goes out.
            Emulator.EnqueueFaults("create", Enumerable.Repeat("429:300", 20).ToArray());
            var stoppedAt = -1;
            Task? stopper = null;
            var running = RunAsync("New-ViduVideoJob @Api -Image p*.png -Prompt x -ThrottleLimit 4", started: shell =>
                stopper = Task.Run(async () =>
                {
                    await Emulator.State.WaitUntilAsync(s => s.CreatesReceived >= 1 && s.CreatesInFlight == 0, TimeSpan.FromSeconds(60));
                    await shell.StopAsync(null, null);
                    stoppedAt = Emulator.State.CreatesReceived;
                }));
            Assert.Same(running, await Task.WhenAny(running, Task.Delay(TimeSpan.FromSeconds(120))));
            var run = await running;
            // The pipeline may end before the stopper has read the count after its stop returned.
            await stopper!;
            Assert.IsAssignableFrom<PipelineStoppedException>(run.Terminating);
            Assert.Equal(1, stoppedAt);
            Assert.Equal(1, Emulator.State.CreatesReceived);
            Assert.Equal(0, Emulator.State.CreatesAccepted);
        }

        [Fact]
        public async Task A_stop_with_creates_slower_than_the_timeout_leaves_them_unconfirmed_in_the_history()
        {
            foreach (var name in new[] { "a.png", "b.png", "c.png", "d.png" }) Folder.Png(name);
            // The first create returns; the next three are made by the server at once and answered after 30 s.
            Emulator.EnqueueFaults("create", "pass", "late:30000", "late:30000", "late:30000");
            var run = await RunAsync("New-ViduVideoJob @Api -Image a.png, b.png, c.png, d.png -Prompt x -ThrottleLimit 3 -TimeoutSec 2", started: shell =>
                Task.Run(async () =>
                {
                    await Emulator.State.WaitUntilAsync(s => s.CreatesAccepted >= 4, TimeSpan.FromSeconds(60));
                    await shell.StopAsync(null, null);
                }));
            Assert.IsAssignableFrom<PipelineStoppedException>(run.Terminating);
            var listed = new JobStore(HistoryPath).Read(HistoryQuery.All).Jobs;
            Assert.Single(listed, j => j.JobId.Length > 0);
            var unconfirmed = listed.Where(j => j.Status == JobStatus.Unconfirmed).Select(j => System.IO.Path.GetFileName(j.Image!)).OrderBy(x => x);
            Assert.Equal(new[] { "b.png", "c.png", "d.png" }, unconfirmed);
            var listing = Run("Get-ViduVideoJob @Api -NoRefresh");
            Assert.Contains(listing.Warnings, w => w.Contains("3 create(s) are Unconfirmed") && w.Contains("dashboard"));
        }

        [Fact]
        public void A_downstream_command_that_wants_one_job_pays_for_one()
        {
            for (var i = 0; i < 10; i++) Folder.Png($"p{i}.png");
            // 'break' ends the pipeline from downstream, as Select-Object -First does: New-ViduVideoJob is not stopped, it is cut off.
            var run = Run("do { New-ViduVideoJob @Api -Image p*.png -Prompt x -ThrottleLimit 4 | ForEach-Object { $_; break } } while ($false)");
            Assert.Single(run.OutputOf<VideoJob>());
            Assert.Equal(1, Emulator.State.CreatesReceived);
            Assert.Single(new JobStore(HistoryPath).Read(HistoryQuery.All).Jobs);
        }
    }
}
