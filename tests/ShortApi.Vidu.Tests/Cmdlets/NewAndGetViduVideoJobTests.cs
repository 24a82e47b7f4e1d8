using System;
using System.Linq;
using System.Text.Json;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    public class NewAndGetViduVideoJobTests : CmdletTest
    {
        [Fact]
        public void A_local_picture_becomes_a_typed_job_with_its_request_and_charge()
        {
            var path = Folder.Png("cat.png");
            var run = Run("New-ViduVideoJob @Api -Image cat.png -Prompt 'slow dolly in' -Mode turbo -Resolution 1080p -Duration 3");
            var job = Assert.Single(run.OutputOf<VideoJob>());
            Assert.Empty(run.Errors);
            Assert.Equal(Emulator.State.AcceptedJobIds.Single(), job.JobId);
            Assert.Equal(JobStatus.Queued, job.Status);
            Assert.Equal(path, job.Image);
            Assert.Equal("slow dolly in", job.Prompt);
            Assert.Equal("turbo", job.Mode);
            Assert.Equal("1080p", job.Resolution);
            Assert.Equal(3, job.Duration);
            Assert.Equal(0.275m, job.Amount);           // 0.175 + 2 × 0.05, as charged by the emulator
            Assert.Equal(job.Amount, job.EstimatedCost);
            Assert.NotNull(job.CreatedAt);
            Assert.Equal("ShortApi.Vidu.VideoJob", run.Output.Single().TypeNames[0]);

            using var body = JsonDocument.Parse(Emulator.State.RecordedRequests.Single(r => r.Method == "POST").Body!);
            Assert.Equal("3", body.RootElement.GetProperty("args").GetProperty("duration").GetString());
        }

        [Fact]
        public void Files_strings_and_objects_with_a_url_all_bind_from_the_pipeline()
        {
            Folder.Png("a.png");
            Folder.Png("b.png");
            var run = Run(@"
                $items = @(
                    [IO.FileInfo]::new([IO.Path]::Combine($Folder, 'a.png'))
                    'b.png'
                    [pscustomobject]@{ Url = 'https://example.com/c.png' }
                    [pscustomobject]@{ Image = 'https://example.com/d.png' }
                )
                $items | New-ViduVideoJob @Api -Prompt 'x'");
            Assert.Empty(run.Errors);
            var images = run.OutputOf<VideoJob>().Select(j => System.IO.Path.GetFileName(j.Image!)).OrderBy(x => x);
            Assert.Equal(new[] { "a.png", "b.png", "c.png", "d.png" }, images);
        }

        [Fact]
        public void A_wildcard_names_every_matching_file_and_a_literal_bracket_name_still_works()
        {
            Folder.Png("one.png");
            Folder.Png("two.png");
            Folder.Png("cat[1].png");
            var run = Run("New-ViduVideoJob @Api -Image *.png -Prompt x; [IO.FileInfo]::new([IO.Path]::Combine($Folder, 'cat[1].png')) | New-ViduVideoJob @Api -Prompt x");
            Assert.Empty(run.Errors);
            Assert.Equal(4, run.OutputOf<VideoJob>().Count());
        }

        [Fact]
        public void Get_by_id_refreshes_the_job_to_succeeded_with_its_video_url()
        {
            Folder.Png("cat.png");
            var run = Run(@"
                $job = New-ViduVideoJob @Api -Image cat.png -Prompt x
                [Threading.Thread]::Sleep(1500)
                $job | Get-ViduVideoJob @Api");
            var refreshed = run.OutputOf<VideoJob>().Last();
            Assert.Equal(JobStatus.Succeeded, refreshed.Status);
            Assert.Equal(2, refreshed.StatusCode);
            Assert.StartsWith(Emulator.CdnUri.AbsoluteUri, refreshed.VideoUrl);
            Assert.EndsWith("cat.png", refreshed.Image);
        }

        [Fact]
        public void A_failed_job_carries_its_error_text()
        {
            Folder.Png("cat.png");
            var run = Run(@"
                $job = New-ViduVideoJob @Api -Image cat.png -Prompt 'explode #fail'
                [Threading.Thread]::Sleep(1500)
                Get-ViduVideoJob @Api -JobId $job.JobId");
            var failed = run.OutputOf<VideoJob>().Last();
            Assert.Equal(JobStatus.Failed, failed.Status);
            Assert.Contains("emulated failure", failed.Error);
        }

        [Fact]
        public void Get_by_a_bad_or_unknown_id_writes_an_error_per_id_and_goes_on()
        {
            var run = Run("'no such/id', 'unknownjob' | Get-ViduVideoJob @Api");
            AssertErrorId(run, "ShortApi.InvalidJobId");
            AssertErrorId(run, "ShortApi.JobNotFound");
            Assert.Equal(1, Emulator.State.QueriesReceived);
        }

        [Fact]
        public void WhatIf_sends_nothing_and_names_the_estimate()
        {
            Folder.Png("cat.png");
            var run = Run("New-ViduVideoJob @Api -Image cat.png -Prompt x -WhatIf -Verbose");
            Assert.Empty(run.Output);
            AssertNothingSent();
        }
    
        [Fact]
        public async System.Threading.Tasks.Task A_stop_while_creates_are_on_the_wire_still_records_their_jobs()
        {
            Folder.Png("cat.png");
            Folder.Png("dog.png");
            Folder.Png("eel.png");
            // The first create goes alone and returns; the next two are made at once by the server but answered late.
            Emulator.EnqueueFaults("create", "pass", "late:1500", "late:1500");
            var run = await RunAsync("New-ViduVideoJob @Api -Image cat.png, dog.png, eel.png -Prompt x -ThrottleLimit 2", started: shell =>
            {
                System.Threading.Tasks.Task.Run(async () =>
                {
                    await Emulator.State.WaitUntilAsync(s => s.CreatesAccepted >= 3, TimeSpan.FromSeconds(60));
                    await shell.StopAsync(null, null);
                });
            });
            Assert.IsAssignableFrom<System.Management.Automation.PipelineStoppedException>(run.Terminating);
            // The command waited for the answers of the creates on the wire, so what the server accepted is in the
            // history by the time it returned.
            var recorded = new ShortApi.Vidu.History.JobStore(HistoryPath).Read(ShortApi.Vidu.History.HistoryQuery.All).Jobs;
            Assert.Equal(Emulator.State.AcceptedJobIds.OrderBy(x => x), recorded.Select(j => j.JobId).OrderBy(x => x));
            Assert.DoesNotContain(recorded, j => j.Status == JobStatus.Unconfirmed);
        }
    }
}
