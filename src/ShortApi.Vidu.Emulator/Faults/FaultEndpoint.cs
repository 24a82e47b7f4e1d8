namespace ShortApi.Vidu.Emulator;

/// <summary>The three places a scripted fault can be queued for.</summary>
internal enum FaultEndpoint
{
    Create,
    Query,
    Download,
}
