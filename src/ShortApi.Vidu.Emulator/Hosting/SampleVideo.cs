using System;
using System.IO;

namespace ShortApi.Vidu.Emulator;

/// <summary>The embedded two-second H.264 MP4 served for every finished job; read once, never changed.</summary>
internal static class SampleVideo
{
    private static readonly Lazy<byte[]> Content = new(Load);

    public static ReadOnlyMemory<byte> Bytes => Content.Value;

    private static byte[] Load()
    {
        using Stream stream = typeof(SampleVideo).Assembly.GetManifestResourceStream("sample.mp4")
            ?? throw new InvalidOperationException("The embedded resource sample.mp4 is missing from the emulator assembly.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
