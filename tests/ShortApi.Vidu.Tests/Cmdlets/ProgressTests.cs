using System.Linq;
using System.Management.Automation;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    /// <summary>Three progress lines for New | Wait | Save, each a true percentage, each cleared at the end.</summary>
    public class ProgressTests : CmdletTest
    {
        [Fact]
        public void A_pipeline_shows_three_activities_whose_bars_are_never_full_before_the_work_is_done()
        {
            for (var i = 0; i < 4; i++) Folder.Png($"p{i}.png");
            var run = Run("'p0.png','p1.png','p2.png','p3.png' | New-ViduVideoJob @Api -Prompt x | Wait-ViduVideoJob @Api -PollInterval 0.1 | Save-ViduVideo @Api -Path videos");
            Assert.Empty(run.Errors);
            var progress = run.Progress.ToList();
            Assert.Equal(new[] { 1, 2, 3 }, progress.Select(p => p.ActivityId).Distinct().OrderBy(x => x));
            foreach (var activity in new[] { 1, 2, 3 })
            {
                var records = progress.Where(p => p.ActivityId == activity).ToList();
                Assert.Equal(ProgressRecordType.Completed, records.Last().RecordType);
                // -1 would draw a full bar in PowerShell's default (ANSI) view; 100 only once the work is done.
                Assert.All(records.Where(r => r.RecordType == ProgressRecordType.Processing), r => Assert.InRange(r.PercentComplete, 0, 100));
                Assert.Contains(records, r => r.RecordType == ProgressRecordType.Processing && r.PercentComplete < 100);
                // One tree: Wait's line under New's, Save's under Wait's (PowerShell promotes a child when its parent completes).
                Assert.All(records, r => Assert.Equal(activity - 1 == 0 ? -1 : activity - 1, r.ParentActivityId));
            }
            Assert.Contains(progress, p => p.ActivityId == 1 && p.StatusDescription.StartsWith("4 of 4 pictures"));
            Assert.Contains(progress, p => p.ActivityId == 3 && p.StatusDescription.StartsWith("4 of 4 finished · 4 saved"));
        }

        [Fact]
        public void A_command_not_fed_by_a_pipeline_draws_its_line_at_the_top()
        {
            Folder.Png("p0.png");
            var run = Run("$jobs = @(New-ViduVideoJob @Api -Prompt x -Image p0.png)\n"
                + "$done = Wait-ViduVideoJob @Api -InputObject $jobs -PollInterval 0.1\n"
                + "Save-ViduVideo @Api -InputObject $done -Path videos");
            Assert.Empty(run.Errors);
            var lines = run.Progress.Where(p => p.ActivityId == 2 || p.ActivityId == 3).ToList();
            Assert.Contains(lines, p => p.ActivityId == 2);
            Assert.Contains(lines, p => p.ActivityId == 3);
            Assert.All(lines, r => Assert.Equal(-1, r.ParentActivityId));
        }
    }
}
