using System;
using System.IO;
using System.Linq;
using System.Text;
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
    }
}
