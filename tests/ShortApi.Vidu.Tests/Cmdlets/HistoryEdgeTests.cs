using System.IO;
using System.Linq;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    public class HistoryEdgeTests : CmdletTest
    {
        [Fact]
        public void A_history_line_that_is_json_but_not_a_job_event_breaks_neither_listing_nor_saving()
        {
            Folder.Png("cat.png");
            Run("New-ViduVideoJob @Api -Image cat.png -Prompt x");
            File.AppendAllText(HistoryPath, "123\n[]\n\"x\"\n");
            Assert.Single(Run("Get-ViduVideoJob @Api").OutputOf<VideoJob>());
            var saved = Run("Get-ViduVideoJob @Api -LastBatch | Save-ViduVideo @Api -Path videos -PollInterval 0.2");
            Assert.Empty(saved.Errors);
            Assert.Single(saved.OutputOf<FileInfo>());
        }

        [Fact]
        public void A_history_path_that_is_a_folder_is_an_error_before_anything_is_sent()
        {
            Folder.Png("cat.png");
            Directory.CreateDirectory(Folder.File("hist"));
            var listing = RunTerminating("Get-ViduVideoJob -HistoryPath hist");
            Assert.StartsWith("ShortApi.HistoryUnavailable", listing.FullyQualifiedErrorId);
            var submit = RunTerminating("New-ViduVideoJob -BaseUri $Base -ApiKey $Key -HistoryPath hist -Image cat.png -Prompt x");
            Assert.StartsWith("ShortApi.HistoryUnavailable", submit.FullyQualifiedErrorId);
            AssertNothingSent();
        }

        [Fact]
        public void A_relative_history_path_means_the_powershell_location()
        {
            Folder.Png("cat.png");
            Directory.CreateDirectory(Folder.File("elsewhere"));
            Run("$null = $ExecutionContext.SessionState.Path.SetLocation('elsewhere'); New-ViduVideoJob -BaseUri $Base -ApiKey $Key -HistoryPath rel.jsonl -Image ../cat.png -Prompt x");
            Assert.True(File.Exists(Folder.File("elsewhere/rel.jsonl")));
        }
    }
}
