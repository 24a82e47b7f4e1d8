namespace ShortApi.Vidu.Watching
{
    /// <summary>A watched job that has finished: succeeded, failed, or could not be followed.</summary>
    internal sealed class WatchResult
    {
        internal WatchResult(VideoJob job, ShortApiException? error)
        {
            Job = job;
            Error = error;
        }

        /// <summary>The job as last seen (a snapshot).</summary>
        public VideoJob Job { get; }

        /// <summary>Why the job did not give a video, or null when it did.</summary>
        public ShortApiException? Error { get; }

        /// <summary>Whether the job succeeded with at least one video URL.</summary>
        public bool Succeeded => Error == null;
    }
}
