using System;
using ShortApi.Vidu.Images;
using Xunit;
using static ShortApi.Vidu.Tests.Support.Pictures;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>A data URI is sent as it is, so it gets a file's checks: base64 that decodes, the declared type, structure, aspect ratio.</summary>
    public class DataUriImageTests
    {
        [Theory]
        [InlineData(63)]
        [InlineData(64)]
        [InlineData(65)]
        public void A_png_data_uri_with_any_padding_passes_and_is_sent_as_given(int filler)
        {
            var uri = DataUri("image/png", Png(640, 360, filler));
            var image = ImageReference.FromUrl(uri);
            Assert.Equal(uri, image.Url);
            Assert.False(image.IsLocalFile);
        }

        [Theory]
        [InlineData("image/jpeg")]
        [InlineData("image/webp")]
        public void Jpeg_and_webp_data_uris_pass_and_are_sent_as_given(string type)
        {
            var uri = DataUri(type, type == "image/jpeg" ? Jpeg(1920, 1080) : WebPLossless(300, 200));
            var image = ImageReference.FromUrl(uri);
            Assert.Equal(uri, image.Url);
            Assert.False(image.IsLocalFile);
            Assert.Null(image.Fingerprint); // nothing is read at send time: the text is the picture
            Assert.Equal("data URI", image.ShortName);
            Assert.StartsWith("data:" + type + ";base64,", image.Display);
        }

        [Theory]
        [InlineData("", "there is nothing after the comma")]
        [InlineData("iVBORw0", "its 7 characters after the comma are not a multiple of 4")]
        [InlineData("iVBO=w0K", "there is '=' padding at character 5 after the comma, before the end")]
        [InlineData("iVB====", "its 7 characters after the comma")]
        [InlineData("iV======", "there is '=' padding at character 3 after the comma")]
        [InlineData("iVBO\nw0K", "U+000A at character 5 after the comma is not a base64 character")]
        [InlineData("iVBO w0K", "U+0020 at character 5 after the comma is not a base64 character")]
        [InlineData("iVBO-w0K", "'-' at character 5 after the comma is not a base64 character (URL-safe base64 is not accepted)")]
        [InlineData("iVBO%w0K", "'%' at character 5 after the comma is not")]
        public void Malformed_base64_is_refused(string payload, string whatIsWrong)
        {
            var error = Assert.Throws<ImageValidationException>(() => ImageReference.FromUrl("data:image/png;base64," + payload));
            Assert.Equal(ImageProblem.InvalidDataUri, error.Problem);
            Assert.Contains("is not valid base64: " + whatIsWrong, error.Message);
            Assert.Contains("Pass the picture file's path instead", error.Message);
        }

        [Fact]
        public void Bytes_of_another_type_than_declared_are_refused()
        {
            var error = Assert.Throws<ImageValidationException>(() => ImageReference.FromUrl(DataUri("image/png", Jpeg(640, 480))));
            Assert.Equal(ImageProblem.InvalidDataUri, error.Problem);
            Assert.Contains("declares image/png, but its bytes are JPEG", error.Message);
        }

        [Fact]
        public void A_refused_format_behind_an_accepted_type_is_refused()
        {
            var error = Assert.Throws<ImageValidationException>(() => ImageReference.FromUrl(DataUri("image/webp", Gif())));
            Assert.Equal(ImageProblem.InvalidDataUri, error.Problem);
            Assert.Contains("declares image/webp, but its bytes are GIF", error.Message);
        }

        [Fact]
        public void Bytes_that_are_not_a_picture_are_refused()
        {
            var error = Assert.Throws<ImageValidationException>(() => ImageReference.FromUrl(DataUri("image/jpeg", System.Text.Encoding.UTF8.GetBytes("hello, not a picture"))));
            Assert.Equal(ImageProblem.InvalidDataUri, error.Problem);
            Assert.Contains("declares image/jpeg, but its bytes are not a picture", error.Message);
        }

        [Fact]
        public void A_cut_picture_is_refused_as_corrupt()
        {
            var uri = DataUri("image/png", Cut(Png(640, 360, 1000), 600));
            var error = Assert.Throws<ImageValidationException>(() => ImageReference.FromUrl(uri));
            Assert.Equal(ImageProblem.Corrupt, error.Problem);
            Assert.StartsWith("Data URI image 'data:image/png;base64,iVBORw0KGgo", error.Message);
            Assert.Contains($"…({uri.Length} chars)' is damaged", error.Message);
            Assert.Contains("is damaged: chunk 'IDAT' at byte 33 runs 445 bytes past the end of the file", error.Message);
            Assert.Contains("Re-export the picture, or pass its file's path", error.Message);
        }

        [Fact]
        public void A_cut_jpeg_is_refused_as_corrupt() =>
            Assert.Equal(ImageProblem.Corrupt, Assert.Throws<ImageValidationException>(() => ImageReference.FromUrl(DataUri("image/jpeg", Cut(Jpeg(640, 480, 5000), 3000)))).Problem);

        [Fact]
        public void The_aspect_ratio_applies_to_a_data_uri()
        {
            var error = Assert.Throws<ImageValidationException>(() => ImageReference.FromUrl(DataUri("image/png", Png(1000, 100))));
            Assert.Equal(ImageProblem.AspectRatio, error.Problem);
            Assert.Contains("1000×100", error.Message);
        }

        [Fact]
        public void An_absurd_png_size_in_a_data_uri_is_refused() =>
            Assert.Equal(ImageProblem.Corrupt, Assert.Throws<ImageValidationException>(() => ImageReference.FromUrl(DataUri("image/png", PngOfSize(2147483649u, 2147483649u)))).Problem);

        [Fact]
        public void The_type_is_read_case_insensitively_as_before()
        {
            var uri = "DATA:IMAGE/PNG;BASE64," + Convert.ToBase64String(Png(640, 360));
            Assert.Equal(uri, ImageReference.FromUrl(uri).Url);
        }

        [Fact]
        public void A_png_data_uri_whose_image_data_fails_its_checksum_is_refused_as_corrupt()
        {
            var damaged = Png(640, 360, 1000);
            damaged[damaged.Length - 13] ^= 0x01; // the last byte of the IDAT CRC
            var error = Assert.Throws<ImageValidationException>(() => ImageReference.FromUrl(DataUri("image/png", damaged)));
            Assert.Equal(ImageProblem.Corrupt, error.Problem);
            Assert.Contains("chunk 'IDAT' at byte 33 fails its checksum (CRC-32)", error.Message);
        }
    }
}
