using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    public class HistoryFileTests
    {
        [Theory]
        [InlineData(1)]
        [InlineData(3000)]
        public void Reading_from_the_end_gives_every_line_newest_first_across_block_boundaries(int lines)
        {
            using var folder = new TestFolder();
            var path = folder.File("history.jsonl");
            var random = new Random(lines);
            // Lines of every length, with multi-byte characters, so some lines and some characters straddle 64 KB blocks.
            var written = Enumerable.Range(0, lines).Select(i => $"{{\"n\":{i},\"prompt\":\"{new string('é', random.Next(0, 200))}{new string('x', random.Next(0, 300))}\"}}").ToList();
            File.WriteAllText(path, string.Join("\n", written) + "\n", new UTF8Encoding(false));

            var file = new HistoryFile(path);
            Assert.Equal(written.AsEnumerable().Reverse(), file.ReadBackward());
            Assert.Equal(written, file.ReadForward());
        }

        [Fact]
        public void A_last_line_without_a_newline_and_blank_lines_are_handled()
        {
            using var folder = new TestFolder();
            var path = folder.File("history.jsonl");
            File.WriteAllText(path, "a\n\nb\r\nc");
            Assert.Equal(new[] { "c", "b", "a" }, new HistoryFile(path).ReadBackward());
        }

        [Fact]
        public void A_path_that_cannot_be_a_file_is_tried_once_and_refused()
        {
            if (!RuntimeInformation.IsOSPlatform(OSPlatform.Linux)) return;
            // /proc/self exists but no file can be made in it: that is no lock to wait out.
            var file = new HistoryFile("/proc/self/x.jsonl");
            Assert.ThrowsAny<IOException>(() => file.Append(Encoding.UTF8.GetBytes("{}\n")));
            Assert.Equal(1, file.OpenAttempts);
        }

        [Fact]
        public async Task A_lock_held_by_another_writer_is_waited_for()
        {
            using var folder = new TestFolder();
            var path = folder.File("history.jsonl");
            var file = new HistoryFile(path);
            Task append;
            using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
            {
                append = Task.Run(() => file.Append(Encoding.UTF8.GetBytes("{}\n")));
                Assert.True(SpinWait.SpinUntil(() => file.OpenAttempts >= 2 || append.IsCompleted, TimeSpan.FromSeconds(60)));
                Assert.False(append.IsCompleted, "the append did not wait for the lock: " + append.Exception);
            }
            await append;
            Assert.Equal(new[] { "{}" }, file.ReadForward());
        }

        [Fact]
        public async Task The_patience_with_a_lock_runs_on_the_files_clock_and_then_gives_up()
        {
            // Ten seconds of patience pass on a test clock in one step: the writer tries again after its pause, finds
            // the lock still held and the patience spent, and fails, with no real time waited.
            using var folder = new TestFolder();
            var path = folder.File("history.jsonl");
            var clock = new WatchedClock();
            var file = new HistoryFile(path, clock);
            using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
            {
                var append = Task.Run(() => file.Append(Encoding.UTF8.GetBytes("{}\n")));
                await clock.TimerStartedAsync((at, due) => due > TimeSpan.Zero && due <= TimeSpan.FromMilliseconds(25), TimeSpan.FromMinutes(1));
                Assert.False(append.IsCompleted);
                clock.Advance(TimeSpan.FromSeconds(11));
                await Assert.ThrowsAnyAsync<IOException>(() => append);
                Assert.Equal(2, file.OpenAttempts);
            }
        }

        [Fact]
        public void The_store_dates_its_lines_by_its_clock()
        {
            using var folder = new TestFolder();
            var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2031, 5, 6, 7, 8, 9, TimeSpan.Zero));
            var store = new JobStore(folder.File("history.jsonl"), clock: clock);
            store.Accepted("", new VideoJob("j1"));
            Assert.Contains("\"time\":\"2031-05-06T07:08:09", File.ReadAllText(folder.File("history.jsonl")));
        }
    }
}
