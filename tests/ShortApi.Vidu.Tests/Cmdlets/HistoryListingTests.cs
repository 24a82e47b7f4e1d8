using System.Linq;
using System.Management.Automation;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    public class HistoryListingTests : CmdletTest
    {
        [Fact]
        public void Last_counts_the_jobs_the_other_filters_keep()
        {
            for (var i = 0; i < 4; i++) Folder.Png($"p{i}.png");
            var run = Run(@"
                $failed = New-ViduVideoJob @Api -Image p0.png -Prompt 'x #fail'
                $ok = 'p1.png','p2.png','p3.png' | New-ViduVideoJob @Api -Prompt 'fine' -ThrottleLimit 1
                [Threading.Thread]::Sleep(1300)
                Get-ViduVideoJob @Api -Status Failed -Last 1");
            var job = Assert.Single(run.OutputOf<VideoJob>());
            Assert.Equal(JobStatus.Failed, job.Status);
            Assert.EndsWith("p0.png", job.Image);
        }

        [Fact]
        public void LastBatch_means_the_last_batch_sent_to_this_endpoint()
        {
            Folder.Png("cat.png");
            var mine = Assert.Single(Run("New-ViduVideoJob @Api -Image cat.png -Prompt x").OutputOf<VideoJob>());
            // A later batch against another endpoint (say, the real service), in the same history.
            new ShortApi.Vidu.History.JobStore(HistoryPath).Accepted("", new VideoJob("elsewhere1")
            {
                BatchId = "later-batch",
                Endpoint = "https://api.shortapi.ai/",
                CreatedAt = System.DateTimeOffset.Now.AddMinutes(1),
            });
            var listed = Run("Get-ViduVideoJob @Api -LastBatch -NoRefresh").OutputOf<VideoJob>().ToList();
            Assert.Equal(new[] { mine.JobId }, listed.Select(j => j.JobId));
        }

        [Fact]
        public void LastBatch_is_empty_when_this_endpoint_has_no_batch()
        {
            new ShortApi.Vidu.History.JobStore(HistoryPath).Accepted("", new VideoJob("elsewhere1")
            {
                BatchId = "their-batch",
                Endpoint = "https://api.shortapi.ai/",
                CreatedAt = System.DateTimeOffset.Now,
            });
            Assert.Empty(Run("Get-ViduVideoJob @Api -LastBatch -NoRefresh").Output);
        }

        [Fact]
        public void A_refused_key_ends_a_listing_that_needs_the_service()
        {
            Folder.Png("cat.png");
            Emulator.Options.JobDuration = System.TimeSpan.FromSeconds(60);
            Run("New-ViduVideoJob @Api -Image cat.png -Prompt x");
            var record = RunTerminating("Get-ViduVideoJob -BaseUri $Base -ApiKey wrong -HistoryPath $History");
            Assert.StartsWith("ShortApi.Unauthorized", record.FullyQualifiedErrorId);
        }
    }
}
