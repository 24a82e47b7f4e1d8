namespace ShortApi.Vidu.Emulator;

/// <summary>One cell of the price table: "starts at X ($Z at 2s) plus $Y/sec".</summary>
internal readonly record struct PriceRule(decimal FirstSecond, decimal? FirstTwoSeconds, decimal PerExtraSecond)
{
    /// <summary>Cost of a video of <paramref name="seconds"/> seconds (1 or more).</summary>
    public decimal CostOf(int seconds)
    {
        if (seconds >= 2 && FirstTwoSeconds is decimal twoSeconds)
        {
            return twoSeconds + PerExtraSecond * (seconds - 2);
        }

        return FirstSecond + PerExtraSecond * (seconds - 1);
    }
}
