using System.Linq;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    /// <summary>Never pay twice, never pay for the wrong thing, never lose what was paid.</summary>
    public class ChargeTests : CmdletTest
    {
        [Fact]
        public void A_gateway_503_after_the_job_was_made_is_not_resent_and_is_listed_as_unconfirmed()
        {
            Folder.Png("cat.png");
            Emulator.EnqueueFaults("create", "gateway:503");
            var run = Run("New-ViduVideoJob @Api -Image cat.png -Prompt x -MaximumRetryCount 5 -RetryIntervalSec 0.05");
            AssertErrorId(run, "ShortApi.CreateOutcomeUnknown");
            Assert.Equal(1, Emulator.State.CreatesReceived);
            Assert.Equal(1, Emulator.State.CreatesAccepted);
            Assert.Contains(run.Warnings, w => w.Contains("1 create(s) got no clear answer"));
            var listed = Assert.Single(new JobStore(HistoryPath).Read(HistoryQuery.All).Jobs);
            Assert.Equal(JobStatus.Unconfirmed, listed.Status);
            Assert.Equal(Folder.File("cat.png"), listed.Image);
        }

        [Fact]
        public void When_the_balance_runs_out_the_paid_jobs_go_on_to_be_saved_in_the_same_run()
        {
            for (var i = 1; i <= 6; i++) Folder.Png($"p{i}.png");
            Emulator.Options.Balance = 0.825m; // three jobs at $0.275
            var run = Run("'p1.png','p2.png','p3.png','p4.png','p5.png','p6.png' | New-ViduVideoJob @Api -Prompt x -ThrottleLimit 1 | " +
                          "Wait-ViduVideoJob @Api -PollInterval 0.2 | Save-ViduVideo @Api -Path videos");
            Assert.Null(run.Terminating);
            Assert.Equal(3, run.OutputOf<System.IO.FileInfo>().Count());
            Assert.Single(run.Errors, e => e.FullyQualifiedErrorId.StartsWith("ShortApi.InsufficientBalance"));
            var notSent = run.Errors.Where(e => e.FullyQualifiedErrorId.StartsWith("ShortApi.NotSent")).ToList();
            Assert.Equal(6 - 3 - 1, notSent.Count);
            Assert.All(notSent, e => Assert.StartsWith(Folder.Path, (string)e.TargetObject));
            Assert.DoesNotContain(run.Errors, e => e.ToString().Contains("run again"));
            Assert.Equal(4, Emulator.State.CreatesReceived);
        }

        [Fact]
        public void MaxCost_holds_when_charges_exceed_the_estimates()
        {
            for (var i = 1; i <= 6; i++) Folder.Png($"p{i}.png");
            // Estimates are $0.275 each; the service charges $0.35 (audio costs extra). Three would be $1.05.
            Emulator.Options.AudioSurcharge = 0.075m;
            var run = Run("New-ViduVideoJob @Api -Image p*.png -Prompt x -GenerateAudio -VoiceId v1 -MaxCost 0.9");
            var charged = run.OutputOf<VideoJob>().Sum(j => j.Amount!.Value);
            Assert.True(charged <= 0.9m, $"charged {charged}");
            Assert.Equal(2, Emulator.State.CreatesAccepted);
            Assert.Equal(4, run.Errors.Count(e => e.FullyQualifiedErrorId.StartsWith("ShortApi.BudgetExceeded")));
        }

        [Fact]
        public void The_same_picture_twice_is_sent_once_with_a_warning_unless_repeats_are_asked_for()
        {
            Folder.Png("cat.png");
            Folder.Png("cow.png");
            var run = Run("New-ViduVideoJob @Api -Image cat.png, cat.png, c*.png -Prompt x");
            Assert.Equal(2, Emulator.State.CreatesReceived);
            Assert.Equal(2, run.Warnings.Count(w => w.Contains("already submitted in this run")));
            Assert.Equal(new[] { "cat.png", "cow.png" }, run.OutputOf<VideoJob>().Select(j => System.IO.Path.GetFileName(j.Image!)).OrderBy(x => x));

            Run("New-ViduVideoJob @Api -Image cat.png, cat.png -Prompt x -AllowDuplicate");
            Assert.Equal(4, Emulator.State.CreatesReceived);
        }

        [Fact]
        public void The_same_picture_with_other_arguments_is_not_a_repeat()
        {
            Folder.Png("cat.png");
            Run("[pscustomobject]@{ Image = 'cat.png'; Prompt = 'one' }, [pscustomobject]@{ Image = 'cat.png'; Prompt = 'two' } | New-ViduVideoJob @Api");
            Assert.Equal(2, Emulator.State.CreatesAccepted);
        }

        [Fact]
        public void The_answer_shape_of_the_pages_own_examples_works_end_to_end()
        {
            Emulator.Options.FlatAnswers = true;
            Folder.Png("cat.png");
            var run = Run("New-ViduVideoJob @Api -Image cat.png -Prompt x | Wait-ViduVideoJob @Api -PollInterval 0.2 | Save-ViduVideo @Api -Path videos");
            Assert.Empty(run.Errors);
            Assert.Equal(15109, Assert.Single(run.OutputOf<System.IO.FileInfo>()).Length);
        }
    }
}
