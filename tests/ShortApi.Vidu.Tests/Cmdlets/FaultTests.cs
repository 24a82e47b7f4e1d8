using System.Linq;
using System.Management.Automation;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    public class FaultTests : CmdletTest
    {
        [Fact]
        public void A_wrong_key_stops_submitting_after_the_first_create_and_each_other_picture_says_it_was_not_sent()
        {
            for (var i = 0; i < 6; i++) Folder.Png($"p{i}.png");
            var run = Run("New-ViduVideoJob -BaseUri $Base -ApiKey 'sk-not-the-key' -NoHistory -Image *.png -Prompt x -ThrottleLimit 2");
            Assert.Null(run.Terminating);
            var refused = Assert.Single(run.Errors, e => e.FullyQualifiedErrorId.StartsWith("ShortApi.Unauthorized"));
            Assert.Equal(ErrorCategory.AuthenticationError, refused.CategoryInfo.Category);
            Assert.Equal(5, run.Errors.Count(e => e.FullyQualifiedErrorId.StartsWith("ShortApi.NotSent")));
            Assert.DoesNotContain("sk-not-the-key", run.AllText);
            // The first create goes alone, so a refused key costs exactly one request.
            Assert.Equal(1, Emulator.State.CreatesReceived);
        }

        [Fact]
        public void A_wrong_key_also_ends_a_wait()
        {
            var record = RunTerminating("Wait-ViduVideoJob -BaseUri $Base -ApiKey 'sk-not-the-key' -NoHistory -JobId abc -PollInterval 0.1");
            Assert.StartsWith("ShortApi.Unauthorized", record.FullyQualifiedErrorId);
        }

        [Fact]
        public void An_ambiguous_create_failure_is_reported_once_not_resent_and_the_batch_goes_on()
        {
            Folder.Png("a.png");
            Folder.Png("b.png");
            Emulator.EnqueueFaults("create", "gateway:502");
            var run = Run("'a.png','b.png' | New-ViduVideoJob @Api -Prompt x -ThrottleLimit 1");
            AssertErrorId(run, "ShortApi.CreateOutcomeUnknown");
            Assert.Contains("may or may not exist", run.Errors.Single().ToString());
            Assert.Equal(Folder.File("a.png"), run.Errors.Single().TargetObject);
            Assert.Single(run.OutputOf<VideoJob>());
            Assert.Equal(2, Emulator.State.CreatesReceived);
        }

        [Fact]
        public void Every_retry_is_visible_in_verbose()
        {
            Folder.Png("a.png");
            Emulator.EnqueueFaults("create", "503", "429");
            var run = Run("New-ViduVideoJob @Api -Image a.png -Prompt x -RetryIntervalSec 0.05 -Verbose");
            Assert.Single(run.OutputOf<VideoJob>());
            Assert.Equal(2, run.Verbose.Count(v => v.Contains("Retrying in")));
            Assert.Contains(run.Verbose, v => v.Contains("(attempt 3)"));
        }

        [Theory]
        [InlineData("html", "ShortApi.InvalidResponse")]
        [InlineData("truncated", "ShortApi.InvalidResponse")]
        [InlineData("empty", "ShortApi.InvalidResponse")]
        [InlineData("code:5001:info", "ShortApi.ServiceError")]
        public void Bad_answers_become_specific_errors_and_the_session_goes_on(string fault, string errorId)
        {
            Emulator.EnqueueFaults("query", fault, fault);
            var run = Run("Get-ViduVideoJob @Api -JobId abc -MaximumRetryCount 1 -RetryIntervalSec 0.05; 'still here'");
            AssertErrorId(run, errorId);
            Assert.Equal("still here", run.Output.Last().BaseObject);
        }

        [Fact]
        public void A_very_slow_answer_ends_at_the_request_timeout()
        {
            Emulator.EnqueueFaults("query", "slow:10000", "slow:10000");
            var run = Run("Get-ViduVideoJob @Api -JobId abc -TimeoutSec 1 -MaximumRetryCount 1 -RetryIntervalSec 0.05");
            AssertErrorId(run, "ShortApi.Timeout");
            Assert.Equal(ErrorCategory.OperationTimeout, run.Errors.Single().CategoryInfo.Category);
        }
    }
}
