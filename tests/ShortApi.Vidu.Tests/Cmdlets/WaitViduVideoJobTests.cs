using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    public class WaitViduVideoJobTests : CmdletTest
    {
        [Fact]
        public void The_first_result_leaves_before_the_last_input_arrives()
        {
            for (var i = 1; i <= 4; i++) Folder.Png($"p{i}.png");
            var log = new ConcurrentQueue<string>();
            var run = Run(@"
                & {
                    foreach ($i in 1..4) {
                        $job = New-ViduVideoJob @Api -Image ""p$i.png"" -Prompt x
                        $Log.Enqueue(""in $i"")
                        $job
                        [Threading.Thread]::Sleep(1300)
                    }
                } | Wait-ViduVideoJob @Api -PollInterval 0.2 | ForEach-Object { $Log.Enqueue('out') ; $_ }",
                new Dictionary<string, object?> { ["Log"] = log });
            Assert.Empty(run.Errors);
            Assert.Equal(4, run.OutputOf<VideoJob>().Count());
            var order = log.ToList();
            Assert.True(order.IndexOf("out") < order.IndexOf("in 4"), string.Join(", ", order));
            Assert.All(run.OutputOf<VideoJob>(), j => Assert.Equal(JobStatus.Succeeded, j.Status));
        }

        [Fact]
        public void Jobs_are_emitted_in_the_order_they_finish()
        {
            Folder.Png("slow.png");
            Folder.Png("fast.png");
            // Both jobs would take a minute; the emulator ends the second given first, and the first only once the
            // second has come out, so the order of finishing is certain and nothing waits on time.
            Emulator.Options.JobDuration = TimeSpan.FromSeconds(60);
            var run = Run(@"
                $slow = New-ViduVideoJob @Api -Image slow.png -Prompt x
                $fast = New-ViduVideoJob @Api -Image fast.png -Prompt x
                $null = $Emulator.FinishJob($fast.JobId)
                $slow, $fast | Wait-ViduVideoJob @Api -PollInterval 0.1 | ForEach-Object {
                    $_
                    if ($_.JobId -eq $fast.JobId) { $null = $Emulator.FinishJob($slow.JobId) }
                }",
                new Dictionary<string, object?> { ["Emulator"] = Emulator });
            Assert.Equal(new[] { "fast.png", "slow.png" }, run.OutputOf<VideoJob>().Select(j => System.IO.Path.GetFileName(j.Image!)));
        }

        [Fact]
        public void A_failed_job_is_a_non_terminating_error_whose_target_is_the_job()
        {
            Folder.Png("ok.png");
            Folder.Png("bad.png");
            var run = Run(@"
                $jobs = @(
                    New-ViduVideoJob @Api -Image ok.png -Prompt 'fine'
                    New-ViduVideoJob @Api -Image bad.png -Prompt 'doomed #fail'
                )
                $jobs | Wait-ViduVideoJob @Api -PollInterval 0.2 -ErrorVariable failed -ErrorAction SilentlyContinue
                $failed");
            var succeeded = Assert.Single(run.OutputOf<VideoJob>());
            Assert.EndsWith("ok.png", succeeded.Image);
            var failure = Assert.Single(run.OutputOf<ErrorRecord>());
            Assert.StartsWith("ShortApi.JobFailed", failure.FullyQualifiedErrorId);
            var target = Assert.IsType<VideoJob>(failure.TargetObject);
            Assert.EndsWith("bad.png", target.Image);
            Assert.Equal(JobStatus.Failed, target.Status);
            Assert.Contains("emulated failure", failure.ToString());
        }

        [Fact]
        public void Timeout_writes_one_operation_timeout_per_unfinished_job_and_emits_nothing()
        {
            Emulator.Options.JobDuration = TimeSpan.FromSeconds(60);
            Folder.Png("a.png");
            Folder.Png("b.png");
            var run = Run("New-ViduVideoJob @Api -Image a.png, b.png -Prompt x | Wait-ViduVideoJob @Api -PollInterval 0.2 -Timeout 1");
            Assert.Empty(run.OutputOf<VideoJob>());
            Assert.Equal(2, run.Errors.Count(e => e.FullyQualifiedErrorId.StartsWith("ShortApi.WaitTimeout")));
            Assert.All(run.Errors, e => Assert.Equal(ErrorCategory.OperationTimeout, e.CategoryInfo.Category));
            Assert.All(run.Errors, e => Assert.IsType<VideoJob>(e.TargetObject));
        }

        [Fact]
        public void Any_returns_after_the_first_job_finishes()
        {
            Folder.Png("quick.png");
            Folder.Png("never.png");
            var run = Run(@"
                $jobs = @(
                    New-ViduVideoJob @Api -Image never.png -Prompt 'stuck #status=7'
                    New-ViduVideoJob @Api -Image quick.png -Prompt 'fine'
                )
                $jobs | Wait-ViduVideoJob @Api -Any -PollInterval 0.2 -Timeout 20");
            var job = Assert.Single(run.OutputOf<VideoJob>());
            Assert.EndsWith("quick.png", job.Image);
            Assert.Empty(run.Errors);
        }

        [Fact]
        public void An_undocumented_status_is_waited_on_with_a_warning()
        {
            Folder.Png("odd.png");
            var run = Run("New-ViduVideoJob @Api -Image odd.png -Prompt 'odd #status=7' | Wait-ViduVideoJob @Api -PollInterval 0.2 -Timeout 3");
            Assert.Contains(run.Warnings, w => w.Contains("status 7"));
            AssertErrorId(run, "ShortApi.WaitTimeout");
            Assert.Empty(run.OutputOf<VideoJob>());
        }

        [Fact]
        public void A_succeeded_answer_without_a_url_is_asked_again()
        {
            Folder.Png("cat.png");
            var run = Run(@"
                $job = New-ViduVideoJob @Api -Image cat.png -Prompt x
                $null = $Emulator.FinishJob($job.JobId)
                $Emulator.EnqueueFaults('query', 'nourl')
                $job | Wait-ViduVideoJob @Api -PollInterval 0.2 -Timeout 10",
                new Dictionary<string, object?> { ["Emulator"] = Emulator });
            Assert.NotNull(Assert.Single(run.OutputOf<VideoJob>()).VideoUrl);
            Assert.Contains(run.Warnings, w => w.Contains("no video URL"));
        }

        [Fact]
        public async Task Stopping_ends_the_wait_and_leaves_no_poller_behind()
        {
            Emulator.Options.JobDuration = TimeSpan.FromSeconds(120);
            Folder.Png("cat.png");
            var run = await RunAsync("New-ViduVideoJob @Api -Image cat.png -Prompt x | Wait-ViduVideoJob @Api -PollInterval 0.1", started: shell =>
            {
                Task.Run(async () =>
                {
                    await Emulator.State.WaitUntilAsync(s => s.QueriesReceived >= 3, TimeSpan.FromMinutes(1));
                    await shell.StopAsync(null, null);
                });
            });
            Assert.IsAssignableFrom<PipelineStoppedException>(run.Terminating);
            // The watch's loop for this emulator has ended, so no query can follow (its queries in flight end first).
            var endpoint = Emulator.BaseUri;
            // A condition with patience, not a time bound: it returns the moment the loop is gone.
            Assert.True(System.Threading.SpinWait.SpinUntil(() => ShortApi.Vidu.Watching.JobWatch.LoopsPolling(endpoint) == 0, TimeSpan.FromMinutes(1)),
                "a watch loop still polls the emulator after the stop");
        }

        [Fact]
        public void Jobs_read_back_from_a_file_still_pipe_in_by_job_id()
        {
            Folder.Png("cat.png");
            var run = Run(@"
                $job = New-ViduVideoJob @Api -Image cat.png -Prompt x
                [pscustomobject]@{ JobId = $job.JobId; Image = $job.Image } | Wait-ViduVideoJob @Api -PollInterval 0.2");
            var job = Assert.Single(run.OutputOf<VideoJob>());
            Assert.EndsWith("cat.png", job.Image);
            Assert.Equal(JobStatus.Succeeded, job.Status);
        }

        [Fact]
        public void Several_creates_are_in_flight_at_once_up_to_the_throttle()
        {
            Emulator.Options.CreateDelay = TimeSpan.FromMilliseconds(400);
            for (var i = 0; i < 10; i++) Folder.Png($"p{i}.png");
            var run = Run("New-ViduVideoJob @Api -Image *.png -Prompt x -ThrottleLimit 3 -NoHistory");
            Assert.Equal(10, run.OutputOf<VideoJob>().Count());
            // The emulator counts the most creates it held at once: three, never more, and the throttle was used.
            Assert.Equal(3, Emulator.State.CreatesInFlightPeak);
        }
    }
}
