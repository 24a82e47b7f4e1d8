namespace ShortApi.Vidu.Emulator;

/// <summary>The image types a data URI may declare.</summary>
internal enum ImageType
{
    Png,
    Jpeg,
    Webp,
}
