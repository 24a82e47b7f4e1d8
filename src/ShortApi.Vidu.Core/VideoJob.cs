using System;
using System.Linq;
using ShortApi.Vidu.Http;

namespace ShortApi.Vidu
{
    /// <summary>
    /// One image-to-video job as the module knows it: what was asked, what it cost and where it stands.
    /// Property names match the cmdlets' parameters so the object binds by property name down a pipeline.
    /// </summary>
    public sealed class VideoJob
    {
        /// <summary>Creates an empty job; the cmdlets fill it in.</summary>
        public VideoJob(string jobId)
        {
            JobId = jobId;
        }

        /// <summary>The service's id for the job.</summary>
        public string JobId { get; internal set; }

        /// <summary>The job's state by name.</summary>
        public JobStatus Status { get; internal set; } = JobStatus.Queued;

        /// <summary>The raw status number from the last answer, or null before the first query.</summary>
        public int? StatusCode { get; internal set; }

        /// <summary>The source image: a full local path or an http(s) URL (never the encoded bytes).</summary>
        public string? Image { get; internal set; }

        /// <summary>The text prompt.</summary>
        public string? Prompt { get; internal set; }

        /// <summary>Generation mode (turbo, pro, pro-fast).</summary>
        public string? Mode { get; internal set; }

        /// <summary>Output resolution (540p, 720p, 1080p).</summary>
        public string? Resolution { get; internal set; }

        /// <summary>Video length in seconds.</summary>
        public int? Duration { get; internal set; }

        /// <summary>Whether audio was requested.</summary>
        public bool GenerateAudio { get; internal set; }

        /// <summary>The voice (timbre) id sent with audio, if any.</summary>
        public string? VoiceId { get; internal set; }

        /// <summary>Where the service was asked to POST the result, if anywhere.</summary>
        public string? CallbackUrl { get; internal set; }

        /// <summary>The module's estimate from the price table, in USD.</summary>
        public decimal? EstimatedCost { get; internal set; }

        /// <summary>What the service said it charged, in USD.</summary>
        public decimal? Amount { get; internal set; }

        /// <summary>When the service accepted the job.</summary>
        public DateTimeOffset? CreatedAt { get; internal set; }

        /// <summary>When the status was last read from the service.</summary>
        public DateTimeOffset? UpdatedAt { get; internal set; }

        /// <summary>When the module first saw the job finished.</summary>
        public DateTimeOffset? CompletedAt { get; internal set; }

        /// <summary>The first result URL (on the CDN; links expire after about a day).</summary>
        public string? VideoUrl => VideoUrls.FirstOrDefault();

        /// <summary>Every result URL.</summary>
        public string[] VideoUrls { get; internal set; } = Array.Empty<string>();

        /// <summary>Why the job failed, when it did.</summary>
        public string? Error { get; internal set; }

        /// <summary>Where Save-ViduVideo put the video, once saved.</summary>
        public string? SavedPath { get; internal set; }

        /// <summary>Identifies the New-ViduVideoJob run that submitted the job, for resuming a batch.</summary>
        public string? BatchId { get; internal set; }

        /// <summary>The API base URI the job belongs to.</summary>
        public string? Endpoint { get; internal set; }

        /// <summary>Whether the job will not change any more.</summary>
        public bool IsFinal => Status.IsFinal();

        /// <summary>Applies a status answer from the service.</summary>
        internal void Apply(JobSnapshot state, DateTimeOffset now)
        {
            StatusCode = state.StatusCode;
            Status = state.Status;
            UpdatedAt = now;
            if (state.VideoUrls.Length > 0) VideoUrls = state.VideoUrls;
            if (state.Error != null) Error = state.Error;
            if (Status.IsFinal() && CompletedAt == null) CompletedAt = now;
        }

        /// <summary>A shallow copy, so a caller may change one without touching another's.</summary>
        internal VideoJob Clone() => (VideoJob)MemberwiseClone();

        /// <inheritdoc />
        public override string ToString() => JobId;
    }
}
