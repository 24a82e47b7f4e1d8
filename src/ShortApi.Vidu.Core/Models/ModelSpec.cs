using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Vidu.Models
{
    /// <summary>
    /// One Vidu model as its public page describes it: the pictures it takes, its arguments and their values, its wire
    /// names and types, and its price. Validation, pricing, completion, Get-ViduModel and the request body all read this.
    /// </summary>
    internal sealed class ModelSpec
    {
        public ModelSpec(string id, string generation, VideoKind kind)
        {
            Id = id;
            Generation = generation;
            Kind = kind;
        }

        /// <summary>The id sent as "model", e.g. vidu/vidu-q3/reference-to-video.</summary>
        public string Id { get; }

        /// <summary>Q2 or Q3.</summary>
        public string Generation { get; }

        public VideoKind Kind { get; }

        /// <summary>The modes offered; empty for a model whose page has no mode field (nothing is sent then).</summary>
        public IReadOnlyList<string> Modes { get; set; } = Array.Empty<string>();

        public string? DefaultMode { get; set; }

        public IReadOnlyList<string> Resolutions { get; set; } = new[] { "540p", "720p", "1080p" };

        public string DefaultResolution { get; set; } = "720p";

        /// <summary>Mode and resolution pairs the page rules out ("pro-fast|540p").</summary>
        public IReadOnlyList<string> ExcludedPairs { get; set; } = Array.Empty<string>();

        public int MinDuration { get; set; } = 1;

        public int MaxDuration { get; set; } = 10;

        public int DefaultDuration { get; set; } = 5;

        /// <summary>Whether "duration" travels as a JSON integer (Q3 reference-to-video) rather than a string.</summary>
        public bool DurationIsInteger { get; set; }

        /// <summary>The aspect ratios offered; empty where the page has no aspect_ratio.</summary>
        public IReadOnlyList<string> AspectRatios { get; set; } = Array.Empty<string>();

        public string? DefaultAspectRatio { get; set; }

        /// <summary>Whether the page lists generate_audio.</summary>
        public bool GenerateAudio { get; set; }

        /// <summary>Whether the page lists voice_id (required with audio where it is listed).</summary>
        public bool VoiceId { get; set; }

        /// <summary>The fewest and most reference pictures (reference-to-video).</summary>
        public int MinReferences { get; set; }

        public int MaxReferences { get; set; }

        /// <summary>The price table: one cell per offered mode and resolution.</summary>
        public IReadOnlyList<PriceCell> Prices { get; set; } = Array.Empty<PriceCell>();

        /// <summary>The price rule in words, as the page states it.</summary>
        public string PriceRule { get; set; } = string.Empty;

        /// <summary>Where the facts come from.</summary>
        public string Source => $"https://shortapi.ai/models/{Id}/llms.txt";

        /// <summary>The short name users type: Q2, Q3.</summary>
        public string DisplayName => $"Vidu {Generation} {KindName}";

        public string KindName => Kind switch
        {
            VideoKind.StartEnd => "start-end-to-video",
            VideoKind.Text => "text-to-video",
            VideoKind.Reference => "reference-to-video",
            _ => "image-to-video",
        };

        public bool HasMode => Modes.Count > 0;

        public string? NormalizeMode(string? mode) =>
            mode == null ? null : Modes.FirstOrDefault(m => string.Equals(m, mode.Trim(), StringComparison.OrdinalIgnoreCase));

        public string? NormalizeResolution(string? resolution)
        {
            if (resolution == null) return null;
            var text = resolution.Trim();
            if (text.Length > 0 && char.IsDigit(text[text.Length - 1])) text += "p";
            return Resolutions.FirstOrDefault(r => string.Equals(r, text, StringComparison.OrdinalIgnoreCase));
        }

        public string? NormalizeAspectRatio(string? ratio) =>
            ratio == null ? null : AspectRatios.FirstOrDefault(r => string.Equals(r, ratio.Trim(), StringComparison.Ordinal));

        /// <summary>Whether the mode (or, for a model without modes, nothing) offers the resolution.</summary>
        public bool Offers(string? mode, string resolution) =>
            !ExcludedPairs.Contains((mode ?? string.Empty) + "|" + resolution, StringComparer.OrdinalIgnoreCase);

        public PriceCell? PriceFor(string? mode, string resolution) =>
            Prices.FirstOrDefault(p => string.Equals(p.Mode, mode ?? string.Empty, StringComparison.OrdinalIgnoreCase) &&
                                       string.Equals(p.Resolution, resolution, StringComparison.OrdinalIgnoreCase));

        public override string ToString() => Id;
    }
}
