namespace ShortApi.Vidu
{
    /// <summary>What went wrong, in terms a caller can act on; the cmdlets map each to an error id.</summary>
    public enum ShortApiErrorKind
    {
        /// <summary>The service refused the arguments (HTTP 400 or 422).</summary>
        InvalidArgument,

        /// <summary>The key was missing or wrong (HTTP 401).</summary>
        Unauthorized,

        /// <summary>The account cannot pay for the job (HTTP 402).</summary>
        InsufficientBalance,

        /// <summary>The key may not do this, or the balance is short (HTTP 403).</summary>
        Forbidden,

        /// <summary>The service does not know the job (HTTP 404).</summary>
        NotFound,

        /// <summary>Too many requests or jobs at once (HTTP 429), still so after retrying.</summary>
        RateLimited,

        /// <summary>The service failed (5xx, or a non-zero code), still so after retrying.</summary>
        ServiceError,

        /// <summary>The answer was not what the API sends (not JSON, truncated, missing fields).</summary>
        InvalidResponse,

        /// <summary>No answer within the request timeout, still so after retrying.</summary>
        Timeout,

        /// <summary>The connection failed or dropped, still so after retrying.</summary>
        ConnectionFailed,

        /// <summary>A create call failed after the request had fully left: the job may or may not exist.</summary>
        CreateOutcomeUnknown,

        /// <summary>The job finished without a video.</summary>
        JobFailed,

        /// <summary>A result download failed, or what arrived is not a video.</summary>
        DownloadFailed,

        /// <summary>The video arrived but could not be written locally (disk full, file in use, no access, bad path).</summary>
        SaveFailed,

        /// <summary>The target file exists with other content and replacing it was not allowed.</summary>
        FileExists,

        /// <summary>A local picture changed or became unreadable after it was checked; nothing was created.</summary>
        ImageChanged,

        /// <summary>The request was not sent: the command stopped, or the batch stopped submitting.</summary>
        NotSent,

        /// <summary>A proxy on the way asked for credentials (HTTP 407) and got none it accepts; nothing reached the service.</summary>
        ProxyAuthenticationRequired,

        /// <summary>The job history could not be written: the create was not sent, or (after an accepted one) submitting stopped.</summary>
        HistoryWriteFailed,
    }
}
