using System.IO;
using System.Linq;
using System.Management.Automation;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    /// <summary>Every bad input gets a clear, specific error before anything reaches the server.</summary>
    public class NewViduVideoJobValidationTests : CmdletTest
    {
        private PowerShellRun New(string arguments, string? prepare = null) =>
            Run((prepare ?? "") + "\nNew-ViduVideoJob @Api " + arguments);

        [Theory]
        [InlineData("-Image cat.png -Prompt 'x' -Mode pro-fast -Resolution 540p", "ShortApi.InvalidArgument", "is not offered by vidu/vidu-q2/image-to-video in pro-fast mode")]
        [InlineData("-Image cat.png -Prompt 'x' -GenerateAudio", "ShortApi.InvalidArgument", "-VoiceId")]
        [InlineData("-Image cat.png -Prompt ''", "ShortApi.InvalidArgument", "Prompt is empty")]
        [InlineData("-Image cat.png -Prompt ('p' * 5001)", "ShortApi.InvalidArgument", "5001 characters")]
        [InlineData("-Image cat.png -Prompt 'x' -CallbackUrl 'not a url'", "ShortApi.InvalidArgument", "CallbackUrl")]
        [InlineData("-Image missing.png -Prompt 'x'", "ShortApi.ImageNotFound", "Cannot find image file")]
        [InlineData("-Image *.tiff -Prompt 'x'", "ShortApi.ImageNotFound", "No file matches '*.tiff'")]
        [InlineData("-Image sub -Prompt 'x'", "ShortApi.ImageIsFolder", "is a folder")]
        [InlineData("-Image empty.png -Prompt 'x'", "ShortApi.ImageEmpty", "empty")]
        [InlineData("-Image text.png -Prompt 'x'", "ShortApi.ImageNotRecognized", "not a PNG, JPEG or WebP")]
        [InlineData("-Image anim.gif -Prompt 'x'", "ShortApi.ImageUnsupportedFormat", "GIF")]
        [InlineData("-Image old.bmp -Prompt 'x'", "ShortApi.ImageUnsupportedFormat", "BMP")]
        [InlineData("-Image huge.png -Prompt 'x'", "ShortApi.ImageTooLarge", "20 MB")]
        [InlineData("-Image banner.png -Prompt 'x'", "ShortApi.ImageAspectRatio", "1:4 to 4:1")]
        [InlineData("-Image cut.png -Prompt 'x'", "ShortApi.ImageCorrupt", "Re-export or re-download the picture")]
        [InlineData("-Image 'data:image/png;base64,iVBO%w0K' -Prompt 'x'", "ShortApi.InvalidImageDataUri", "not a base64 character")]
        [InlineData("-Image ftp://example.com/a.png -Prompt 'x'", "ShortApi.InvalidImageUrl", "ftp")]
        [InlineData("-Image file:///tmp/a.png -Prompt 'x'", "ShortApi.InvalidImageUrl", "file")]
        [InlineData("-Image //cdn.example.com/a.png -Prompt 'x'", "ShortApi.ImageNotFound", "starting with https://")]
        public void Bad_input_is_refused_with_a_specific_error_and_nothing_is_sent(string arguments, string errorId, string message)
        {
            Folder.Png("cat.png");
            Directory.CreateDirectory(Folder.File("sub"));
            Folder.Write("empty.png", new byte[0]);
            Folder.Write("text.png", System.Text.Encoding.UTF8.GetBytes("hello, I am not a picture"));
            Folder.Write("anim.gif", Pictures.Gif());
            Folder.Write("old.bmp", Pictures.Bmp());
            Folder.Png("banner.png", 1000, 100);
            Folder.Write("cut.png", Pictures.Cut(Pictures.Png(160, 90), 33));
            using (var huge = new FileStream(Folder.Png("huge.png"), FileMode.Open)) huge.SetLength(16L * 1024 * 1024);

            var run = New(arguments);
            AssertErrorId(run, errorId);
            Assert.Contains(run.Errors, e => e.ToString().Contains(message));
            Assert.Empty(run.Output);
            AssertNothingSent();
        }

        [Theory]
        [InlineData("cut.png", "ShortApi.ImageCorrupt", ErrorCategory.InvalidData)]
        [InlineData("'data:image/png;base64,iVBO%w0K'", "ShortApi.InvalidImageDataUri", ErrorCategory.InvalidArgument)]
        public void A_damaged_picture_and_a_malformed_data_uri_have_their_own_id_and_category(string image, string errorId, ErrorCategory category)
        {
            Folder.Write("cut.png", Pictures.Cut(Pictures.Png(160, 90), 33));
            var run = New($"-Image {image} -Prompt 'x'");
            var error = Assert.Single(run.Errors);
            Assert.StartsWith(errorId + ",", error.FullyQualifiedErrorId);
            Assert.Equal(category, error.CategoryInfo.Category);
            AssertNothingSent();
        }

        [Theory]
        [InlineData("-Duration 0")]
        [InlineData("-Duration 11")]
        [InlineData("-Mode fast")]
        [InlineData("-Resolution 480p")]
        public void Out_of_range_arguments_are_refused_naming_the_parameter_and_nothing_is_sent(string arguments)
        {
            Folder.Png("cat.png");
            var run = Run("New-ViduVideoJob @Api -Image cat.png -Prompt 'x' " + arguments);
            AssertErrorId(run, "ShortApi.InvalidArgument");
            var parts = arguments.Split(' ');
            Assert.Contains($"{parts[0].TrimStart('-')} '{parts[1]}'", run.Errors.Single().ToString());
            Assert.Empty(run.Output);
            AssertNothingSent();
        }

        [Fact]
        public void A_malformed_base_uri_is_terminating_and_nothing_is_sent()
        {
            Folder.Png("cat.png");
            var record = RunTerminating("New-ViduVideoJob -Image cat.png -Prompt x -ApiKey $Key -BaseUri 'http//nope' -NoHistory");
            Assert.StartsWith("ShortApi.InvalidBaseUri", record.FullyQualifiedErrorId);
            Assert.Contains("-BaseUri 'http//nope'", record.ToString());
            AssertNothingSent();
        }

        [Fact]
        public void Plain_http_to_a_remote_host_is_refused_so_the_key_is_never_sent_in_clear()
        {
            Folder.Png("cat.png");
            var record = RunTerminating("New-ViduVideoJob -Image cat.png -Prompt x -ApiKey $Key -BaseUri 'http://api.example.com' -NoHistory");
            Assert.Contains("unencrypted", record.ToString());
            AssertNothingSent();
        }

        [Fact]
        public void One_bad_item_does_not_stop_the_others()
        {
            Folder.Png("a.png");
            Folder.Write("b.png", Pictures.Gif());
            Folder.Png("c.png");
            var run = Run("'a.png','b.png','c.png' | New-ViduVideoJob @Api -Prompt 'x'");
            Assert.Equal(2, run.OutputOf<VideoJob>().Count());
            AssertErrorId(run, "ShortApi.ImageUnsupportedFormat");
            Assert.Equal(Folder.File("b.png"), run.Errors.Single().TargetObject);
            Assert.Equal(2, Emulator.State.CreatesAccepted);
        }
    }
}
