using System;
using System.Linq;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu
{
    /// <summary>
    /// One video job as the module knows it at one moment: what was asked, what it cost and where it stood. A job is a
    /// snapshot: nothing changes it after it was handed out; news about the job comes as a new object. Property names
    /// match the cmdlets' parameters so the object binds by property name down a pipeline.
    /// </summary>
    public sealed class VideoJob
    {
        /// <summary>Creates a job with only its id known (for callers of the public client).</summary>
        public VideoJob(string jobId)
        {
            JobId = jobId ?? string.Empty;
        }

        /// <summary>The service's id for the job; empty for an <see cref="JobStatus.Unconfirmed"/> create, whose id is unknown.</summary>
        public string JobId { get; internal init; }

        /// <summary>The job's state by name.</summary>
        public JobStatus Status { get; internal init; } = JobStatus.Queued;

        /// <summary>The raw status number from the last answer, or null before the first query.</summary>
        public int? StatusCode { get; internal init; }

        /// <summary>The full model id, e.g. vidu/vidu-q2/image-to-video.</summary>
        public string? Model { get; internal init; }

        /// <summary>What the video is made from: Image, StartEnd, Text or Reference.</summary>
        public VideoKind? Kind { get; internal init; }

        /// <summary>The source picture (the first frame of a start-end video): a full local path or an http(s) URL, never the encoded bytes.</summary>
        public string? Image { get; internal init; }

        /// <summary>The last frame of a start-end video.</summary>
        public string? EndImage { get; internal init; }

        /// <summary>The reference pictures of a reference-to-video job.</summary>
        public TextList ReferenceImages { get; internal init; } = TextList.Empty;

        /// <summary>The aspect ratio asked for (text and reference models).</summary>
        public string? AspectRatio { get; internal init; }

        /// <summary>The text prompt.</summary>
        public string? Prompt { get; internal init; }

        /// <summary>Generation mode (turbo, pro, pro-fast).</summary>
        public string? Mode { get; internal init; }

        /// <summary>Output resolution (540p, 720p, 1080p).</summary>
        public string? Resolution { get; internal init; }

        /// <summary>Video length in seconds.</summary>
        public int? Duration { get; internal init; }

        /// <summary>Whether audio was requested.</summary>
        public bool GenerateAudio { get; internal init; }

        /// <summary>The voice (timbre) id sent with audio, if any.</summary>
        public string? VoiceId { get; internal init; }

        /// <summary>Where the service was asked to POST the result, if anywhere.</summary>
        public string? CallbackUrl { get; internal init; }

        /// <summary>The module's estimate from the price table, in USD.</summary>
        public decimal? EstimatedCost { get; internal init; }

        /// <summary>What the service said it charged, in USD.</summary>
        public decimal? Amount { get; internal init; }

        /// <summary>When the service accepted the job (for an Unconfirmed create: when it was sent).</summary>
        public DateTimeOffset? CreatedAt { get; internal init; }

        /// <summary>When the status was last read from the service.</summary>
        public DateTimeOffset? UpdatedAt { get; internal init; }

        /// <summary>When the module first saw the job finished.</summary>
        public DateTimeOffset? CompletedAt { get; internal init; }

        /// <summary>The first result URL (on the CDN; links expire after about a day).</summary>
        public string? VideoUrl => VideoUrls.FirstOrDefault();

        /// <summary>Every result URL.</summary>
        public TextList VideoUrls { get; internal init; } = TextList.Empty;

        /// <summary>Why the job failed, or why a create is Unconfirmed.</summary>
        public string? Error { get; internal init; }

        /// <summary>Where Save-ViduVideo put the video, once saved.</summary>
        public string? SavedPath { get; internal init; }

        /// <summary>Identifies the New-ViduVideoJob run that submitted the job, for resuming a batch.</summary>
        public string? BatchId { get; internal init; }

        /// <summary>The API base URI the job belongs to.</summary>
        public string? Endpoint { get; internal init; }

        /// <summary>Whether the job will not change any more.</summary>
        public bool IsFinal => Status.IsFinal();

        /// <summary>
        /// A copy to change in an object initializer (<c>new VideoJob(job) { SavedPath = target }</c>): the only way the
        /// module produces a job that differs from one already out, so a job handed out never changes.
        /// </summary>
        internal VideoJob(VideoJob from)
        {
            JobId = from.JobId;
            Status = from.Status;
            StatusCode = from.StatusCode;
            Model = from.Model;
            Kind = from.Kind;
            Image = from.Image;
            EndImage = from.EndImage;
            ReferenceImages = from.ReferenceImages;
            AspectRatio = from.AspectRatio;
            Prompt = from.Prompt;
            Mode = from.Mode;
            Resolution = from.Resolution;
            Duration = from.Duration;
            GenerateAudio = from.GenerateAudio;
            VoiceId = from.VoiceId;
            CallbackUrl = from.CallbackUrl;
            EstimatedCost = from.EstimatedCost;
            Amount = from.Amount;
            CreatedAt = from.CreatedAt;
            UpdatedAt = from.UpdatedAt;
            CompletedAt = from.CompletedAt;
            VideoUrls = from.VideoUrls;
            Error = from.Error;
            SavedPath = from.SavedPath;
            BatchId = from.BatchId;
            Endpoint = from.Endpoint;
        }

        /// <summary>A copy that reflects a status answer from the service.</summary>
        internal VideoJob WithState(JobSnapshot state, DateTimeOffset now) => new VideoJob(this)
        {
            StatusCode = state.StatusCode,
            Status = state.Status,
            UpdatedAt = now,
            VideoUrls = state.VideoUrls.Length > 0 ? state.VideoUrls : VideoUrls,
            Error = state.Error ?? Error,
            CompletedAt = CompletedAt ?? (state.Status.IsFinal() ? now : (DateTimeOffset?)null),
        };

        /// <inheritdoc />
        public override string ToString() => JobId.Length > 0 ? JobId : $"(unconfirmed create for {Image})";
    }
}
