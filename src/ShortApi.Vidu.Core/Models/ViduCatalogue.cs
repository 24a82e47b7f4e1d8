using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Vidu.Models
{
    /// <summary>
    /// Every Vidu model ShortAPI serves, as its public page states it (../shared/VIDU-MODELS.md). Adding a model is a new
    /// entry here and its tests; nothing else in the module names a model.
    /// </summary>
    internal static class ViduCatalogue
    {
        private static readonly string[] AllAspectRatios = { "16:9", "9:16", "4:3", "3:4", "1:1" };

        /// <summary>The seed model: what every existing script means.</summary>
        public static readonly ModelSpec Q2Image = new ModelSpec("vidu/vidu-q2/image-to-video", "Q2", VideoKind.Image)
        {
            Modes = new[] { "turbo", "pro", "pro-fast" },
            DefaultMode = "pro",
            ExcludedPairs = new[] { "pro-fast|540p" },
            MaxDuration = 10,
            GenerateAudio = true,
            VoiceId = true,
            Prices = SeedTable(),
            PriceRule = SeedRule,
        };

        public static readonly ModelSpec Q2StartEnd = new ModelSpec("vidu/vidu-q2/start-end-to-video", "Q2", VideoKind.StartEnd)
        {
            Modes = new[] { "turbo", "pro", "pro-fast" },
            DefaultMode = "pro",
            ExcludedPairs = new[] { "pro-fast|540p" },
            MaxDuration = 8,
            Prices = SeedTable(),
            PriceRule = SeedRule,
        };

        public static readonly ModelSpec Q2Text = new ModelSpec("vidu/vidu-q2/text-to-video", "Q2", VideoKind.Text)
        {
            MaxDuration = 10,
            AspectRatios = AllAspectRatios,
            DefaultAspectRatio = "16:9",
            Prices = new[]
            {
                PriceCell.Starting(string.Empty, "540p", 0.05m, 0.01m),
                PriceCell.Starting(string.Empty, "720p", 0.75m, 0.025m,
                    doubt: "the page states $0.75 to start, ten times its neighbours (likely $0.075); the charged amount will tell"),
                PriceCell.Starting(string.Empty, "1080p", 0.10m, 0.05m),
            },
            PriceRule = "540p starts at $0.05 plus $0.01/sec, 720p starts at $0.75 plus $0.025/sec (as stated; doubtful), 1080p starts at $0.10 plus $0.05/sec",
        };

        public static readonly ModelSpec Q3Image = new ModelSpec("vidu/vidu-q3/image-to-video", "Q3", VideoKind.Image)
        {
            Modes = new[] { "pro", "turbo" },
            DefaultMode = "pro",
            MaxDuration = 16,
            Prices = Q3PerSecond(),
            PriceRule = Q3Rule,
        };

        public static readonly ModelSpec Q3StartEnd = new ModelSpec("vidu/vidu-q3/start-end-to-video", "Q3", VideoKind.StartEnd)
        {
            Modes = new[] { "pro", "turbo" },
            DefaultMode = "pro",
            MaxDuration = 16,
            GenerateAudio = true,
            Prices = Q3PerSecond(),
            PriceRule = Q3Rule,
        };

        public static readonly ModelSpec Q3Text = new ModelSpec("vidu/vidu-q3/text-to-video", "Q3", VideoKind.Text)
        {
            Modes = new[] { "pro", "turbo" },
            DefaultMode = "pro",
            MaxDuration = 16,
            AspectRatios = AllAspectRatios,
            DefaultAspectRatio = "16:9",
            GenerateAudio = true,
            Prices = Q3PerSecond(),
            PriceRule = Q3Rule,
        };

        public static readonly ModelSpec Q3Reference = new ModelSpec("vidu/vidu-q3/reference-to-video", "Q3", VideoKind.Reference)
        {
            Modes = new[] { "pro", "turbo", "mix" },
            DefaultMode = "pro",
            ExcludedPairs = new[] { "mix|540p" },
            MinDuration = 3,
            MaxDuration = 16,
            DurationIsInteger = true,
            AspectRatios = AllAspectRatios,
            DefaultAspectRatio = "16:9",
            MinReferences = 1,
            MaxReferences = 7,
            Prices = new[]
            {
                PriceCell.PerSecondOnly("mix", "720p", 0.10m),
                PriceCell.PerSecondOnly("mix", "1080p", 0.12m),
                PriceCell.PerSecondOnly("turbo", "540p", 0.02m),
                PriceCell.PerSecondOnly("turbo", "720p", 0.04m),
                PriceCell.PerSecondOnly("turbo", "1080p", 0.052m),
                PriceCell.PerSecondOnly("pro", "540p", 0.04m),
                PriceCell.PerSecondOnly("pro", "720p", 0.08m),
                PriceCell.PerSecondOnly("pro", "1080p", 0.10m),
            },
            PriceRule = "per second: mix 720p $0.10, 1080p $0.12; turbo 540p $0.02, 720p $0.04, 1080p $0.052; pro 540p $0.04, 720p $0.08, 1080p $0.10",
        };

        /// <summary>The family, in the order Get-ViduModel lists it.</summary>
        public static readonly IReadOnlyList<ModelSpec> All = new[] { Q2Image, Q2StartEnd, Q2Text, Q3Image, Q3StartEnd, Q3Text, Q3Reference };

        public static readonly IReadOnlyList<string> Generations = new[] { "Q2", "Q3" };

        /// <summary>The model for a generation and kind, or null where ShortAPI serves none (Q2 reference-to-video).</summary>
        public static ModelSpec? Find(string generation, VideoKind kind) =>
            All.FirstOrDefault(m => string.Equals(m.Generation, generation, StringComparison.OrdinalIgnoreCase) && m.Kind == kind);

        /// <summary>The model with this id, or null.</summary>
        public static ModelSpec? FindById(string id) =>
            All.FirstOrDefault(m => string.Equals(m.Id, id?.Trim(), StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// The generation a -Model value names: Q2, Q3 (any case), or a full model id (a job's Model, piped back in).
        /// Null with a problem for anything else.
        /// </summary>
        public static string? GenerationOf(string? text, out string problem)
        {
            problem = string.Empty;
            var value = text?.Trim() ?? string.Empty;
            var generation = Generations.FirstOrDefault(g => string.Equals(g, value, StringComparison.OrdinalIgnoreCase));
            if (generation != null) return generation;
            var byId = FindById(value);
            if (byId != null) return byId.Generation;
            problem = $"is not a Vidu model; use Q2 or Q3 (or a full id such as {Q3Image.Id})";
            return null;
        }

        private const string SeedRule = "starts at the 1-second price (or the 2-second price where the page gives one) plus a price per further second";
        private const string Q3Rule = "per second: pro 540p $0.056, 720p $0.12, 1080p $0.128; turbo 540p $0.032, 720p $0.048, 1080p $0.064";

        // The seed page's table (API-NOTES.md): X for 1 s; where a 2-second price Z is given, d s cost Z + Y·(d−2), else X + Y·(d−1).
        private static PriceCell[] SeedTable() => new[]
        {
            PriceCell.Starting("turbo", "540p", 0.03m, 0.01m),
            PriceCell.Starting("turbo", "720p", 0.04m, 0.05m, twoSeconds: 0.05m),
            PriceCell.Starting("turbo", "1080p", 0.175m, 0.05m),
            PriceCell.Starting("pro", "540p", 0.04m, 0.025m, twoSeconds: 0.05m),
            PriceCell.Starting("pro", "720p", 0.075m, 0.05m),
            PriceCell.Starting("pro", "1080p", 0.275m, 0.075m),
            PriceCell.Starting("pro-fast", "720p", 0.04m, 0.01m),
            PriceCell.Starting("pro-fast", "1080p", 0.08m, 0.02m),
        };

        private static PriceCell[] Q3PerSecond() => new[]
        {
            PriceCell.PerSecondOnly("pro", "540p", 0.056m),
            PriceCell.PerSecondOnly("pro", "720p", 0.12m),
            PriceCell.PerSecondOnly("pro", "1080p", 0.128m),
            PriceCell.PerSecondOnly("turbo", "540p", 0.032m),
            PriceCell.PerSecondOnly("turbo", "720p", 0.048m),
            PriceCell.PerSecondOnly("turbo", "1080p", 0.064m),
        };
    }
}
