using System.Linq;
using ShortApi.Vidu.Tests.Support;
using ShortApi.Vidu.Transport;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    public class WaitOptionsTests : CmdletTest
    {
        [Fact]
        public void IncludeFailed_emits_failed_jobs_as_objects_that_survive_SilentlyContinue()
        {
            Folder.Png("a.png");
            Folder.Png("b.png");
            var run = Run("[pscustomobject]@{ Image = 'a.png'; Prompt = 'fine' }, [pscustomobject]@{ Image = 'b.png'; Prompt = 'x #fail' } | New-ViduVideoJob @Api | " +
                          "Wait-ViduVideoJob @Api -PollInterval 0.1 -IncludeFailed -ErrorAction SilentlyContinue");
            Assert.Empty(run.Errors);
            var failed = Assert.Single(run.OutputOf<VideoJob>(), j => j.Status == JobStatus.Failed);
            Assert.Contains("#fail", failed.Error);
            Assert.Single(run.OutputOf<VideoJob>(), j => j.Status == JobStatus.Succeeded);
        }

        [Fact]
        public void Without_IncludeFailed_a_failed_job_is_an_error_whose_target_is_the_job()
        {
            Folder.Png("b.png");
            var run = Run("New-ViduVideoJob @Api -Image b.png -Prompt 'x #fail' | Wait-ViduVideoJob @Api -PollInterval 0.1 -ErrorVariable failed -ErrorAction SilentlyContinue; $failed.TargetObject");
            Assert.Equal(JobStatus.Failed, Assert.Single(run.OutputOf<VideoJob>()).Status);
        }

        [Fact]
        public void MaxQueryRate_holds_only_while_the_command_runs()
        {
            Folder.Png("a.png");
            var limiter = RequestRateLimiter.ForEndpoint(Wire.ApiEndpoint.Parse(Emulator.BaseUri.AbsoluteUri, "test"));
            Run("New-ViduVideoJob @Api -Image a.png -Prompt x | Wait-ViduVideoJob @Api -PollInterval 0.1 -MaxQueryRate 3");
            Assert.Equal(RequestRateLimiter.DefaultRatePerSecond, limiter.RatePerSecond);
        }
    }
}
