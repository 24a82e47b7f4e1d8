using System;

namespace ShortApi.Vidu.Emulator;

/// <summary>The seed page's price table for vidu-q2 image-to-video (and, by its own page, start-end-to-video), in USD; a pure function, kept apart from the module's own estimate on purpose.</summary>
internal static class ViduPriceTable
{
    /// <summary>Price of one video; throws for a mode/resolution pair the service does not offer.</summary>
    public static decimal PriceOf(string mode, string resolution, int seconds)
    {
        if (seconds < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(seconds), seconds, "A video lasts at least one second.");
        }

        return RuleFor(mode, resolution).CostOf(seconds);
    }

    private static PriceRule RuleFor(string mode, string resolution) => (mode, resolution) switch
    {
        ("turbo", "540p") => new PriceRule(0.03m, null, 0.01m),
        ("turbo", "720p") => new PriceRule(0.04m, 0.05m, 0.05m),
        ("turbo", "1080p") => new PriceRule(0.175m, null, 0.05m),
        ("pro", "540p") => new PriceRule(0.04m, 0.05m, 0.025m),
        ("pro", "720p") => new PriceRule(0.075m, null, 0.05m),
        ("pro", "1080p") => new PriceRule(0.275m, null, 0.075m),
        ("pro-fast", "720p") => new PriceRule(0.04m, null, 0.01m),
        ("pro-fast", "1080p") => new PriceRule(0.08m, null, 0.02m),
        _ => throw new ArgumentException($"No price for mode {mode} at {resolution}."),
    };
}
