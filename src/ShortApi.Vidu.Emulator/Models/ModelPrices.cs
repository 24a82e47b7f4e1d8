using System;

namespace ShortApi.Vidu.Emulator;

/// <summary>What a valid create costs, by the price rule its model's page states (USD); the emulator's own table, not the module's estimate.</summary>
internal static class ModelPrices
{
    /// <summary>The charge for a create that passed validation (before any audio surcharge).</summary>
    public static decimal PriceOf(ModelSpec model, CreateArguments arguments, EmulatorOptions options)
    {
        string resolution = arguments.Resolution;
        int seconds = arguments.DurationSeconds;
        return model.Price switch
        {
            // Q2 image and Q2 start-end share the seed page's table.
            PriceScheme.Q2SeedTable => ViduPriceTable.PriceOf(arguments.Mode!, resolution, seconds),
            PriceScheme.Q2TextStartsAt => Q2TextRule(resolution, options).CostOf(seconds),
            PriceScheme.Q3PerSecond => Q3PerSecond(arguments.Mode!, resolution) * seconds,
            PriceScheme.Q3ReferencePerSecond => Q3ReferencePerSecond(arguments.Mode!, resolution) * seconds,
            _ => throw new ArgumentOutOfRangeException(nameof(model), model.Price, "Unknown price scheme."),
        };
    }

    /// <summary>
    /// "540p starts at $0.05 plus $0.01/sec, 720p starts at $0.75 plus $0.025/sec, and 1080p starts at $0.10 plus $0.05/sec":
    /// X for the first second, Y for each further one. The 720p start is the page's (doubtful) figure unless the option says otherwise.
    /// </summary>
    private static PriceRule Q2TextRule(string resolution, EmulatorOptions options) => resolution switch
    {
        "540p" => new PriceRule(0.05m, null, 0.01m),
        "720p" => new PriceRule(options.Q2TextCharge720pStart, null, 0.025m),
        "1080p" => new PriceRule(0.10m, null, 0.05m),
        _ => throw new ArgumentException($"No Q2 text-to-video price at {resolution}."),
    };

    /// <summary>Q3 image, start-end and text: USD per second of video.</summary>
    private static decimal Q3PerSecond(string mode, string resolution) => (mode, resolution) switch
    {
        ("pro", "540p") => 0.056m,
        ("pro", "720p") => 0.12m,
        ("pro", "1080p") => 0.128m,
        ("turbo", "540p") => 0.032m,
        ("turbo", "720p") => 0.048m,
        ("turbo", "1080p") => 0.064m,
        _ => throw new ArgumentException($"No Q3 price for mode {mode} at {resolution}."),
    };

    /// <summary>Q3 reference-to-video: USD per second of video; mix has no 540p.</summary>
    private static decimal Q3ReferencePerSecond(string mode, string resolution) => (mode, resolution) switch
    {
        ("mix", "720p") => 0.10m,
        ("mix", "1080p") => 0.12m,
        ("turbo", "540p") => 0.02m,
        ("turbo", "720p") => 0.04m,
        ("turbo", "1080p") => 0.052m,
        ("pro", "540p") => 0.04m,
        ("pro", "720p") => 0.08m,
        ("pro", "1080p") => 0.10m,
        _ => throw new ArgumentException($"No Q3 reference-to-video price for mode {mode} at {resolution}."),
    };
}
