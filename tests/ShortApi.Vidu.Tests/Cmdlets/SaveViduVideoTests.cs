using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    public class SaveViduVideoTests : CmdletTest
    {
        private string Videos => Folder.File("videos");

        [Fact]
        public void Unfinished_jobs_are_waited_for_and_saved_under_the_pictures_names()
        {
            Folder.Png("cat.png");
            Folder.Png("dog.png");
            var run = Run("New-ViduVideoJob @Api -Image cat.png, dog.png -Prompt x | Save-ViduVideo @Api -Path videos -PollInterval 0.2");
            Assert.Empty(run.Errors);
            var files = run.OutputOf<FileInfo>().ToList();
            Assert.Equal(new[] { "cat.mp4", "dog.mp4" }, files.Select(f => f.Name).OrderBy(n => n));
            Assert.All(files, f => Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(f.FullName), 4, 4)));
            var jobIds = run.Output.Select(o => (string)o.Properties["JobId"].Value).OrderBy(x => x);
            Assert.Equal(Emulator.State.AcceptedJobIds.OrderBy(x => x), jobIds);
        }

        [Fact]
        public void The_key_never_travels_to_the_result_host()
        {
            Folder.Png("cat.png");
            Run("New-ViduVideoJob @Api -Image cat.png -Prompt x | Save-ViduVideo @Api -Path videos -PollInterval 0.2");
            Assert.NotEmpty(Emulator.State.CdnRequests);
            Assert.All(Emulator.State.CdnRequests, r => Assert.Null(r.Authorization));
        }

        [Fact]
        public void An_existing_file_is_not_overwritten_without_force()
        {
            Folder.Png("cat.png");
            Directory.CreateDirectory(Videos);
            File.WriteAllText(Path.Combine(Videos, "cat.mp4"), "keep me");
            var run = Run("$job = New-ViduVideoJob @Api -Image cat.png -Prompt x | Wait-ViduVideoJob @Api -PollInterval 0.2; $job | Save-ViduVideo @Api -Path videos");
            AssertErrorId(run, "ShortApi.FileExists");
            Assert.Equal(ErrorCategory.ResourceExists, run.Errors.Single().CategoryInfo.Category);
            Assert.Equal("keep me", File.ReadAllText(Path.Combine(Videos, "cat.mp4")));
            Assert.Empty(Directory.GetFiles(Videos, "*.partial", SearchOption.AllDirectories));

            var forced = Run("Get-ViduVideoJob @Api -JobId $((Get-ViduVideoJob -HistoryPath $History -Last 1).JobId) | Save-ViduVideo @Api -Path videos -Force");
            Assert.Empty(forced.Errors);
            Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(Path.Combine(Videos, "cat.mp4")), 4, 4));
        }

        [Fact]
        public void A_download_broken_midway_leaves_no_file_under_the_final_name()
        {
            Folder.Png("cat.png");
            Emulator.EnqueueFaults("download", "drop-half", "drop-half", "drop-half");
            var run = Run("New-ViduVideoJob @Api -Image cat.png -Prompt x | Save-ViduVideo @Api -Path videos -PollInterval 0.2 -MaximumRetryCount 2 -RetryIntervalSec 0.05");
            AssertErrorId(run, "ShortApi.DownloadFailed");
            Assert.Contains("No file was left under the final name", run.Errors.Single().ToString());
            Assert.Empty(Directory.GetFiles(Videos));
        }

        [Fact]
        public void A_download_broken_once_is_retried_and_saved_whole()
        {
            Folder.Png("cat.png");
            Emulator.EnqueueFaults("download", "drop-half");
            var run = Run("New-ViduVideoJob @Api -Image cat.png -Prompt x | Save-ViduVideo @Api -Path videos -PollInterval 0.2 -RetryIntervalSec 0.05");
            Assert.Empty(run.Errors);
            Assert.Equal(15109, Assert.Single(run.OutputOf<FileInfo>()).Length);
            Assert.Single(Directory.GetFiles(Videos));
        }

        [Fact]
        public void Two_jobs_from_one_picture_do_not_overwrite_each_other()
        {
            Folder.Png("cat.png");
            var run = Run("New-ViduVideoJob @Api -Image cat.png -Prompt 'one' ; New-ViduVideoJob @Api -Image cat.png -Prompt 'two'", null);
            var save = Run("Get-ViduVideoJob -HistoryPath $History | Save-ViduVideo @Api -Path videos -PollInterval 0.2");
            Assert.Empty(save.Errors);
            var names = save.OutputOf<FileInfo>().Select(f => f.Name).OrderBy(n => n.Length).ToList();
            Assert.Equal(2, names.Count);
            Assert.Equal("cat.mp4", names[0]);
            Assert.Matches("^cat-[0-9a-f]{32}\\.mp4$", names[1]);
        }

        [Fact]
        public void A_name_template_chooses_the_file_name()
        {
            Folder.Png("cat.png");
            var run = Run("New-ViduVideoJob @Api -Image cat.png -Prompt x -Mode turbo -Duration 3 | Save-ViduVideo @Api -Path videos -NameTemplate '{Name}_{Mode}_{Duration}s' -PollInterval 0.2");
            Assert.Equal("cat_turbo_3s.mp4", Assert.Single(run.OutputOf<FileInfo>()).Name);
        }

        [Fact]
        public void An_unknown_template_token_is_refused_before_anything_happens()
        {
            var record = RunTerminating("Save-ViduVideo @Api -JobId abc -Path videos -NameTemplate '{Nmae}'");
            Assert.StartsWith("ShortApi.InvalidNameTemplate", record.FullyQualifiedErrorId);
            Assert.Equal(0, Emulator.State.QueriesReceived);
        }

        [Fact]
        public void A_failed_job_has_no_video_and_says_so()
        {
            Folder.Png("cat.png");
            var run = Run("New-ViduVideoJob @Api -Image cat.png -Prompt 'x #fail' | Save-ViduVideo @Api -Path videos -PollInterval 0.2");
            AssertErrorId(run, "ShortApi.JobFailed");
            Assert.False(Directory.Exists(Videos) && Directory.GetFiles(Videos).Any());
        }

        [Fact]
        public void WhatIf_downloads_nothing()
        {
            Folder.Png("cat.png");
            var run = Run("New-ViduVideoJob @Api -Image cat.png -Prompt x | Wait-ViduVideoJob @Api -PollInterval 0.2 | Save-ViduVideo @Api -Path videos -WhatIf");
            Assert.Empty(run.OutputOf<FileInfo>());
            Assert.Equal(0, Emulator.State.DownloadsServed);
            Assert.False(Directory.Exists(Videos));
        }
    
        [Fact]
        public void WhatIf_for_an_unfinished_job_names_the_file_and_asks_the_service_nothing()
        {
            Folder.Png("cat.png");
            var run = Run("$job = New-ViduVideoJob @Api -Image cat.png -Prompt x; $job | Save-ViduVideo -Path videos -WhatIf -NoHistory");
            Assert.Empty(run.Errors);
            Assert.Equal(0, Emulator.State.QueriesReceived);
            Assert.False(Directory.Exists(Videos));
        }
    
        [Fact]
        public void Saving_again_what_a_job_already_saved_is_not_an_error()
        {
            Folder.Png("cat.png");
            Run("New-ViduVideoJob @Api -Image cat.png -Prompt x | Save-ViduVideo @Api -Path videos -PollInterval 0.2");
            var again = Run("Get-ViduVideoJob -HistoryPath $History -NoRefresh | Save-ViduVideo @Api -Path videos");
            Assert.Empty(again.Errors);
            Assert.Equal("cat.mp4", Assert.Single(again.OutputOf<FileInfo>()).Name);
            Assert.Equal(1, Emulator.State.DownloadsServed);
        }
    }
}
