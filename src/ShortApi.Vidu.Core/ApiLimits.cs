namespace ShortApi.Vidu
{
    /// <summary>The limits every Vidu model on ShortAPI shares: the prompt, the request body, and the pictures' shape.</summary>
    internal static class ApiLimits
    {
        /// <summary>Public copies of Vidu's docs give 2000 to 5000 characters; the larger bound refuses only what no copy allows.</summary>
        public const int MaxPromptLength = 5000;

        /// <summary>The service refuses request bodies of 20 MB or more; base64 pictures must fit inside.</summary>
        public const long MaxRequestBodyBytes = 20L * 1024 * 1024;

        /// <summary>The flattest and tallest aspect ratio (width / height) a picture may have.</summary>
        public const double MinAspectRatio = 1.0 / 4.0, MaxAspectRatio = 4.0;
    }
}
