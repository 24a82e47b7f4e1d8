namespace ShortApi.Vidu.Emulator;

/// <summary>A job the emulator made: its id, model, charge and the arguments it was made from.</summary>
public sealed record AcceptedJob
{
    public required string JobId { get; init; }

    /// <summary>The model id the job was created for.</summary>
    public required string Model { get; init; }

    /// <summary>USD charged, as answered in <c>amount</c>.</summary>
    public required decimal Amount { get; init; }

    public required CreateArguments Arguments { get; init; }
}
