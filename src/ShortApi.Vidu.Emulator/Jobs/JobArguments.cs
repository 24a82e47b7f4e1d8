using System;

namespace ShortApi.Vidu.Emulator;

/// <summary>A create request that passed validation, with defaults filled in.</summary>
internal sealed record JobArguments(
    string Mode,
    string Prompt,
    int DurationSeconds,
    string Resolution,
    bool GenerateAudio,
    string? VoiceId,
    Uri? CallbackUrl);
