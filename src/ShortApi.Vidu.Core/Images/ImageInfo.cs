namespace ShortApi.Vidu.Images
{
    /// <summary>What a file's header says: format, and size in pixels where the header tells it.</summary>
    internal sealed class ImageInfo
    {
        internal ImageInfo(ImageFormat format, int? width, int? height)
        {
            Format = format;
            Width = width;
            Height = height;
        }

        /// <summary>The format recognised from the bytes.</summary>
        public ImageFormat Format { get; }

        /// <summary>Width in pixels, when the header gives it.</summary>
        public int? Width { get; }

        /// <summary>Height in pixels, when the header gives it.</summary>
        public int? Height { get; }

        /// <summary>Whether the API accepts the format (PNG, JPEG, WebP).</summary>
        public bool IsAccepted => Format == ImageFormat.Png || Format == ImageFormat.Jpeg || Format == ImageFormat.WebP;

        /// <summary>The MIME type for a data URI, for accepted formats.</summary>
        public string? MimeType =>
            Format == ImageFormat.Png ? "image/png" :
            Format == ImageFormat.Jpeg ? "image/jpeg" :
            Format == ImageFormat.WebP ? "image/webp" : null;
    }
}
