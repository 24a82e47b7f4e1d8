using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    /// <summary>
    /// After Ctrl+C in Wait-ViduVideoJob or Save-ViduVideo the user is told how to go on: how many jobs are still
    /// waiting, how many videos are saved, and the line that collects the rest.
    /// </summary>
    public class StopResumeTests : CmdletTest
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
        private const string Resume = "Get-ViduVideoJob -LastBatch -Unsaved | Save-ViduVideo";
        private readonly FakeTimeProvider _clock;

        public StopResumeTests() : this(new FakeTimeProvider())
        {
        }

        private StopResumeTests(FakeTimeProvider clock) : base(null, clock)
        {
            _clock = clock;
        }

        [Fact]
        public async Task A_stopped_wait_names_the_jobs_still_waiting_and_the_resume_line()
        {
            var ids = TwoFinishedThreeRunning();
            var run = await RunStoppedAfter(2, "Wait-ViduVideoJob @Api -JobId $Ids -PollInterval 0.05", ids);
            Assert.Equal(2, run.OutputOf<VideoJob>().Count());
            var line = Assert.Single(run.Warnings, w => w.StartsWith("Stopped with", StringComparison.Ordinal));
            Assert.StartsWith("Stopped with 3 job(s) still waiting and 0 video(s) saved;", line);
            Assert.Contains(Resume + " collects the rest.", line);
        }

        [Fact]
        public async Task A_stopped_save_names_the_jobs_still_waiting_the_videos_saved_and_the_resume_line_for_its_folder()
        {
            var ids = TwoFinishedThreeRunning();
            var run = await RunStoppedAfter(2, "Save-ViduVideo @Api -JobId $Ids -Path videos -PollInterval 0.05", ids);
            Assert.Equal(2, run.Output.Count);
            var line = Assert.Single(run.Warnings, w => w.StartsWith("Stopped with", StringComparison.Ordinal));
            Assert.StartsWith("Stopped with 3 job(s) still waiting and 2 video(s) saved;", line);
            Assert.Contains($"{Resume} -Path '{System.IO.Path.Combine(Folder.Path, "videos")}' collects the rest.", line);
        }

        [Fact]
        public async Task Without_a_history_the_resume_line_names_the_jobs_still_waiting()
        {
            var ids = TwoFinishedThreeRunning();
            var run = await RunStoppedAfter(2, "Wait-ViduVideoJob @Api -JobId $Ids -PollInterval 0.05 -NoHistory", ids);
            var line = Assert.Single(run.Warnings, w => w.StartsWith("Stopped with", StringComparison.Ordinal));
            Assert.StartsWith("Stopped with 3 job(s) still waiting", line);
            Assert.Contains("Save-ViduVideo -JobId " + string.Join(", ", ids.Skip(2).Select(id => $"'{id}'")) + " collects the rest.", line);
        }

        // Two jobs made and finished on the emulator's clock, then three made that stay running (the clock stands still).
        private string[] TwoFinishedThreeRunning()
        {
            Run("New-ViduVideoJob @Api -Image https://example.com/a.png, https://example.com/b.png -Prompt x");
            _clock.Advance(TimeSpan.FromMinutes(1));
            Run("New-ViduVideoJob @Api -Image https://example.com/c.png, https://example.com/d.png, https://example.com/e.png -Prompt x");
            var ids = Emulator.State.AcceptedJobIds.ToArray();
            Assert.Equal(5, ids.Length);
            return ids;
        }

        // Stops the command once its pipeline has passed on `outputs` objects: synchronised on the output, not on time.
        private async Task<PowerShellRun> RunStoppedAfter(int outputs, string command, string[] ids)
        {
            using var enough = new ManualResetEventSlim(false);
            Task? stopper = null;
            var run = await RunAsync($"{command} | ForEach-Object {{ $_; if (++$seen -eq {outputs}) {{ $Enough.Set() }} }}",
                new Dictionary<string, object?> { ["Ids"] = ids, ["Enough"] = enough },
                started: shell => stopper = Task.Run(async () =>
                {
                    Assert.True(enough.Wait(Patience), "the command never passed on enough objects");
                    await shell.StopAsync(null, null);
                }));
            var stopped = await Record.ExceptionAsync(() => stopper!);
            Assert.True(stopped == null && run.Terminating is PipelineStoppedException,
                $"expected a stopped pipeline, got: {run.Terminating?.GetType().Name ?? "success"} {run.Terminating?.Message} {stopped?.Message}; errors: {string.Join(" | ", run.Errors)}; warnings: {string.Join(" | ", run.Warnings)}");
            return run;
        }
    }
}
