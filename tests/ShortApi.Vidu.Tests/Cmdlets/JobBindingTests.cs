using System.Linq;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    /// <summary>Only objects that are jobs bind as jobs: a process's Id is never taken for a job id.</summary>
    public class JobBindingTests : CmdletTest
    {
        [Theory]
        [InlineData("Wait-ViduVideoJob @Api -PollInterval 0.1")]
        [InlineData("Save-ViduVideo @Api -Path videos -PollInterval 0.1")]
        [InlineData("Get-ViduVideoJob @Api")]
        public void An_object_that_is_not_a_job_is_refused_and_the_service_is_not_asked(string command)
        {
            var run = Run("[System.Diagnostics.Process]::GetCurrentProcess(), [pscustomobject]@{ Id = 'abc' } | " + command);
            Assert.Equal(2, run.Errors.Count(e => e.FullyQualifiedErrorId.StartsWith("ShortApi.NotAJob")));
            Assert.Contains("System.Diagnostics.Process", run.Errors[0].ToString());
            Assert.Equal(0, Emulator.State.QueriesReceived);
        }

        [Fact]
        public void Jobs_ids_and_objects_with_a_JobId_all_bind()
        {
            Folder.Png("cat.png");
            var run = Run(@"
                $jobs = New-ViduVideoJob @Api -Image cat.png, cat.png, cat.png -Prompt x -AllowDuplicate
                $jobs[0], $jobs[1].JobId, [pscustomobject]@{ JobId = $jobs[2].JobId } | Wait-ViduVideoJob @Api -PollInterval 0.1");
            Assert.Empty(run.Errors);
            Assert.Equal(3, run.OutputOf<VideoJob>().Select(j => j.JobId).Distinct().Count());
        }

        [Fact]
        public void A_file_from_Save_ViduVideo_binds_as_its_job()
        {
            Folder.Png("cat.png");
            var run = Run("New-ViduVideoJob @Api -Image cat.png -Prompt x | Save-ViduVideo @Api -Path videos -PollInterval 0.1 | Get-ViduVideoJob @Api");
            Assert.Empty(run.Errors);
            Assert.Equal(JobStatus.Succeeded, Assert.Single(run.OutputOf<VideoJob>()).Status);
        }

        [Theory]
        [InlineData("Get-ViduVideoJob @Api")]
        [InlineData("Wait-ViduVideoJob @Api -PollInterval 0.1")]
        public void A_job_recovered_from_its_saved_file_keeps_its_mode_not_the_files_mode(string command)
        {
            // A FileInfo carries a Mode of its own (file attributes such as "-a---" or "-----"): it says nothing of the job.
            Folder.Png("cat.png");
            var run = Run("New-ViduVideoJob @Api -Image cat.png -Prompt x -Mode turbo | Wait-ViduVideoJob @Api -PollInterval 0.1 | Save-ViduVideo @Api -Path videos | " + command);
            Assert.Empty(run.Errors);
            var job = Assert.Single(run.OutputOf<VideoJob>());
            Assert.Equal("turbo", job.Mode);
            Assert.Equal("x", job.Prompt);
            Assert.EndsWith("cat.png", job.Image);
        }

        [Fact]
        public void A_saved_file_without_a_history_gives_its_job_no_mode_rather_than_the_files_mode()
        {
            Folder.Png("cat.png");
            var run = Run("New-ViduVideoJob @Api -Image cat.png -Prompt x -Mode turbo | Save-ViduVideo @Api -Path videos -PollInterval 0.1 | Get-ViduVideoJob -BaseUri $Base -ApiKey $Key -NoHistory");
            Assert.Empty(run.Errors);
            var mode = Assert.Single(run.OutputOf<VideoJob>()).Mode;
            Assert.True(mode == null || mode == "turbo", $"mode: '{mode}'");
        }

        [Fact]
        public void Job_ids_typed_on_the_command_line_still_work_by_position()
        {
            var run = Run("Get-ViduVideoJob @Api doesnotexist");
            AssertErrorId(run, "ShortApi.JobNotFound");
        }
    }
}
