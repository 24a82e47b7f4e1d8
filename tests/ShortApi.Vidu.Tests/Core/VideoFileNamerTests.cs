using System;
using ShortApi.Vidu.Downloads;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    public class VideoFileNamerTests
    {
        private static VideoJob Job(string? image) => new VideoJob("abc123") { Image = image, Mode = "pro", Resolution = "720p", Duration = 5, CreatedAt = new DateTimeOffset(2026, 11, 25, 9, 0, 0, TimeSpan.Zero) };

        [Theory]
        [InlineData("/pictures/cat.png", "cat.mp4")]
        [InlineData("C:\\pictures\\cat.jpeg", "cat.mp4")]
        [InlineData("https://cdn.example.com/a/b/dog%20walk.webp?sig=1", "dog walk.mp4")]
        [InlineData("data:image/png;base64,AAAA", "abc123.mp4")]
        [InlineData(null, "abc123.mp4")]
        public void The_name_comes_from_the_source_picture_or_the_job_id(string? image, string expected) =>
            Assert.Equal(expected, VideoFileNamer.FileName(VideoFileNamer.DefaultTemplate, Job(image), 1, "https://cdn/x.mp4"));

        [Fact]
        public void Tokens_expand_and_a_second_video_gets_an_index() =>
            Assert.Equal("cat_pro_720p_5s_20261125-2.mp4", VideoFileNamer.FileName("{Name}_{Mode}_{Resolution}_{Duration}s_{Date}", Job("/p/cat.png"), 2, "https://cdn/x.mp4"));

        [Theory]
        [InlineData("/p/nul.png", "nul_.mp4")]
        [InlineData("/p/COM1.png", "COM1_.mp4")]
        [InlineData("/p/a:b.png", "a_b.mp4")]
        public void Names_windows_cannot_hold_are_made_safe(string image, string expected) =>
            Assert.Equal(expected, VideoFileNamer.FileName(VideoFileNamer.DefaultTemplate, Job(image), 1, "https://cdn/x.mp4"));

        [Fact]
        public void An_unknown_token_is_refused() =>
            Assert.Contains("unknown token", Assert.Throws<ArgumentException>(() => VideoFileNamer.Validate("{Nmae}")).Message);
    }
}
