using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Runtime.InteropServices;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    /// <summary>A paid create never goes out without its "sending" line on disk: a history that cannot be written sends nothing.</summary>
    public class HistoryWriteTests : CmdletTest
    {
        [Fact]
        public void A_history_that_cannot_be_created_stops_the_command_before_the_first_create()
        {
            Folder.Png("cat.png");
            Folder.Png("dog.png");
            // A regular file where the history's folder should be: no user, root included, can create the history under it.
            File.WriteAllText(Folder.File("blocker"), "not a folder");
            var error = RunTerminating("New-ViduVideoJob -BaseUri $Base -ApiKey $Key -HistoryPath blocker/history.jsonl -Image cat.png, dog.png -Prompt x");
            AssertHistoryError(error, Path.Combine(Folder.File("blocker"), "history.jsonl"));
            AssertNothingSent();
        }

        [Fact]
        public void A_history_path_that_cannot_be_a_file_is_refused_at_once()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return;
            Folder.Png("cat.png");
            var error = RunTerminating("New-ViduVideoJob -BaseUri $Base -ApiKey $Key -HistoryPath /proc/self/x.jsonl -Image cat.png -Prompt x");
            AssertHistoryError(error, "/proc/self/x.jsonl");
            AssertNothingSent();
        }

        [Fact]
        public void A_full_disk_at_the_first_sending_line_sends_nothing()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return;
            Folder.Png("cat.png");
            Folder.Png("dog.png");
            // /dev/full opens like a file and fails every write with ENOSPC, as a full disk does.
            var run = Run("New-ViduVideoJob -BaseUri $Base -ApiKey $Key -HistoryPath /dev/full -Image cat.png, dog.png -Prompt x -ThrottleLimit 1");
            Assert.Empty(run.OutputOf<VideoJob>());
            AssertHistoryError(run.Errors.First(e => e.FullyQualifiedErrorId.StartsWith("ShortApi.HistoryWriteFailed")), "/dev/full");
            AssertErrorId(run, "ShortApi.NotSent");
            AssertNothingSent();
        }

        internal static void AssertHistoryError(ErrorRecord error, string path)
        {
            Assert.StartsWith("ShortApi.HistoryWriteFailed", error.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.WriteError, error.CategoryInfo.Category);
            var message = error.ErrorDetails?.Message ?? error.Exception.Message;
            Assert.Contains($"'{path}'", message);
            Assert.Contains("-NoHistory", message);
            Assert.DoesNotContain("..", message);
        }
    }
}
