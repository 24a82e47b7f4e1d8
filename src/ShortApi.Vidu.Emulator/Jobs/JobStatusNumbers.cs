namespace ShortApi.Vidu.Emulator;

/// <summary>The status numbers on the wire; only 2 is documented, the rest follow clients in the wild.</summary>
internal static class JobStatusNumbers
{
    public const int Queued = 0;
    public const int Processing = 1;
    public const int Succeeded = 2;
    public const int Failed = 3;
}
