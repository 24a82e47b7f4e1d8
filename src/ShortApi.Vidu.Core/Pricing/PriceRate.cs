namespace ShortApi.Vidu.Pricing
{
    /// <summary>
    /// One cell of the price table: "starts at <see cref="FirstSecond"/> (<see cref="TwoSeconds"/> at 2s)
    /// plus <see cref="PerSecond"/>/sec".
    /// </summary>
    internal sealed class PriceRate
    {
        internal PriceRate(decimal firstSecond, decimal? twoSeconds, decimal perSecond)
        {
            FirstSecond = firstSecond;
            TwoSeconds = twoSeconds;
            PerSecond = perSecond;
        }

        /// <summary>Price of a 1-second video in USD.</summary>
        public decimal FirstSecond { get; }

        /// <summary>Price of a 2-second video where the table names one, else null.</summary>
        public decimal? TwoSeconds { get; }

        /// <summary>Price of each further second in USD.</summary>
        public decimal PerSecond { get; }
    }
}
