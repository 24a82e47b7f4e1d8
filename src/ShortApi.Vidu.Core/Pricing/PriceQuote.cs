namespace ShortApi.Vidu.Pricing
{
    /// <summary>The estimated price of one video, and how it was reached.</summary>
    public sealed class PriceQuote
    {
        /// <summary>Creates a quote; use <see cref="PriceTable"/> rather than this.</summary>
        public PriceQuote(string model, VideoKind kind, string? mode, string resolution, int duration, decimal price, string basis, bool doubtful = false)
        {
            Model = model;
            Kind = kind;
            Mode = mode;
            Resolution = resolution;
            Duration = duration;
            Price = price;
            Basis = basis;
            Doubtful = doubtful;
        }

        /// <summary>The full model id, e.g. vidu/vidu-q2/image-to-video.</summary>
        public string Model { get; }

        /// <summary>What the model makes its video from.</summary>
        public VideoKind Kind { get; }

        /// <summary>Generation mode; null for a model without modes (Q2 text-to-video).</summary>
        public string? Mode { get; }

        /// <summary>Output resolution.</summary>
        public string Resolution { get; }

        /// <summary>Length in seconds.</summary>
        public int Duration { get; }

        /// <summary>Estimated price in USD.</summary>
        public decimal Price { get; }

        /// <summary>Always USD: the service bills in dollars.</summary>
        public string Currency => "USD";

        /// <summary>The arithmetic behind <see cref="Price"/>, for a reader who wants to check it (and why a figure is doubtful).</summary>
        public string Basis { get; }

        /// <summary>True when the page's figure behind this price looks like a typo; the charged amount settles it.</summary>
        public bool Doubtful { get; }

        /// <inheritdoc />
        public override string ToString() => $"{Model} {Mode} {Resolution} {Duration} s: ${Price}";
    }
}
