using System;
using System.Net;
using System.Threading.Tasks;
using ShortApi.Vidu.Emulator;
using ShortApi.Vidu.Tests.Support;
using Xunit;
using static ShortApi.Vidu.Tests.Emulator.EmulatorCalls;

namespace ShortApi.Vidu.Tests.Emulator
{
    /// <summary>CDN faults: pages and statuses a downloader must not save as the video.</summary>
    public class DownloadFaultTests
    {
        private const string AccessDenied = "<html><body><h1>Access denied</h1></body></html>";

        // A job of zero length is finished as soon as it exists, so its video can be fetched at once.
        private static Task<EmulatorServer> StartAsync() => Emulators.StartAsync(o => o.JobDuration = TimeSpan.Zero);

        [Fact]
        public async Task Html_serves_an_access_denied_page_with_status_200()
        {
            await using var emulator = await StartAsync();
            var id = await CreateJobAsync(emulator);
            emulator.EnqueueFaults("download", "html");
            using var response = await DownloadAsync(emulator, id);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(AccessDenied, await response.Content.ReadAsStringAsync());
            Assert.Equal(0, emulator.State.DownloadsServed);
        }

        [Fact]
        public async Task Html_as_video_serves_the_same_page_labelled_video_mp4()
        {
            await using var emulator = await StartAsync();
            var id = await CreateJobAsync(emulator);
            emulator.EnqueueFaults("download", "html-as-video");
            using var response = await DownloadAsync(emulator, id);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("video/mp4", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(AccessDenied.Length, response.Content.Headers.ContentLength);
            Assert.Equal(AccessDenied, await response.Content.ReadAsStringAsync());
            Assert.Equal(0, emulator.State.DownloadsServed);
        }

        [Theory]
        [InlineData(403)]
        [InlineData(410)]
        [InlineData(503)]
        [InlineData(404)]
        [InlineData(500)]
        public async Task A_status_token_answers_that_status_for_a_video_that_exists(int status)
        {
            await using var emulator = await StartAsync();
            var id = await CreateJobAsync(emulator);
            emulator.EnqueueFaults("download", status.ToString());
            using var response = await DownloadAsync(emulator, id);
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal(0, emulator.State.DownloadsServed);

            // The fault was one request's: the next download gets the video.
            using var again = await DownloadAsync(emulator, id);
            Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        }

        [Fact]
        public async Task Pass_serves_the_video_and_lets_the_next_token_strike_the_next_download()
        {
            await using var emulator = await StartAsync();
            var id = await CreateJobAsync(emulator);
            emulator.EnqueueFaults("download", "pass", "410");
            using var served = await DownloadAsync(emulator, id);
            var bytes = await served.Content.ReadAsByteArrayAsync();
            using var gone = await DownloadAsync(emulator, id);

            Assert.Equal(HttpStatusCode.OK, served.StatusCode);
            Assert.Equal("video/mp4", served.Content.Headers.ContentType!.MediaType);
            Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(bytes, 4, 4));
            Assert.Equal(HttpStatusCode.Gone, gone.StatusCode);
            await emulator.State.WaitUntilAsync(s => s.DownloadsServed == 1, TimeSpan.FromSeconds(10));
        }
    }
}
