using System;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    /// <summary>Nothing the user paid for is lost or replaced by something that is not the video.</summary>
    public class SaveEdgeTests : CmdletTest
    {
        private string Videos => Folder.File("videos");

        private const string FinishedJob = "$job = New-ViduVideoJob @Api -Image cat.png -Prompt x | Wait-ViduVideoJob @Api -PollInterval 0.2; ";

        [Fact]
        public void An_html_page_where_the_video_should_be_is_never_saved_and_a_fresh_link_is_asked_for()
        {
            Folder.Png("cat.png");
            Emulator.EnqueueFaults("download", "html");
            var run = Run(FinishedJob + "$job | Save-ViduVideo @Api -Path videos");
            Assert.Empty(run.Errors);
            var saved = Assert.Single(run.OutputOf<FileInfo>());
            Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(saved.FullName), 4, 4));
        }

        [Theory]
        [InlineData("html")]
        [InlineData("html-as-video")]
        public void A_result_host_that_keeps_sending_a_page_leaves_no_file_and_the_job_stays_unsaved(string fault)
        {
            Folder.Png("cat.png");
            Emulator.EnqueueFaults("download", fault, fault);
            var run = Run(FinishedJob + "$job | Save-ViduVideo @Api -Path videos");
            AssertErrorId(run, "ShortApi.DownloadFailed");
            Assert.Matches("instead of a video|does not start like a video", run.Errors.Single().ToString());
            Assert.False(Directory.Exists(Videos) && Directory.EnumerateFileSystemEntries(Videos).Any());
            Assert.Single(Run("Get-ViduVideoJob @Api -Unsaved -NoRefresh").OutputOf<VideoJob>());
        }

        [Fact]
        public void Saving_the_same_jobs_again_is_not_an_error_and_downloads_nothing_new()
        {
            Folder.Png("cat.png");
            var run = Run(FinishedJob + "$first = $job | Save-ViduVideo @Api -Path videos; $served = $Emulator.State.DownloadsServed; " +
                          "$job | Save-ViduVideo @Api -Path videos; $Emulator.State.DownloadsServed - $served",
                new System.Collections.Generic.Dictionary<string, object?> { ["Emulator"] = Emulator });
            Assert.Empty(run.Errors);
            Assert.Single(run.OutputOf<FileInfo>());
            Assert.Equal(0, run.OutputOf<int>().Single());
        }

        [Fact]
        public void A_job_read_back_from_a_file_whose_video_is_already_there_counts_as_saved_even_without_a_history()
        {
            Folder.Png("cat.png");
            var first = Run(FinishedJob + "$null = $job | Save-ViduVideo @Api -Path videos; $job.JobId");
            Assert.Empty(first.Errors);
            var id = first.OutputOf<string>().Single();
            // As Import-Csv would give it back, saved by a run whose history is not here.
            var again = Run("[pscustomobject]@{ JobId = $Id; Image = 'cat.png' } | Save-ViduVideo -BaseUri $Base -ApiKey $Key -NoHistory -Path videos -PollInterval 0.2",
                new System.Collections.Generic.Dictionary<string, object?> { ["Id"] = id });
            Assert.Empty(again.Errors);
            Assert.Single(again.OutputOf<FileInfo>());
            Assert.Single(Directory.GetFiles(Videos));
        }

        [Fact]
        public void A_folder_in_the_way_is_a_save_error_and_nothing_is_downloaded()
        {
            Folder.Png("cat.png");
            Directory.CreateDirectory(Path.Combine(Videos, "cat.mp4"));
            var run = Run(FinishedJob + "$job | Save-ViduVideo @Api -Path videos");
            AssertErrorId(run, "ShortApi.SaveFailed");
            Assert.Equal(0, Emulator.State.DownloadsServed);
        }

        [Fact]
        public void A_name_too_long_for_the_file_system_is_a_save_error_that_is_not_retried_as_a_network_fault()
        {
            Folder.Png("cat.png");
            var run = Run(FinishedJob + "$job | Save-ViduVideo @Api -Path videos -NameTemplate ('{Name}' + ('x' * 300)) -MaximumRetryCount 5 -RetryIntervalSec 0.05");
            AssertErrorId(run, "ShortApi.SaveFailed");
            Assert.True(Emulator.State.DownloadsServed <= 1, $"downloaded {Emulator.State.DownloadsServed} times");
        }

        [Fact]
        public async Task After_a_stop_every_video_under_its_final_name_is_recorded_as_saved()
        {
            for (var i = 0; i < 6; i++) Folder.Png($"p{i}.png");
            Emulator.EnqueueFaults("download", "pass", "pass", "pass", "slow:30000", "slow:30000", "slow:30000");
            var run = await RunAsync("New-ViduVideoJob @Api -Image p*.png -Prompt x | Save-ViduVideo @Api -Path videos -PollInterval 0.2 -ThrottleLimit 6", started: shell =>
                Task.Run(async () =>
                {
                    await Emulator.State.WaitUntilAsync(s => s.DownloadsServed >= 3 && s.CdnRequests.Count >= 6, TimeSpan.FromSeconds(60));
                    await shell.StopAsync(null, null);
                }));
            Assert.NotNull(run.Terminating);
            var onDisk = Directory.GetFiles(Videos, "*.mp4").OrderBy(x => x).ToList();
            var recorded = new JobStore(HistoryPath).Read(HistoryQuery.All).Jobs.Where(j => j.SavedPath != null).Select(j => j.SavedPath!).OrderBy(x => x).ToList();
            Assert.Equal(onDisk, recorded);
            Assert.Empty(Directory.GetFiles(Videos, "*.partial"));
            // The resume line collects exactly what is missing, with no FileExists for what was saved before the stop.
            var resume = Run("Get-ViduVideoJob @Api -LastBatch -Unsaved | Save-ViduVideo @Api -Path videos -PollInterval 0.2");
            Assert.Empty(resume.Errors);
            Assert.Equal(6, Directory.GetFiles(Videos, "*.mp4").Length);
        }
    }
}
