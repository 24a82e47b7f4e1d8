namespace ShortApi.Vidu.Models
{
    /// <summary>
    /// One mode and resolution's price, in the two forms the pages use: "starts at <see cref="FirstSecond"/>
    /// (<see cref="TwoSeconds"/> at 2s) plus <see cref="PerSecond"/>/sec", or a flat rate per second
    /// (<see cref="FirstSecond"/> null). A doubtful cell is one whose figure looks like a typo on its page.
    /// </summary>
    internal sealed class PriceCell
    {
        private PriceCell(string mode, string resolution, decimal? firstSecond, decimal? twoSeconds, decimal perSecond, string? doubt)
        {
            Mode = mode;
            Resolution = resolution;
            FirstSecond = firstSecond;
            TwoSeconds = twoSeconds;
            PerSecond = perSecond;
            Doubt = doubt;
        }

        /// <summary>The mode the cell prices; empty for a model with no mode.</summary>
        public string Mode { get; }
        public string Resolution { get; }
        public decimal? FirstSecond { get; }
        public decimal? TwoSeconds { get; }
        public decimal PerSecond { get; }

        /// <summary>Why the page's figure is doubtful, or null.</summary>
        public string? Doubt { get; }

        public static PriceCell Starting(string mode, string resolution, decimal firstSecond, decimal perSecond, decimal? twoSeconds = null, string? doubt = null) =>
            new PriceCell(mode, resolution, firstSecond, twoSeconds, perSecond, doubt);

        public static PriceCell PerSecondOnly(string mode, string resolution, decimal perSecond) =>
            new PriceCell(mode, resolution, null, null, perSecond, null);
    }
}
