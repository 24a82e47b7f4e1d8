using System;
using ShortApi.Vidu.Pricing;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>Prices of every kind, worked out by hand from the pages' figures (VIDU-MODELS.md), not from the catalogue.</summary>
    public class FamilyPriceTests
    {
        [Theory]
        [InlineData("Q3", VideoKind.Reference, "mix", "1080p", 8, "0.96")]        // 8 × 0.12
        [InlineData("Q3", VideoKind.Reference, "turbo", "540p", 3, "0.06")]       // 3 × 0.02
        [InlineData("Q3", VideoKind.Reference, "pro", "720p", 16, "1.28")]        // 16 × 0.08
        [InlineData("Q3", VideoKind.Image, "pro", "720p", 5, "0.6")]              // 5 × 0.12
        [InlineData("Q3", VideoKind.StartEnd, "turbo", "1080p", 16, "1.024")]     // 16 × 0.064
        [InlineData("Q3", VideoKind.Text, "pro", "540p", 10, "0.56")]             // 10 × 0.056
        [InlineData("Q2", VideoKind.StartEnd, "pro", "1080p", 8, "0.8")]          // 0.275 + 7 × 0.075
        [InlineData("Q2", VideoKind.StartEnd, "turbo", "720p", 3, "0.1")]         // 0.05 for 2 s + 1 × 0.05
        [InlineData("Q2", VideoKind.Text, null, "540p", 5, "0.09")]               // 0.05 + 4 × 0.01
        [InlineData("Q2", VideoKind.Text, null, "1080p", 3, "0.2")]               // 0.10 + 2 × 0.05
        [InlineData("vidu/vidu-q3/text-to-video", VideoKind.Text, "turbo", "720p", 2, "0.096")] // a job's full model id works too
        public void Every_kind_is_priced_by_its_pages_rule(string model, VideoKind kind, string? mode, string resolution, int duration, string expected)
        {
            var quote = PriceTable.Quote(model, kind, mode, resolution, duration);
            Assert.Equal(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), quote.Price);
            Assert.False(quote.Doubtful);
            Assert.Equal(kind, quote.Kind);
        }

        [Fact]
        public void The_doubtful_q2_text_720p_figure_is_used_as_stated_and_marked()
        {
            var quote = PriceTable.Quote("Q2", VideoKind.Text, null, "720p", 2);
            Assert.Equal(0.775m, quote.Price); // the page's $0.75 + 1 × $0.025
            Assert.True(quote.Doubtful);
            Assert.Contains("doubtful", quote.Basis);
            Assert.Contains("$0.075", quote.Basis);
        }

        [Theory]
        [InlineData("Q3", VideoKind.Image, "pro-fast", "720p", 5)]
        [InlineData("Q3", VideoKind.Reference, "mix", "540p", 5)]
        [InlineData("Q3", VideoKind.Reference, "pro", "720p", 2)]
        [InlineData("Q2", VideoKind.StartEnd, "pro", "720p", 9)]
        [InlineData("Q2", VideoKind.Reference, "pro", "720p", 5)]
        [InlineData("Q2", VideoKind.Text, "pro", "720p", 5)]
        public void A_cell_the_page_rules_out_has_no_price(string model, VideoKind kind, string mode, string resolution, int duration) =>
            Assert.Throws<ArgumentException>(() => PriceTable.Quote(model, kind, mode, resolution, duration));
    }
}
