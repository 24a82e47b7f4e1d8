using System.Collections.Generic;

namespace ShortApi.Vidu.Emulator;

/// <summary>The arguments of a create that passed validation, as the emulator read them (defaults filled in), so tests can assert what a client sent.</summary>
public sealed record CreateArguments
{
    /// <summary>The model id, e.g. <c>vidu/vidu-q3/reference-to-video</c>.</summary>
    public required string Model { get; init; }

    /// <summary>The last part of the model id: image-to-video, start-end-to-video, text-to-video or reference-to-video.</summary>
    public required string Kind { get; init; }

    /// <summary>The names under <c>args</c>, exactly as sent and in the order sent.</summary>
    public required IReadOnlyList<string> ArgNames { get; init; }

    public required string Prompt { get; init; }

    /// <summary>The mode (default pro), or null on a model without a <c>mode</c> field (Q2 text-to-video).</summary>
    public string? Mode { get; init; }

    /// <summary>540p, 720p (default) or 1080p.</summary>
    public required string Resolution { get; init; }

    /// <summary>Seconds of video (default 5).</summary>
    public required int DurationSeconds { get; init; }

    /// <summary>The JSON type <c>duration</c> arrived as: <c>string</c> or <c>number</c>; null when it was absent.</summary>
    public string? DurationJsonType { get; init; }

    /// <summary>Pictures sent: <c>image</c> and <c>image_tail</c> count one each, <c>images</c> its length; 0 on text models.</summary>
    public required int ImageCount { get; init; }

    /// <summary>The aspect ratio (default 16:9), or null on a model without an <c>aspect_ratio</c> field.</summary>
    public string? AspectRatio { get; init; }

    /// <summary>Whether <c>generate_audio</c> was true (false when absent or not listed by the model).</summary>
    public bool GenerateAudio { get; init; }

    public string? VoiceId { get; init; }
}
