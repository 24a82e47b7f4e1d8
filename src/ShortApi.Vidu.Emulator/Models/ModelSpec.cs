using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Vidu.Emulator;

/// <summary>Which pictures a model takes, and under which argument names.</summary>
internal enum PictureInputs
{
    /// <summary>Text models: no picture at all.</summary>
    None,

    /// <summary><c>image</c>, required.</summary>
    Image,

    /// <summary><c>image</c> (first frame) and <c>image_tail</c> (last frame), both required.</summary>
    FirstAndLastFrame,

    /// <summary><c>images</c>: a JSON array of 1 to 7 reference pictures.</summary>
    ReferenceImages,
}

/// <summary>How a model's page states its price.</summary>
internal enum PriceScheme
{
    /// <summary>The seed page's table: "starts at X ($Z at 2s) plus $Y/sec" per mode and resolution.</summary>
    Q2SeedTable,

    /// <summary>Q2 text-to-video: "starts at X plus $Y/sec" per resolution, no mode.</summary>
    Q2TextStartsAt,

    /// <summary>Q3 image, start-end and text: a flat rate per second, per mode and resolution.</summary>
    Q3PerSecond,

    /// <summary>Q3 reference-to-video: its own rate per second, per mode (with mix) and resolution.</summary>
    Q3ReferencePerSecond,
}

/// <summary>
/// What one model's page says the service accepts: its arguments, their rules and its price scheme.
/// Written from the model pages (docs/emulator.md lists them), never from the module's catalogue, so the two can disagree.
/// </summary>
internal sealed class ModelSpec
{
    private IReadOnlyList<string>? fields;

    /// <summary>The model id sent as <c>model</c>, e.g. <c>vidu/vidu-q3/text-to-video</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The last part of the id: image-to-video, start-end-to-video, text-to-video or reference-to-video.</summary>
    public string Kind => Id[(Id.LastIndexOf('/') + 1)..];

    public required PictureInputs Pictures { get; init; }

    /// <summary>True when <c>duration</c> is a JSON integer on the wire (Q3 reference); otherwise it is a string such as "5".</summary>
    public bool DurationIsInteger { get; init; }

    public required int MinDuration { get; init; }

    public required int MaxDuration { get; init; }

    /// <summary>The page's modes in its order, or null when the model has no <c>mode</c> field.</summary>
    public string[]? Modes { get; init; }

    /// <summary>Modes in which 540p is refused (pro-fast on Q2, mix on Q3 reference).</summary>
    public string[] ModesWithout540p { get; init; } = Array.Empty<string>();

    public bool HasAspectRatio { get; init; }

    public bool HasGenerateAudio { get; init; }

    /// <summary>Only Q2 image-to-video lists <c>voice_id</c>, required there when <c>generate_audio</c> is true.</summary>
    public bool HasVoiceId { get; init; }

    public required PriceScheme Price { get; init; }

    /// <summary>Every argument name the page lists, in a fixed order; anything else in <c>args</c> is refused.</summary>
    public IReadOnlyList<string> Fields => fields ??= ListFields();

    public bool Accepts(string argumentName) => Fields.Contains(argumentName, StringComparer.Ordinal);

    private string[] ListFields()
    {
        var names = new List<string>();
        if (Modes is not null)
        {
            names.Add("mode");
        }

        names.Add("prompt");
        names.Add("duration");
        switch (Pictures)
        {
            case PictureInputs.Image:
                names.Add("image");
                break;
            case PictureInputs.FirstAndLastFrame:
                names.Add("image");
                names.Add("image_tail");
                break;
            case PictureInputs.ReferenceImages:
                names.Add("images");
                break;
        }

        names.Add("resolution");
        if (HasAspectRatio)
        {
            names.Add("aspect_ratio");
        }

        if (HasGenerateAudio)
        {
            names.Add("generate_audio");
        }

        if (HasVoiceId)
        {
            names.Add("voice_id");
        }

        return names.ToArray();
    }
}
