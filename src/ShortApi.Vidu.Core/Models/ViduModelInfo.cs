using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace ShortApi.Vidu.Models
{
    /// <summary>One Vidu model ShortAPI serves, as Get-ViduModel lists it: what it takes, what it offers, what it costs and where that is stated.</summary>
    public sealed class ViduModelInfo
    {
        internal ViduModelInfo(ModelSpec spec)
        {
            Model = spec.Id;
            Generation = spec.Generation;
            Kind = spec.Kind;
            Inputs = spec.Kind switch
            {
                VideoKind.StartEnd => "image (first frame), image_tail (last frame)",
                VideoKind.Text => "prompt only",
                VideoKind.Reference => string.Format(CultureInfo.InvariantCulture, "images: {0} to {1} reference pictures", spec.MinReferences, spec.MaxReferences),
                _ => "image",
            };
            Modes = spec.Modes.ToArray();
            DefaultMode = spec.DefaultMode;
            Resolutions = spec.Resolutions.ToArray();
            DefaultResolution = spec.DefaultResolution;
            NotOffered = spec.ExcludedPairs.Select(p => p.Replace("|", " at ")).ToArray();
            MinDuration = spec.MinDuration;
            MaxDuration = spec.MaxDuration;
            DefaultDuration = spec.DefaultDuration;
            DurationType = spec.DurationIsInteger ? "integer" : "string";
            AspectRatios = spec.AspectRatios.ToArray();
            OffersAudio = spec.GenerateAudio;
            TakesVoiceId = spec.VoiceId;
            PriceRule = spec.PriceRule;
            Source = spec.Source;
        }

        /// <summary>The model id sent to the service (named as on a job, so the object binds to -Model by property name).</summary>
        public string Model { get; }

        /// <summary>The same id as <see cref="Model"/>, under the name a catalogue entry is usually looked up by.</summary>
        public string Id => Model;

        /// <summary>Q2 or Q3 (what -Model takes).</summary>
        public string Generation { get; }

        /// <summary>What the video is made from.</summary>
        public VideoKind Kind { get; }

        /// <summary>The pictures (and wire names) the model takes.</summary>
        public string Inputs { get; }

        /// <summary>The modes offered (none: the model has no mode argument).</summary>
        public TextList Modes { get; }

        /// <summary>The mode used when none is given.</summary>
        public string? DefaultMode { get; }

        /// <summary>The resolutions offered.</summary>
        public TextList Resolutions { get; }

        /// <summary>The resolution used when none is given.</summary>
        public string DefaultResolution { get; }

        /// <summary>Mode and resolution pairs the page rules out, e.g. "pro-fast at 540p".</summary>
        public TextList NotOffered { get; }

        /// <summary>The shortest video, in seconds.</summary>
        public int MinDuration { get; }

        /// <summary>The longest video, in seconds.</summary>
        public int MaxDuration { get; }

        /// <summary>The length used when none is given, in seconds.</summary>
        public int DefaultDuration { get; }

        /// <summary>How "duration" travels on the wire: string or integer.</summary>
        public string DurationType { get; }

        /// <summary>The aspect ratios offered (none: the picture decides).</summary>
        public TextList AspectRatios { get; }

        /// <summary>Whether the model offers generated audio.</summary>
        public bool OffersAudio { get; }

        /// <summary>Whether the model takes a voice id (required with audio).</summary>
        public bool TakesVoiceId { get; }

        /// <summary>The price rule, as the page states it.</summary>
        public string PriceRule { get; }

        /// <summary>Where the facts come from: the model's public page.</summary>
        public string Source { get; }

        /// <inheritdoc />
        public override string ToString() => Model;
    }
}
