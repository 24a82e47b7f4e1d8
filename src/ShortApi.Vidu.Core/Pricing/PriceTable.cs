using System;
using ShortApi.Vidu.Models;

namespace ShortApi.Vidu.Pricing
{
    /// <summary>
    /// Prices any model of the catalogue as a pure function: no I/O, decimals only. Two rules, as the pages state them:
    /// "starts at X (Z at 2 s) plus Y/sec" (X is the 1-second price; where Z is given, d seconds cost Z + Y·(d−2), else
    /// X + Y·(d−1)), and a flat rate per second.
    /// </summary>
    public static class PriceTable
    {
        /// <summary>
        /// Quotes one video of a model (Q2 or Q3, or a full id) and kind. Null arguments mean the model's defaults.
        /// Throws <see cref="ArgumentException"/>, naming the model and the rule, for anything the model's page rules out.
        /// </summary>
        public static PriceQuote Quote(string model, VideoKind kind, string? mode, string? resolution, int? duration)
        {
            var generation = ViduCatalogue.GenerationOf(model, out var problem) ?? throw new ArgumentException($"Model '{model}' {problem}.");
            var spec = ViduCatalogue.Find(generation, kind) ?? throw new ArgumentException(ModelRules.NoSuchModel(generation, kind));
            return Quote(spec, mode, resolution, duration);
        }

        /// <summary>Quotes the seed model (Vidu Q2 image-to-video), as the first version of this module did.</summary>
        public static PriceQuote Quote(string mode, string resolution, int duration) => Quote("Q2", VideoKind.Image, mode, resolution, duration);

        internal static PriceQuote Quote(ModelSpec spec, string? mode, string? resolution, int? duration)
        {
            var problems = ModelRules.CheckPlan(spec, mode, resolution, duration, out var wireMode, out var wireResolution, out var seconds);
            if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems));
            var cell = spec.PriceFor(wireMode, wireResolution)
                ?? throw new ArgumentException($"{spec.Id} has no price for {wireMode} {wireResolution}.");
            var (price, basis) = Compute(cell, seconds);
            if (cell.Doubt != null) basis += $" (doubtful: {cell.Doubt})";
            return new PriceQuote(spec.Id, spec.Kind, wireMode, wireResolution, seconds, Normalize(price), basis, cell.Doubt != null);
        }

        private static (decimal Price, string Basis) Compute(PriceCell cell, int duration)
        {
            if (cell.FirstSecond is not decimal first)
                return (cell.PerSecond * duration, $"{duration} × {Money.Usd(cell.PerSecond)}/s");
            if (duration == 1)
                return (first, $"{Money.Usd(first)} for 1 s");
            if (cell.TwoSeconds is decimal two)
                return (two + cell.PerSecond * (duration - 2),
                        duration == 2 ? $"{Money.Usd(two)} for 2 s" : $"{Money.Usd(two)} for 2 s + {duration - 2} × {Money.Usd(cell.PerSecond)}/s");
            return (first + cell.PerSecond * (duration - 1),
                    $"{Money.Usd(first)} for 1 s + {duration - 1} × {Money.Usd(cell.PerSecond)}/s");
        }

        // 0.05m * 3 carries a scale of two digits; dividing by 1.000… drops trailing zeros so $0.15, not $0.150.
        private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
    }
}
