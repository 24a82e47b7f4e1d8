using System;

namespace ShortApi.Vidu.Wire
{
    /// <summary>What one query answer says about a job.</summary>
    internal sealed class JobSnapshot
    {
        /// <summary>Creates a state from a parsed answer.</summary>
        public JobSnapshot(int statusCode, string[] videoUrls, string? error)
        {
            StatusCode = statusCode;
            VideoUrls = videoUrls ?? Array.Empty<string>();
            Error = error;
        }

        /// <summary>The raw status number.</summary>
        public int StatusCode { get; }

        /// <summary>The status by name.</summary>
        public JobStatus Status => JobStatusCodes.FromCode(StatusCode);

        /// <summary>Result URLs from result.images[].url or result.videos[].url.</summary>
        public string[] VideoUrls { get; }

        /// <summary>The failure reason from data.error, data.info or data.message.</summary>
        public string? Error { get; }
    }
}
