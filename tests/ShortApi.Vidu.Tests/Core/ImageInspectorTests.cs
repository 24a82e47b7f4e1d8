using System.IO;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    public class ImageInspectorTests
    {
        [Fact]
        public void Png_is_recognised_with_its_size() => AssertInfo(Pictures.Png(640, 360), ImageFormat.Png, 640, 360, "image/png");

        [Fact]
        public void Jpeg_size_is_read_past_an_app_segment() => AssertInfo(Pictures.Jpeg(1920, 1080), ImageFormat.Jpeg, 1920, 1080, "image/jpeg");

        [Fact]
        public void Lossless_webp_is_recognised_with_its_size() => AssertInfo(Pictures.WebPLossless(300, 200), ImageFormat.WebP, 300, 200, "image/webp");

        [Fact]
        public void Lossy_webp_is_recognised_with_its_size() => AssertInfo(Pictures.WebPLossy(640, 360), ImageFormat.WebP, 640, 360, "image/webp");

        [Fact]
        public void Extended_webp_is_recognised_with_its_canvas_size() =>
            AssertInfo(Pictures.WebPExtended(1280, 720, Pictures.WebPChunk("VP8L", Pictures.Vp8LData(1280, 720))), ImageFormat.WebP, 1280, 720, "image/webp");

        [Fact]
        public void A_png_size_over_2_31_is_not_read_as_a_negative_number()
        {
            var info = ImageInspector.Inspect(Pictures.PngOfSize(2147483649u, 100));
            Assert.Equal(ImageFormat.Png, info.Format);
            Assert.Null(info.Width);
            Assert.Equal(100, info.Height);
        }

        [Fact]
        public void The_sample_pictures_pass_every_check()
        {
            var samples = Directory.GetFiles(Path.Combine(System.AppContext.BaseDirectory, "samples"), "*.png");
            Assert.Equal(3, samples.Length);
            foreach (var path in samples) Assert.Equal(ImageFormat.Png, ImageReference.FromFile(path, path).Info!.Format);
        }

        [Fact]
        public void Gif_and_bmp_are_recognised_and_refused()
        {
            Assert.False(ImageInspector.Inspect(Pictures.Gif()).IsAccepted);
            Assert.Equal(ImageFormat.Gif, ImageInspector.Inspect(Pictures.Gif()).Format);
            Assert.Equal(ImageFormat.Bmp, ImageInspector.Inspect(Pictures.Bmp()).Format);
        }

        [Fact]
        public void Text_is_not_an_image() =>
            Assert.Equal(ImageFormat.Unknown, ImageInspector.Inspect(System.Text.Encoding.UTF8.GetBytes("this is not a picture at all")).Format);

        [Fact]
        public void A_file_is_checked_by_content_not_extension()
        {
            using var folder = new TestFolder();
            var path = folder.Write("photo.png", Pictures.Jpeg(100, 100));
            var image = ImageReference.FromFile(path, path);
            Assert.Equal("data:image/jpeg;base64,", image.DataUriPrefix);
        }

        [Theory]
        [InlineData(801, 200, false)]
        [InlineData(800, 200, true)]
        [InlineData(200, 800, true)]
        [InlineData(200, 801, false)]
        public void Aspect_ratio_must_be_between_one_to_four_and_four_to_one(int width, int height, bool accepted)
        {
            using var folder = new TestFolder();
            var path = folder.Png("wide.png", width, height);
            if (accepted)
            {
                Assert.NotNull(ImageReference.FromFile(path, path));
            }
            else
            {
                var error = Assert.Throws<ImageValidationException>(() => ImageReference.FromFile(path, path));
                Assert.Equal(ImageProblem.AspectRatio, error.Problem);
                Assert.Contains($"{width}×{height}", error.Message);
            }
        }

        [Fact]
        public void Too_large_for_the_request_body_is_refused_before_reading_it()
        {
            using var folder = new TestFolder();
            var path = folder.Png("big.png");
            using (var stream = new FileStream(path, FileMode.Open)) stream.SetLength(16L * 1024 * 1024);
            var error = Assert.Throws<ImageValidationException>(() => ImageReference.FromFile(path, path));
            Assert.Equal(ImageProblem.TooLarge, error.Problem);
            Assert.Contains("20 MB", error.Message);
        }

        [Theory]
        [InlineData("ftp://example.com/a.png")]
        [InlineData("file:///tmp/a.png")]
        [InlineData("https:///nohost.png")]
        public void Urls_the_service_cannot_fetch_are_refused(string url)
        {
            Assert.True(ImageReference.LooksLikeUrl(url));
            var error = Assert.Throws<ImageValidationException>(() => ImageReference.FromUrl(url));
            Assert.Equal(ImageProblem.InvalidUrl, error.Problem);
        }

        [Theory]
        [InlineData("C:\\pictures\\cat.png")]
        [InlineData("./cat.png")]
        [InlineData("cat.png")]
        [InlineData("//server/share/cat.png")]
        public void Paths_are_not_mistaken_for_urls(string path) => Assert.False(ImageReference.LooksLikeUrl(path));

        private static void AssertInfo(byte[] bytes, ImageFormat format, int width, int height, string mime)
        {
            var info = ImageInspector.Inspect(bytes);
            Assert.Equal(format, info.Format);
            Assert.Equal(width, info.Width);
            Assert.Equal(height, info.Height);
            Assert.Equal(mime, info.MimeType);
            Assert.True(info.IsAccepted);
        }
    }
}
