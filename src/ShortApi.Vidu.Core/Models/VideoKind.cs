namespace ShortApi.Vidu
{
    /// <summary>What a Vidu model makes its video from.</summary>
    public enum VideoKind
    {
        /// <summary>One picture (image-to-video).</summary>
        Image,

        /// <summary>A first and a last frame (start-end-to-video).</summary>
        StartEnd,

        /// <summary>The prompt alone (text-to-video).</summary>
        Text,

        /// <summary>One to seven reference pictures (reference-to-video).</summary>
        Reference,
    }
}
