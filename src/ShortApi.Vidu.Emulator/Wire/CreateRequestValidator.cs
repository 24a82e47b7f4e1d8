using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ShortApi.Vidu.Emulator;

/// <summary>Turns a create body into a <see cref="ValidatedCreate"/> by its model's rules, or names the field and rule it breaks (the 400 message).</summary>
/// <remarks>Checks run in a fixed order (model, args, unlisted names, then each listed field), so the first broken rule is the one reported.</remarks>
internal static class CreateRequestValidator
{
    public const int MaxPromptLength = 5000;

    public static bool TryRead(JsonElement root, [NotNullWhen(true)] out ValidatedCreate? create, [NotNullWhen(false)] out string? error)
    {
        error = Read(root, out create);
        return error is null;
    }

    private static string? Read(JsonElement root, out ValidatedCreate? create)
    {
        create = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return "the body must be a JSON object";
        }

        string? error = ReadModel(root, out ModelSpec? model);
        if (error is not null)
        {
            return error;
        }

        if (!root.TryGetProperty("args", out JsonElement args) || args.ValueKind != JsonValueKind.Object)
        {
            return "args is required and must be a JSON object";
        }

        // A client must never send an argument its model does not list, even as null.
        var names = new List<string>();
        foreach (JsonProperty property in args.EnumerateObject())
        {
            if (!model!.Accepts(property.Name))
            {
                return $"args.{property.Name} is not an argument of {model.Id}; it takes {string.Join(", ", model.Fields)}";
            }

            names.Add(property.Name);
        }

        var reader = new ArgsReader(model!, args);
        error = reader.Read();
        if (error is not null)
        {
            return error;
        }

        create = new ValidatedCreate(model!, reader.Result(names), ReadCallbackUrl(root));
        return null;
    }

    private static string? ReadModel(JsonElement root, out ModelSpec? model)
    {
        model = null;
        string served = string.Join(", ", ModelCatalogue.Ids);
        if (!root.TryGetProperty("model", out JsonElement element) || element.ValueKind != JsonValueKind.String)
        {
            return $"model is required: one of {served}";
        }

        string id = element.GetString()!;
        model = ModelCatalogue.Find(id);
        return model is null ? $"model \"{id}\" is not served; use one of {served}" : null;
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

    /// <summary>Reads the listed fields of one model's <c>args</c>, one at a time, keeping what it read.</summary>
    private sealed class ArgsReader
    {
        private readonly ModelSpec model;
        private readonly JsonElement args;
        private string? mode;
        private string prompt = "";
        private int duration = ModelCatalogue.DefaultDuration;
        private string? durationType;
        private int imageCount;
        private string resolution = ModelCatalogue.DefaultResolution;
        private string? aspectRatio;
        private bool generateAudio;
        private string? voiceId;

        public ArgsReader(ModelSpec model, JsonElement args)
        {
            this.model = model;
            this.args = args;
        }

        public string? Read() =>
            ReadMode()
            ?? ReadPrompt()
            ?? ReadDuration()
            ?? ReadPictures()
            ?? ReadChoice("resolution", ModelCatalogue.DefaultResolution, out resolution, ModelCatalogue.Resolutions)
            ?? ReadAspectRatio()
            ?? ReadAudio()
            ?? CheckResolutionInMode();

        public CreateArguments Result(IReadOnlyList<string> names) => new()
        {
            Model = model.Id,
            Kind = model.Kind,
            ArgNames = names,
            Prompt = prompt,
            Mode = mode,
            Resolution = resolution,
            DurationSeconds = duration,
            DurationJsonType = durationType,
            ImageCount = imageCount,
            AspectRatio = aspectRatio,
            GenerateAudio = generateAudio,
            VoiceId = voiceId,
        };

        /// <summary>An optional field; JSON null counts as absent because many clients serialise unset options that way.</summary>
        private bool TryGetPresent(string name, out JsonElement value) =>
            args.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null;

        private string? ReadChoice(string name, string fallback, out string value, string[] choices)
        {
            value = fallback;
            if (!TryGetPresent(name, out JsonElement element))
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

        private string? ReadMode()
        {
            if (model.Modes is null)
            {
                return null;
            }

            string? error = ReadChoice("mode", ModelCatalogue.DefaultMode, out string chosen, model.Modes);
            mode = chosen;
            return error;
        }

        private string? ReadPrompt()
        {
            if (!TryGetPresent("prompt", out JsonElement element))
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

        private string? ReadDuration()
        {
            if (!TryGetPresent("duration", out JsonElement element))
            {
                return null;
            }

            durationType = element.ValueKind == JsonValueKind.Number ? "number" : element.ValueKind == JsonValueKind.String ? "string" : null;
            return model.DurationIsInteger ? ReadIntegerDuration(element) : ReadStringDuration(element);
        }

        /// <summary>Every page but Q3 reference types it as a string: a number is refused so clients learn to send "5", not 5.</summary>
        private string? ReadStringDuration(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.String)
            {
                return "args.duration must be a string, e.g. \"5\"";
            }

            string text = element.GetString()!;
            bool canonical = int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out int value)
                && value.ToString(CultureInfo.InvariantCulture) == text;
            if (!canonical || value < model.MinDuration || value > model.MaxDuration)
            {
                return $"args.duration must be one of \"{model.MinDuration}\" to \"{model.MaxDuration}\"";
            }

            duration = value;
            return null;
        }

        /// <summary>Q3 reference-to-video types it as an integer: the string "5" is refused, as is 5.5.</summary>
        private string? ReadIntegerDuration(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt32(out int value))
            {
                return $"args.duration must be an integer on {model.Id}, e.g. 5 (not a string)";
            }

            if (value < model.MinDuration || value > model.MaxDuration)
            {
                return $"args.duration must be an integer from {model.MinDuration} to {model.MaxDuration}";
            }

            duration = value;
            return null;
        }

        private string? ReadPictures() => model.Pictures switch
        {
            PictureInputs.Image => ReadOnePicture("image"),
            PictureInputs.FirstAndLastFrame => ReadOnePicture("image") ?? ReadOnePicture("image_tail"),
            PictureInputs.ReferenceImages => ReadReferencePictures(),
            _ => null,
        };

        private string? ReadOnePicture(string name)
        {
            if (!TryGetPresent(name, out JsonElement image))
            {
                return $"args.{name} is required";
            }

            imageCount++;
            return ImageArgumentRule.Check(image, "args." + name);
        }

        private string? ReadReferencePictures()
        {
            const string Shape = "a JSON array of 1 to 7 image strings (http(s) URLs or data:image/... URIs)";
            if (!TryGetPresent("images", out JsonElement images))
            {
                return $"args.images is required: {Shape}";
            }

            if (images.ValueKind != JsonValueKind.Array)
            {
                return $"args.images must be {Shape}";
            }

            int count = images.GetArrayLength();
            if (count < 1 || count > ModelCatalogue.MaxReferenceImages)
            {
                return $"args.images must hold 1 to {ModelCatalogue.MaxReferenceImages} images (got {count})";
            }

            int index = 0;
            foreach (JsonElement image in images.EnumerateArray())
            {
                string? error = ImageArgumentRule.Check(image, string.Create(CultureInfo.InvariantCulture, $"args.images[{index}]"));
                if (error is not null)
                {
                    return error;
                }

                index++;
            }

            imageCount = count;
            return null;
        }

        private string? ReadAspectRatio()
        {
            if (!model.HasAspectRatio)
            {
                return null;
            }

            string? error = ReadChoice("aspect_ratio", ModelCatalogue.DefaultAspectRatio, out string ratio, ModelCatalogue.AspectRatios);
            aspectRatio = ratio;
            return error;
        }

        private string? ReadAudio()
        {
            if (model.HasGenerateAudio && TryGetPresent("generate_audio", out JsonElement audio))
            {
                if (audio.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    return "args.generate_audio must be a boolean (true or false, not a string)";
                }

                generateAudio = audio.GetBoolean();
            }

            if (!model.HasVoiceId)
            {
                return null;
            }

            if (TryGetPresent("voice_id", out JsonElement voice))
            {
                if (voice.ValueKind != JsonValueKind.String)
                {
                    return "args.voice_id must be a string";
                }

                voiceId = voice.GetString();
            }

            return generateAudio && string.IsNullOrWhiteSpace(voiceId) ? "args.voice_id is required when generate_audio is true" : null;
        }

        private string? CheckResolutionInMode() =>
            mode is not null && resolution == "540p" && Array.IndexOf(model.ModesWithout540p, mode) >= 0
                ? $"args.resolution 540p is not supported in {mode} mode; use 720p or 1080p"
                : null;
    }
}
