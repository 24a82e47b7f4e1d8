using System;
using System.IO;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using ShortApi.Vidu.Wire;
using ShortApi.Vidu.Pipeline;
using ShortApi.Vidu.Transport;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    public class CreateRequestBodyTests
    {
        [Fact]
        public async Task A_local_file_is_streamed_as_a_data_uri_with_an_exact_length()
        {
            using var folder = new TestFolder();
            var path = folder.Png("cat.png", 320, 180, padding: 200_003); // not a multiple of 3, spans several chunks
            var request = new CreateJobRequest(ImageReference.FromFile(path, path), "a cat \"purrs\" — 猫") { Duration = 7, Resolution = "1080p" };
            using var content = new CreateRequestContent(request, new RequestBodyState());
            var bytes = await content.ReadAsByteArrayAsync();

            Assert.Equal(request.BodyLength, bytes.LongLength);
            Assert.Equal(bytes.LongLength, content.Headers.ContentLength);
            using var json = JsonDocument.Parse(bytes);
            var args = json.RootElement.GetProperty("args");
            var image = args.GetProperty("image").GetString()!;
            Assert.StartsWith("data:image/png;base64,", image);
            Assert.Equal(File.ReadAllBytes(path), Convert.FromBase64String(image.Substring("data:image/png;base64,".Length)));
            Assert.Equal("7", args.GetProperty("duration").GetString());
            Assert.Equal("1080p", args.GetProperty("resolution").GetString());
            Assert.Equal("a cat \"purrs\" — 猫", args.GetProperty("prompt").GetString());
            Assert.Equal("vidu/vidu-q2/image-to-video", json.RootElement.GetProperty("model").GetString());
        }

        [Fact]
        public async Task Fields_left_unset_are_not_sent()
        {
            var request = new CreateJobRequest(ImageReference.FromUrl("https://example.com/a.png"), "pan left");
            using var content = new CreateRequestContent(request, new RequestBodyState());
            using var json = JsonDocument.Parse(await content.ReadAsByteArrayAsync());
            var names = new System.Collections.Generic.List<string>();
            foreach (var p in json.RootElement.GetProperty("args").EnumerateObject()) names.Add(p.Name);
            Assert.Equal(new[] { "mode", "prompt", "image" }, names);
            Assert.False(json.RootElement.TryGetProperty("callback_url", out _));
        }

        [Fact]
        public async Task Audio_and_callback_are_sent_with_their_wire_types()
        {
            var request = new CreateJobRequest(ImageReference.FromUrl("https://example.com/a.png"), "sing")
            {
                GenerateAudio = true,
                VoiceId = "voice-1",
                CallbackUrl = "https://hooks.example.com/done",
            };
            using var content = new CreateRequestContent(request, new RequestBodyState());
            using var json = JsonDocument.Parse(await content.ReadAsByteArrayAsync());
            Assert.Equal(JsonValueKind.True, json.RootElement.GetProperty("args").GetProperty("generate_audio").ValueKind);
            Assert.Equal("voice-1", json.RootElement.GetProperty("args").GetProperty("voice_id").GetString());
            Assert.Equal("https://hooks.example.com/done", json.RootElement.GetProperty("callback_url").GetString());
        }

        [Theory]
        [InlineData("pro-fast", "540p", 5, false, null, "Resolution '540p' is not offered by vidu/vidu-q2/image-to-video in pro-fast mode")]
        [InlineData("pro", "720p", 11, false, null, "Duration '11'")]
        [InlineData("pro", "720p", 0, false, null, "Duration '0'")]
        [InlineData("pro", "720p", 5, true, null, "-VoiceId")]
        [InlineData("fast", "720p", 5, false, null, "Mode 'fast'")]
        [InlineData("pro", "480p", 5, false, null, "Resolution '480p'")]
        public void Every_rule_of_the_seed_is_checked_before_sending(string mode, string resolution, int duration, bool audio, string? voice, string expected)
        {
            var request = new CreateJobRequest(ImageReference.FromUrl("https://example.com/a.png"), "move")
            {
                Mode = mode,
                Resolution = resolution,
                Duration = duration,
                GenerateAudio = audio ? true : (bool?)null,
                VoiceId = voice,
            };
            Assert.Contains(request.Validate(), p => p.Contains(expected));
        }

        [Theory]
        [InlineData("")]
        [InlineData("   ")]
        public void An_empty_prompt_is_refused(string prompt) =>
            Assert.Contains(new CreateJobRequest(ImageReference.FromUrl("https://example.com/a.png"), prompt).Validate(), p => p.Contains("Prompt is empty"));

        [Fact]
        public void A_prompt_over_5000_characters_is_refused()
        {
            Assert.Empty(new CreateJobRequest(ImageReference.FromUrl("https://example.com/a.png"), new string('a', 5000)).Validate());
            Assert.Contains(new CreateJobRequest(ImageReference.FromUrl("https://example.com/a.png"), new string('a', 5001)).Validate(), p => p.Contains("5001 characters"));
        }
    }
}
