using System.Linq;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    public class BudgetTests : CmdletTest
    {
        [Fact]
        public void MaxCost_refuses_exactly_the_pictures_that_would_go_over_and_sends_nothing_for_them()
        {
            for (var i = 1; i <= 5; i++) Folder.Png($"p{i}.png");
            // pro, 720p, 5 s = $0.275 each: three fit under $1.00 ($0.825), the fourth would make $1.10.
            var run = Run("'p1.png','p2.png','p3.png','p4.png','p5.png' | New-ViduVideoJob @Api -Prompt x -MaxCost 1.00 -ThrottleLimit 1 -Verbose");
            Assert.Equal(new[] { "p1.png", "p2.png", "p3.png" }, run.OutputOf<VideoJob>().Select(j => System.IO.Path.GetFileName(j.Image!)).OrderBy(x => x));
            var refused = run.Errors.Where(e => e.FullyQualifiedErrorId.StartsWith("ShortApi.BudgetExceeded")).ToList();
            Assert.Equal(new object[] { Folder.File("p4.png"), Folder.File("p5.png") }, refused.Select(e => e.TargetObject));
            Assert.Contains("over -MaxCost $1.00", refused[0].ToString());
            Assert.Equal(3, Emulator.State.CreatesReceived);
            Assert.Contains(run.Verbose, v => v.Contains("3 job(s) accepted: estimated $0.825, charged $0.825") && v.Contains("2 refused by -MaxCost $1.00"));
        }

        [Fact]
        public void A_cheaper_picture_after_a_refused_one_still_fits()
        {
            Folder.Png("a.png");
            Folder.Png("b.png");
            Folder.Png("c.png");
            var run = Run(@"
                $plan = @(
                    [pscustomobject]@{ Image = 'a.png'; Prompt = 'x'; Duration = 5 }    # 0.275
                    [pscustomobject]@{ Image = 'b.png'; Prompt = 'x'; Duration = 10 }   # 0.525: over
                    [pscustomobject]@{ Image = 'c.png'; Prompt = 'x'; Duration = 1 }    # 0.075: fits
                )
                $plan | New-ViduVideoJob @Api -MaxCost 0.40");
            Assert.Equal(new[] { "a.png", "c.png" }, run.OutputOf<VideoJob>().Select(j => System.IO.Path.GetFileName(j.Image!)).OrderBy(x => x));
            Assert.Equal(Folder.File("b.png"), Assert.Single(run.Errors).TargetObject);
        }

        [Fact]
        public void A_charge_that_differs_from_the_estimate_is_a_warning_and_both_are_kept()
        {
            Emulator.Options.AudioSurcharge = 0.075m;
            Folder.Png("cat.png");
            var run = Run("New-ViduVideoJob @Api -Image cat.png -Prompt x -GenerateAudio -VoiceId narrator-1");
            var job = Assert.Single(run.OutputOf<VideoJob>());
            Assert.Equal(0.275m, job.EstimatedCost);
            Assert.Equal(0.35m, job.Amount);
            Assert.Contains(run.Warnings, w => w.Contains("charged $0.35") && w.Contains("estimate was $0.275"));
        }

        [Fact]
        public void A_real_charge_above_the_estimate_counts_against_the_budget()
        {
            Emulator.Options.AudioSurcharge = 0.2m;
            Folder.Png("a.png");
            Folder.Png("b.png");
            // Estimates 0.275 each fit under 0.60, but the first is charged 0.475, so the second would make 0.75.
            var run = Run("'a.png','b.png' | New-ViduVideoJob @Api -Prompt x -GenerateAudio -VoiceId v -MaxCost 0.60 -ThrottleLimit 1");
            Assert.Single(run.OutputOf<VideoJob>());
            AssertErrorId(run, "ShortApi.BudgetExceeded");
        }

        [Fact]
        public void A_refused_create_gives_its_share_of_the_budget_back()
        {
            Folder.Png("a.png");
            Folder.Png("b.png");
            Emulator.EnqueueFaults("create", "code:400:msg");
            var run = Run("'a.png','b.png' | New-ViduVideoJob @Api -Prompt x -MaxCost 0.30 -ThrottleLimit 1");
            Assert.Single(run.OutputOf<VideoJob>());
            AssertErrorId(run, "ShortApi.InvalidArgument");
            Assert.DoesNotContain(run.Errors, e => e.FullyQualifiedErrorId.StartsWith("ShortApi.BudgetExceeded"));
        }
    }
}
