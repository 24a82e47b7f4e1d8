namespace ShortApi.Vidu.Images
{
    /// <summary>Why an image input cannot be sent; the cmdlets map each to an error id and category.</summary>
    public enum ImageProblem
    {
        /// <summary>No file at that path.</summary>
        NotFound,

        /// <summary>The path is a folder.</summary>
        IsDirectory,

        /// <summary>
        /// The file has no bytes, or is not a regular file (a pipe, socket or device): those report no bytes either,
        /// and are never opened.
        /// </summary>
        Empty,

        /// <summary>The bytes are not a picture.</summary>
        NotAnImage,

        /// <summary>A picture in a format the API refuses (GIF, BMP, TIFF, HEIC).</summary>
        UnsupportedFormat,

        /// <summary>Too big to send inside the 20 MB request body.</summary>
        TooLarge,

        /// <summary>Wider than 4:1 or taller than 1:4.</summary>
        AspectRatio,

        /// <summary>A URL the API cannot fetch (not absolute http/https).</summary>
        InvalidUrl,

        /// <summary>The file exists but could not be read.</summary>
        Unreadable,

        /// <summary>A PNG, JPEG or WebP that is cut short or structurally broken, or whose header gives an impossible size.</summary>
        Corrupt,

        /// <summary>A data URI whose base64 is malformed, or whose bytes are not the picture type it declares.</summary>
        InvalidDataUri,
    }
}
