namespace ShortApi.Vidu
{
    /// <summary>A job's state by name; the raw number stays on <see cref="VideoJob.StatusCode"/>.</summary>
    public enum JobStatus
    {
        /// <summary>Accepted, not started (status 0).</summary>
        Queued = 0,

        /// <summary>Generating (status 1).</summary>
        Processing = 1,

        /// <summary>Finished with a video (status 2, the only documented value).</summary>
        Succeeded = 2,

        /// <summary>Finished without a video (status 3 or 4).</summary>
        Failed = 3,

        /// <summary>A status number nobody has documented; treated as still running.</summary>
        Unknown = 4,

        /// <summary>
        /// A create that went out with no known outcome (the session was killed, the answer timed out, a gateway failed
        /// after forwarding it): it may or may not have made a paid job, and its id is not known. Check the dashboard.
        /// </summary>
        Unconfirmed = 5,
    }

    /// <summary>Maps the service's status numbers to <see cref="JobStatus"/>.</summary>
    public static class JobStatusCodes
    {
        /// <summary>
        /// 0 queued, 1 processing, 2 succeeded, 3 and 4 failed (what client code in the wild maps);
        /// any other number is <see cref="JobStatus.Unknown"/> so that a new state is waited on, not misread.
        /// </summary>
        public static JobStatus FromCode(int code)
        {
            switch (code)
            {
                case 0: return JobStatus.Queued;
                case 1: return JobStatus.Processing;
                case 2: return JobStatus.Succeeded;
                case 3:
                case 4: return JobStatus.Failed;
                default: return JobStatus.Unknown;
            }
        }

        /// <summary>Whether the state will not change any more.</summary>
        public static bool IsFinal(this JobStatus status) => status == JobStatus.Succeeded || status == JobStatus.Failed;
    }
}
