using System.Linq;
using System.Text.Json;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Models;
using ShortApi.Vidu.Tests.Support;
using ShortApi.Vidu.Wire;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>The body of every model's create, compared field by field with what its page lists.</summary>
    public class ModelRequestBodyTests
    {
        private static ImageReference Url(string name) => ImageReference.FromUrl("https://example.com/" + name);

        public static TheoryData<string> Models() => new TheoryData<string>
        {
            "vidu/vidu-q2/image-to-video", "vidu/vidu-q2/start-end-to-video", "vidu/vidu-q2/text-to-video",
            "vidu/vidu-q3/image-to-video", "vidu/vidu-q3/start-end-to-video", "vidu/vidu-q3/text-to-video", "vidu/vidu-q3/reference-to-video",
        };

        [Theory]
        [MemberData(nameof(Models))]
        public void A_request_with_every_argument_given_sends_only_what_the_page_lists_in_the_pages_types(string id)
        {
            var spec = ViduCatalogue.FindById(id)!;
            var page = ModelPages.ById[id];
            var request = new CreateJobRequest(spec, "a slow dolly in",
                spec.Kind == VideoKind.Image || spec.Kind == VideoKind.StartEnd ? Url("first.png") : null,
                spec.Kind == VideoKind.StartEnd ? Url("last.png") : null,
                spec.Kind == VideoKind.Reference ? new[] { Url("a.png"), Url("b.png"), Url("c.png") } : null)
            {
                Mode = spec.Modes.LastOrDefault(),
                Resolution = "1080p",
                Duration = 4,
                // Offered or not: the model decides what goes on the wire.
                AspectRatio = spec.AspectRatios.Count > 0 ? "9:16" : null,
                GenerateAudio = spec.GenerateAudio ? true : (bool?)null,
                VoiceId = spec.VoiceId ? "voice-1" : null,
            };
            Assert.Empty(request.Validate());
            using var body = JsonDocument.Parse(System.Text.Encoding.UTF8.GetString(CreateRequestBody.For(request).Literals.SelectMany(b => b).ToArray()));
            Assert.Equal(id, body.RootElement.GetProperty("model").GetString());
            var args = body.RootElement.GetProperty("args");
            var sent = args.EnumerateObject().Select(p => p.Name).ToList();
            Assert.All(sent, name => Assert.Contains(name, page.Args));
            Assert.All(page.Required, name => Assert.Contains(name, sent));
            var duration = args.GetProperty("duration");
            Assert.Equal(page.DurationIsInteger ? JsonValueKind.Number : JsonValueKind.String, duration.ValueKind);
            Assert.Equal("4", duration.ValueKind == JsonValueKind.Number ? duration.GetRawText() : duration.GetString());
            if (page.Args.Contains("images")) Assert.Equal(3, args.GetProperty("images").GetArrayLength());
            if (page.Args.Contains("image_tail")) Assert.Equal("https://example.com/last.png", args.GetProperty("image_tail").GetString());
            if (page.Args.Contains("aspect_ratio")) Assert.Equal("9:16", args.GetProperty("aspect_ratio").GetString());
            if (page.Args.Contains("mode")) Assert.True(args.TryGetProperty("mode", out _));
            else Assert.False(args.TryGetProperty("mode", out _));
        }

        [Fact]
        public void Local_pictures_of_a_reference_job_are_each_streamed_into_the_images_list()
        {
            using var folder = new TestFolder();
            var a = ImageReference.FromFile(folder.Png("a.png"), "a.png");
            var b = ImageReference.FromFile(folder.Png("b.png", padding: 300), "b.png");
            var request = new CreateJobRequest(ViduCatalogue.Q3Reference, "x", references: new[] { a, b });
            var body = CreateRequestBody.For(request);
            Assert.Equal(2, body.Files.Count);
            Assert.Equal(3, body.Literals.Count);
            Assert.Equal(request.BodyLength, body.Length);
        }
    }
}
