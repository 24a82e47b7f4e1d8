using System;
using System.Collections.Generic;
using System.Globalization;

namespace ShortApi.Vidu.Pricing
{
    /// <summary>
    /// The seed page's price table as a pure function: no I/O, decimals only.
    /// Rule (API-NOTES.md): X is the 1-second price; where a 2-second price Z is given,
    /// d seconds cost Z + Y·(d−2) for d ≥ 2, otherwise X + Y·(d−1).
    /// </summary>
    public static class PriceTable
    {
        private static readonly Dictionary<string, PriceRate> Rates = new Dictionary<string, PriceRate>(StringComparer.OrdinalIgnoreCase)
        {
            [Key("turbo", "540p")] = new PriceRate(0.03m, null, 0.01m),
            [Key("turbo", "720p")] = new PriceRate(0.04m, 0.05m, 0.05m),
            [Key("turbo", "1080p")] = new PriceRate(0.175m, null, 0.05m),
            [Key("pro", "540p")] = new PriceRate(0.04m, 0.05m, 0.025m),
            [Key("pro", "720p")] = new PriceRate(0.075m, null, 0.05m),
            [Key("pro", "1080p")] = new PriceRate(0.275m, null, 0.075m),
            [Key("pro-fast", "720p")] = new PriceRate(0.04m, null, 0.01m),
            [Key("pro-fast", "1080p")] = new PriceRate(0.08m, null, 0.02m),
        };

        /// <summary>The rate for a mode and resolution, or false where the model does not offer the pair.</summary>
        internal static bool TryGetRate(string mode, string resolution, out PriceRate rate) =>
            Rates.TryGetValue(Key(mode, resolution), out rate!);

        /// <summary>
        /// Quotes one video. Throws <see cref="ArgumentException"/>, with a message that says what to change, for an unknown
        /// mode or resolution, for pro-fast at 540p (not offered), and for a duration outside 1–10 seconds.
        /// </summary>
        public static PriceQuote Quote(string mode, string resolution, int duration)
        {
            var wireMode = ViduModel.NormalizeMode(mode)
                ?? throw new ArgumentException($"Mode '{mode}' is not one of {string.Join(", ", ViduModel.Modes)}.");
            var wireResolution = ViduModel.NormalizeResolution(resolution)
                ?? throw new ArgumentException($"Resolution '{resolution}' is not one of {string.Join(", ", ViduModel.Resolutions)}.");
            if (duration < ViduModel.MinDuration || duration > ViduModel.MaxDuration)
                throw new ArgumentException($"Duration {duration} is out of range; videos are {ViduModel.MinDuration} to {ViduModel.MaxDuration} seconds.");
            if (!TryGetRate(wireMode, wireResolution, out var rate))
                throw new ArgumentException($"Mode '{wireMode}' does not offer {wireResolution}; choose 720p or 1080p, or another mode (turbo and pro offer 540p).");

            var (price, basis) = Compute(rate, duration);
            return new PriceQuote(wireMode, wireResolution, duration, Normalize(price), basis);
        }

        private static (decimal Price, string Basis) Compute(PriceRate rate, int duration)
        {
            if (duration == 1)
                return (rate.FirstSecond, $"{Usd(rate.FirstSecond)} for 1 s");
            if (rate.TwoSeconds is decimal two)
                return (two + rate.PerSecond * (duration - 2),
                        duration == 2 ? $"{Usd(two)} for 2 s" : $"{Usd(two)} for 2 s + {duration - 2} × {Usd(rate.PerSecond)}/s");
            return (rate.FirstSecond + rate.PerSecond * (duration - 1),
                    $"{Usd(rate.FirstSecond)} for 1 s + {duration - 1} × {Usd(rate.PerSecond)}/s");
        }

        // 0.05m * 3 carries a scale of two digits; dividing by 1.000… drops trailing zeros so $0.15, not $0.150.
        private static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;

        private static string Usd(decimal value) => Money.Usd(value);

        private static string Key(string mode, string resolution) => mode + "|" + resolution;
    }
}
