namespace ShortApi.Vidu.Downloads
{
    /// <summary>How saving one video of a job ended.</summary>
    internal sealed class SaveOutcome
    {
        private SaveOutcome(VideoJob job, string? path, string? url, bool alreadyThere, ShortApiException? error)
        {
            Job = job;
            Path = path;
            Url = url;
            AlreadyThere = alreadyThere;
            Error = error;
        }

        /// <summary>The job (for a saved video, a snapshot that carries <see cref="VideoJob.SavedPath"/>).</summary>
        public VideoJob Job { get; }

        /// <summary>The saved file, when saved.</summary>
        public string? Path { get; }

        public string? Url { get; }

        /// <summary>The file was already there with this job's video in it: nothing was written.</summary>
        public bool AlreadyThere { get; }

        public ShortApiException? Error { get; }

        public bool Saved => Error == null;

        public static SaveOutcome Done(VideoJob job, string path, string url, bool alreadyThere) => new SaveOutcome(job, path, url, alreadyThere, null);

        public static SaveOutcome Failed(VideoJob job, ShortApiException error, string? path = null, string? url = null) => new SaveOutcome(job, path, url, false, error);
    }
}
