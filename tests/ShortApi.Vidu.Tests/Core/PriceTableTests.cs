using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using ShortApi.Vidu.Pricing;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    public class PriceTableTests
    {
        // The seed page's own sentence, read here with a regex: the expected prices are computed from the
        // service's words, not copied from PriceTable.
        internal static IReadOnlyDictionary<(string Mode, string Resolution), (decimal First, decimal? Two, decimal PerSecond)> RatesFromSeed()
        {
            var seed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "spec", "vidu-q2-image-to-video.seed.txt"));
            var pricing = seed.Substring(seed.IndexOf("In Turbo Mode", StringComparison.Ordinal));
            pricing = pricing.Substring(0, pricing.IndexOf("For more details", StringComparison.Ordinal));
            var rates = new Dictionary<(string, string), (decimal, decimal?, decimal)>();
            var mode = "";
            var clause = new Regex(@"(?:in (?<mode>Turbo|Pro-Fast|Pro) Mode, )?(?<res>\d+p) starts at \$(?<x>[\d.]+)(?: \(\$(?<z>[\d.]+) at 2s\))? plus \$(?<y>[\d.]+)/sec", RegexOptions.IgnoreCase);
            foreach (Match m in clause.Matches(pricing))
            {
                if (m.Groups["mode"].Success) mode = m.Groups["mode"].Value.ToLowerInvariant();
                rates[(mode, m.Groups["res"].Value)] = (Dec(m.Groups["x"].Value), m.Groups["z"].Success ? Dec(m.Groups["z"].Value) : (decimal?)null, Dec(m.Groups["y"].Value));
            }
            return rates;
        }

        internal static decimal Expected((decimal First, decimal? Two, decimal PerSecond) rate, int seconds) =>
            seconds == 1 ? rate.First :
            rate.Two is decimal two ? two + rate.PerSecond * (seconds - 2) :
            rate.First + rate.PerSecond * (seconds - 1);

        private static decimal Dec(string text) => decimal.Parse(text, CultureInfo.InvariantCulture);

        [Fact]
        public void The_seed_sentence_names_eight_mode_resolution_pairs()
        {
            var rates = RatesFromSeed();
            Assert.Equal(8, rates.Count);
            Assert.DoesNotContain(("pro-fast", "540p"), rates.Keys);
        }

        [Fact]
        public void Every_cell_of_the_table_matches_the_seed_for_every_duration()
        {
            var cells = 0;
            foreach (var pair in RatesFromSeed())
            {
                for (var seconds = 1; seconds <= 10; seconds++)
                {
                    var quote = PriceTable.Quote(pair.Key.Mode, pair.Key.Resolution, seconds);
                    Assert.Equal(Expected(pair.Value, seconds), quote.Price);
                    cells++;
                }
            }
            Assert.Equal(80, cells);
        }

        [Theory]
        [InlineData("turbo", "720p", 1, "0.04")]
        [InlineData("turbo", "720p", 2, "0.05")]
        [InlineData("turbo", "720p", 3, "0.10")]
        [InlineData("pro", "720p", 5, "0.275")]
        [InlineData("pro", "540p", 2, "0.05")]
        [InlineData("pro-fast", "1080p", 10, "0.26")]
        public void Known_prices_from_vidus_credit_table(string mode, string resolution, int seconds, string price) =>
            Assert.Equal(decimal.Parse(price, CultureInfo.InvariantCulture), PriceTable.Quote(mode, resolution, seconds).Price);

        [Fact]
        public void Pro_fast_at_540p_is_an_error_not_a_price()
        {
            var error = Assert.Throws<ArgumentException>(() => PriceTable.Quote("pro-fast", "540p", 5));
            Assert.Contains("540p", error.Message);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(11)]
        public void Durations_outside_one_to_ten_are_refused(int seconds) =>
            Assert.Contains("out of range", Assert.Throws<ArgumentException>(() => PriceTable.Quote("pro", "720p", seconds)).Message);

        [Fact]
        public void The_basis_shows_the_arithmetic()
        {
            var quote = PriceTable.Quote("turbo", "720p", 4);
            Assert.Equal("$0.05 for 2 s + 2 × $0.05/s", quote.Basis);
            Assert.Equal("USD", quote.Currency);
        }

        [Fact]
        public void Prices_carry_no_trailing_zeros()
        {
            Assert.Equal("0.1", PriceTable.Quote("turbo", "720p", 3).Price.ToString(CultureInfo.InvariantCulture));
        }
    }
}
