using System.Linq;
using System.Management.Automation;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    public class FaultTests : CmdletTest
    {
        [Fact]
        public void A_wrong_key_ends_the_command_at_once_and_is_not_repeated_in_the_error()
        {
            for (var i = 0; i < 6; i++) Folder.Png($"p{i}.png");
            var record = RunTerminating("New-ViduVideoJob -BaseUri $Base -ApiKey 'sk-not-the-key' -NoHistory -Image *.png -Prompt x -ThrottleLimit 2");
            Assert.StartsWith("ShortApi.Unauthorized", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, record.CategoryInfo.Category);
            Assert.DoesNotContain("sk-not-the-key", record.ToString() + record.Exception);
            Assert.True(Emulator.State.CreatesReceived <= 2, "no further creates after the first refusal");
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
            Emulator.EnqueueFaults("create", "502");
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
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var run = Run("Get-ViduVideoJob @Api -JobId abc -TimeoutSec 1 -MaximumRetryCount 1 -RetryIntervalSec 0.05");
            AssertErrorId(run, "ShortApi.Timeout");
            Assert.Equal(ErrorCategory.OperationTimeout, run.Errors.Single().CategoryInfo.Category);
            Assert.True(watch.Elapsed.TotalSeconds < 8);
        }
    }
}
