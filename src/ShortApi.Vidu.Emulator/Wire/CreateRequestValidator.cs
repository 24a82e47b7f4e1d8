using System;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ShortApi.Vidu.Emulator;

/// <summary>Turns a create body into <see cref="JobArguments"/>, or names the field and rule it breaks (the 400 message).</summary>
internal static class CreateRequestValidator
{
    /// <summary>The one model this emulator serves.</summary>
    public const string ModelId = "vidu/vidu-q2/image-to-video";

    public const int MaxPromptLength = 5000;

    public static bool TryRead(JsonElement root, [NotNullWhen(true)] out JobArguments? arguments, [NotNullWhen(false)] out string? error)
    {
        error = Read(root, out arguments);
        return error is null;
    }

    private static string? Read(JsonElement root, out JobArguments? arguments)
    {
        arguments = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "the body must be a JSON object";
        }

        if (!root.TryGetProperty("model", out JsonElement model) || model.ValueKind != JsonValueKind.String || !model.ValueEquals(ModelId))
        {
            return $"model must be \"{ModelId}\"";
        }

        if (!root.TryGetProperty("args", out JsonElement args) || args.ValueKind != JsonValueKind.Object)
        {
            return "args is required and must be a JSON object";
        }

        // One field at a time, in the page's order, so the first broken rule is the one reported.
        string? error = ReadChoice(args, "mode", "pro", out string mode, "turbo", "pro", "pro-fast");
        if (error is not null)
        {
            return error;
        }

        error = ReadPrompt(args, out string prompt);
        if (error is not null)
        {
            return error;
        }

        error = ReadDuration(args, out int duration);
        if (error is not null)
        {
            return error;
        }

        error = ReadImage(args);
        if (error is not null)
        {
            return error;
        }

        error = ReadChoice(args, "resolution", "720p", out string resolution, "540p", "720p", "1080p");
        if (error is not null)
        {
            return error;
        }

        error = ReadAudio(args, out bool generateAudio, out string? voiceId);
        if (error is not null)
        {
            return error;
        }

        if (mode == "pro-fast" && resolution == "540p")
        {
            return "args.resolution 540p is not supported in pro-fast mode; use 720p or 1080p";
        }

        arguments = new JobArguments(mode, prompt, duration, resolution, generateAudio, voiceId, ReadCallbackUrl(root));
        return null;
    }

    /// <summary>An optional field; JSON null counts as absent because many clients serialise unset options that way.</summary>
    private static bool TryGetPresent(JsonElement args, string name, out JsonElement value) =>
        args.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

    private static string? ReadChoice(JsonElement args, string name, string fallback, out string value, params string[] choices)
    {
        value = fallback;
        if (!TryGetPresent(args, name, out JsonElement element))
        {
            return null;
        }

        string? text = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
        if (text is null || Array.IndexOf(choices, text) < 0)
        {
            return $"args.{name} must be one of {string.Join(", ", choices)}";
        }

        value = text;
        return null;
    }

    private static string? ReadPrompt(JsonElement args, out string prompt)
    {
        prompt = "";
        if (!TryGetPresent(args, "prompt", out JsonElement element))
        {
            return "args.prompt is required";
        }

        if (element.ValueKind != JsonValueKind.String)
        {
            return "args.prompt must be a string";
        }

        prompt = element.GetString()!;
        if (string.IsNullOrWhiteSpace(prompt))
        {
            return "args.prompt must not be empty";
        }

        // Counted in Unicode code points (as the service's Python side would): never stricter than a client counting UTF-16 chars.
        int length = CountCodePoints(prompt);
        return length > MaxPromptLength ? $"args.prompt must be at most {MaxPromptLength} characters (got {length})" : null;
    }

    private static int CountCodePoints(string text)
    {
        int count = 0;
        foreach (Rune _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static string? ReadDuration(JsonElement args, out int seconds)
    {
        seconds = 5;
        if (!TryGetPresent(args, "duration", out JsonElement element))
        {
            return null;
        }

        // The page types it as a string; a number is refused so clients learn to send "5", not 5.
        if (element.ValueKind != JsonValueKind.String)
        {
            return "args.duration must be a string, e.g. \"5\"";
        }

        string text = element.GetString()!;
        bool canonical = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
            && value.ToString(CultureInfo.InvariantCulture) == text;
        if (!canonical || value < 1 || value > 10)
        {
            return "args.duration must be one of \"1\" to \"10\"";
        }

        seconds = value;
        return null;
    }

    private static string? ReadImage(JsonElement args)
    {
        if (!TryGetPresent(args, "image", out JsonElement image))
        {
            return "args.image is required";
        }

        return ImageArgumentRule.Check(image);
    }

    private static string? ReadAudio(JsonElement args, out bool generateAudio, out string? voiceId)
    {
        generateAudio = false;
        voiceId = null;
        if (TryGetPresent(args, "generate_audio", out JsonElement audio))
        {
            if (audio.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                return "args.generate_audio must be a boolean (true or false, not a string)";
            }

            generateAudio = audio.GetBoolean();
        }

        if (TryGetPresent(args, "voice_id", out JsonElement voice))
        {
            if (voice.ValueKind != JsonValueKind.String)
            {
                return "args.voice_id must be a string";
            }

            voiceId = voice.GetString();
        }

        if (generateAudio && string.IsNullOrWhiteSpace(voiceId))
        {
            return "args.voice_id is required when generate_audio is true";
        }

        return null;
    }

    /// <summary>Only an absolute http(s) URL is used; anything else (like the page's literal "CALLBACK_URL") is accepted and ignored.</summary>
    private static Uri? ReadCallbackUrl(JsonElement root)
    {
        if (!root.TryGetProperty("callback_url", out JsonElement element) || element.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        bool isWebUrl = Uri.TryCreate(element.GetString(), UriKind.Absolute, out Uri? url)
            && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps);
        return isWebUrl ? url : null;
    }
}
