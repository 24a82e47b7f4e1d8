using System.Linq;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    public class WaitEdgeTests : CmdletTest
    {
        public WaitEdgeTests() : base(o => o.JobDuration = System.TimeSpan.FromSeconds(1)) { }

        [Fact]
        public void Every_job_given_to_a_wait_that_times_out_ends_as_output_or_an_error_exactly_once()
        {
            for (var i = 0; i < 12; i++) Folder.Png($"p{i}.png");
            // The jobs finish about when the time runs out: some are seen finished, some time out, none vanish.
            var run = Run("$jobs = New-ViduVideoJob @Api -Image p*.png -Prompt x -ThrottleLimit 12; $jobs | Wait-ViduVideoJob @Api -PollInterval 0.05 -Timeout 1");
            var done = run.OutputOf<VideoJob>().Select(j => j.JobId).ToList();
            var timedOut = run.Errors.Where(e => e.FullyQualifiedErrorId.StartsWith("ShortApi.WaitTimeout")).Select(e => ((VideoJob)e.TargetObject).JobId).ToList();
            Assert.Equal(12, done.Count + timedOut.Count);
            Assert.Empty(done.Intersect(timedOut));
        }

        [Fact]
        public void An_unconfirmed_create_given_to_wait_or_save_says_what_it_is_and_the_rest_go_on()
        {
            Folder.Png("a.png");
            Folder.Png("b.png");
            Emulator.EnqueueFaults("create", "pass", "gateway:502");
            Run("New-ViduVideoJob @Api -Image a.png, b.png -Prompt x");
            var run = Run("Get-ViduVideoJob @Api -LastBatch | Save-ViduVideo @Api -Path videos -PollInterval 0.2");
            AssertErrorId(run, "ShortApi.CreateUnconfirmed");
            Assert.Contains("dashboard", run.Errors.Single().ToString());
            Assert.Single(run.OutputOf<System.IO.FileInfo>());
        }
    }
}
