namespace ShortApi.Vidu.Pricing
{
    /// <summary>The estimated price of one video, and how it was reached.</summary>
    public sealed class PriceQuote
    {
        /// <summary>Creates a quote; use <see cref="PriceTable.Quote"/> rather than this.</summary>
        public PriceQuote(string mode, string resolution, int duration, decimal price, string basis)
        {
            Mode = mode;
            Resolution = resolution;
            Duration = duration;
            Price = price;
            Basis = basis;
        }

        /// <summary>Generation mode.</summary>
        public string Mode { get; }

        /// <summary>Output resolution.</summary>
        public string Resolution { get; }

        /// <summary>Length in seconds.</summary>
        public int Duration { get; }

        /// <summary>Estimated price in USD.</summary>
        public decimal Price { get; }

        /// <summary>Always USD: the service bills in dollars.</summary>
        public string Currency => "USD";

        /// <summary>The arithmetic behind <see cref="Price"/>, for a reader who wants to check it.</summary>
        public string Basis { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Mode} {Resolution} {Duration} s: ${Price}";
    }
}
