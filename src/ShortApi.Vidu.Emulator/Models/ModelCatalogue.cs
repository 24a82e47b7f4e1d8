using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Vidu.Emulator;

/// <summary>
/// The seven Vidu models the emulator serves, each described from its own ShortAPI page (summarised in VIDU-MODELS.md):
/// this is the emulator's independent reading, so a mistake in the module's catalogue shows up as a refused create.
/// </summary>
internal static class ModelCatalogue
{
    public const string Q2ImageToVideo = "vidu/vidu-q2/image-to-video";
    public const string Q2StartEndToVideo = "vidu/vidu-q2/start-end-to-video";
    public const string Q2TextToVideo = "vidu/vidu-q2/text-to-video";
    public const string Q3ImageToVideo = "vidu/vidu-q3/image-to-video";
    public const string Q3StartEndToVideo = "vidu/vidu-q3/start-end-to-video";
    public const string Q3TextToVideo = "vidu/vidu-q3/text-to-video";
    public const string Q3ReferenceToVideo = "vidu/vidu-q3/reference-to-video";

    public const string DefaultMode = "pro";
    public const string DefaultResolution = "720p";
    public const int DefaultDuration = 5;
    public const string DefaultAspectRatio = "16:9";

    /// <summary>The most pictures <c>images</c> may hold on reference-to-video.</summary>
    public const int MaxReferenceImages = 7;

    public static readonly string[] Resolutions = { "540p", "720p", "1080p" };

    public static readonly string[] AspectRatios = { "16:9", "9:16", "4:3", "3:4", "1:1" };

    private static readonly string[] Q2Modes = { "turbo", "pro", "pro-fast" };
    private static readonly string[] Q3Modes = { "pro", "turbo" };
    private static readonly string[] Q3ReferenceModes = { "pro", "turbo", "mix" };

    private static readonly ModelSpec[] Models =
    {
        new ModelSpec
        {
            Id = Q2ImageToVideo,
            Pictures = PictureInputs.Image,
            MinDuration = 1,
            MaxDuration = 10,
            Modes = Q2Modes,
            ModesWithout540p = new[] { "pro-fast" },
            HasGenerateAudio = true,
            HasVoiceId = true,
            Price = PriceScheme.Q2SeedTable,
        },
        new ModelSpec
        {
            Id = Q2StartEndToVideo,
            Pictures = PictureInputs.FirstAndLastFrame,
            MinDuration = 1,
            MaxDuration = 8,
            Modes = Q2Modes,
            ModesWithout540p = new[] { "pro-fast" },
            Price = PriceScheme.Q2SeedTable,
        },
        new ModelSpec
        {
            Id = Q2TextToVideo,
            Pictures = PictureInputs.None,
            MinDuration = 1,
            MaxDuration = 10,
            Modes = null,
            HasAspectRatio = true,
            Price = PriceScheme.Q2TextStartsAt,
        },
        new ModelSpec
        {
            Id = Q3ImageToVideo,
            Pictures = PictureInputs.Image,
            MinDuration = 1,
            MaxDuration = 16,
            Modes = Q3Modes,
            Price = PriceScheme.Q3PerSecond,
        },
        new ModelSpec
        {
            Id = Q3StartEndToVideo,
            Pictures = PictureInputs.FirstAndLastFrame,
            MinDuration = 1,
            MaxDuration = 16,
            Modes = Q3Modes,
            HasGenerateAudio = true,
            Price = PriceScheme.Q3PerSecond,
        },
        new ModelSpec
        {
            Id = Q3TextToVideo,
            Pictures = PictureInputs.None,
            MinDuration = 1,
            MaxDuration = 16,
            Modes = Q3Modes,
            HasAspectRatio = true,
            HasGenerateAudio = true,
            Price = PriceScheme.Q3PerSecond,
        },
        new ModelSpec
        {
            Id = Q3ReferenceToVideo,
            Pictures = PictureInputs.ReferenceImages,
            DurationIsInteger = true,
            MinDuration = 3,
            MaxDuration = 16,
            Modes = Q3ReferenceModes,
            ModesWithout540p = new[] { "mix" },
            HasAspectRatio = true,
            Price = PriceScheme.Q3ReferencePerSecond,
        },
    };

    private static readonly Dictionary<string, ModelSpec> ById = Models.ToDictionary(model => model.Id, StringComparer.Ordinal);

    /// <summary>Every model id served, in the order above.</summary>
    public static IReadOnlyList<string> Ids { get; } = Models.Select(model => model.Id).ToArray();

    public static ModelSpec? Find(string id) => ById.GetValueOrDefault(id);

    public static bool IsServed(string id) => ById.ContainsKey(id);
}
