namespace ShortApi.Vidu.Images
{
    /// <summary>Picture formats recognised from a file's first bytes.</summary>
    internal enum ImageFormat
    {
        /// <summary>Not a picture format the module knows.</summary>
        Unknown,

        /// <summary>PNG (accepted).</summary>
        Png,

        /// <summary>JPEG (accepted).</summary>
        Jpeg,

        /// <summary>WebP (accepted).</summary>
        WebP,

        /// <summary>GIF (refused by the API).</summary>
        Gif,

        /// <summary>BMP (refused by the API).</summary>
        Bmp,

        /// <summary>TIFF (refused by the API).</summary>
        Tiff,

        /// <summary>HEIC/HEIF or AVIF (refused by the API).</summary>
        Heif,
    }
}
