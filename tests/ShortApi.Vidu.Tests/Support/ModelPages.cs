using System.Collections.Generic;

namespace ShortApi.Vidu.Tests.Support
{
    /// <summary>
    /// What each model's public page lists (../shared/VIDU-MODELS.md), written here by hand and on purpose not taken
    /// from the module's catalogue: a test that compares a request with this catches a catalogue that is wrong.
    /// </summary>
    internal static class ModelPages
    {
        public sealed class Page
        {
            public Page(string id, string[] args, string[] required, bool durationIsInteger)
            {
                Id = id;
                Args = args;
                Required = required;
                DurationIsInteger = durationIsInteger;
            }

            public string Id { get; }

            /// <summary>Every argument name the page lists.</summary>
            public string[] Args { get; }

            public string[] Required { get; }

            public bool DurationIsInteger { get; }
        }

        public static readonly IReadOnlyDictionary<string, Page> ById = new Dictionary<string, Page>
        {
            ["vidu/vidu-q2/image-to-video"] = new Page("vidu/vidu-q2/image-to-video",
                new[] { "mode", "prompt", "image", "duration", "resolution", "generate_audio", "voice_id" }, new[] { "prompt", "image" }, false),
            ["vidu/vidu-q2/start-end-to-video"] = new Page("vidu/vidu-q2/start-end-to-video",
                new[] { "mode", "prompt", "image", "image_tail", "duration", "resolution" }, new[] { "prompt", "image", "image_tail" }, false),
            ["vidu/vidu-q2/text-to-video"] = new Page("vidu/vidu-q2/text-to-video",
                new[] { "prompt", "duration", "resolution", "aspect_ratio" }, new[] { "prompt" }, false),
            ["vidu/vidu-q3/image-to-video"] = new Page("vidu/vidu-q3/image-to-video",
                new[] { "mode", "prompt", "image", "duration", "resolution" }, new[] { "prompt", "image" }, false),
            ["vidu/vidu-q3/start-end-to-video"] = new Page("vidu/vidu-q3/start-end-to-video",
                new[] { "mode", "prompt", "image", "image_tail", "duration", "resolution", "generate_audio" }, new[] { "prompt", "image", "image_tail" }, false),
            ["vidu/vidu-q3/text-to-video"] = new Page("vidu/vidu-q3/text-to-video",
                new[] { "mode", "prompt", "duration", "resolution", "aspect_ratio", "generate_audio" }, new[] { "prompt" }, false),
            ["vidu/vidu-q3/reference-to-video"] = new Page("vidu/vidu-q3/reference-to-video",
                new[] { "mode", "prompt", "images", "duration", "resolution", "aspect_ratio" }, new[] { "prompt", "images" }, true),
        };
    }
}
