namespace ShortApi.Vidu.Wire
{
    /// <summary>What a request does, which decides whether it may be sent again.</summary>
    internal enum RequestKind
    {
        /// <summary>A paid create call: resent only when the server certainly did not act on it.</summary>
        Create,

        /// <summary>A status query: safe to repeat.</summary>
        Query,

        /// <summary>A result download from the CDN: safe to repeat.</summary>
        Download,
    }
}
