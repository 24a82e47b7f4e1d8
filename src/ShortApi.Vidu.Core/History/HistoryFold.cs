using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Vidu.History
{
    /// <summary>
    /// Folds history records, oldest first, into jobs. A create that was sent and never resolved (no "created" or
    /// "refused" line: the session was killed, the answer never came, a gateway failed after forwarding it) becomes an
    /// Unconfirmed job with an empty id, naming its picture and time. Jobs are gathered in private drafts, changed in
    /// place line by line, and become (immutable) jobs once, at the end: a long history costs no copy per line.
    /// </summary>
    internal sealed class HistoryFold
    {
        private readonly Dictionary<string, JobDraft> _jobs = new Dictionary<string, JobDraft>(StringComparer.Ordinal);
        private readonly Dictionary<string, PendingSend> _sends = new Dictionary<string, PendingSend>(StringComparer.Ordinal);
        private readonly Dictionary<string, List<SavedVideo>> _saved = new Dictionary<string, List<SavedVideo>>(StringComparer.Ordinal);
        private readonly Dictionary<string, BatchInfo> _batches = new Dictionary<string, BatchInfo>(StringComparer.Ordinal);

        public void Apply(HistoryRecord record)
        {
            switch (record.Event)
            {
                case "batch" when record.BatchId != null:
                    _batches[record.BatchId] = new BatchInfo(record.BatchId, record.Endpoint, record.User, record.Machine, record.Session, record.Time);
                    break;
                case "sending" when record.SendId != null:
                    _sends[record.SendId] = new PendingSend(record);
                    break;
                case "created" when record.JobId != null:
                    Created(record);
                    break;
                case "refused" when record.SendId != null:
                    _sends.Remove(record.SendId);
                    break;
                case "unconfirmed" when record.SendId != null:
                    if (_sends.TryGetValue(record.SendId, out var send)) send.Error = record.Error;
                    break;
                case "status" when record.JobId != null:
                    if (_jobs.TryGetValue(record.JobId, out var job)) ApplyStatus(job, record);
                    break;
                case "saved" when record.JobId != null && record.SavedPath != null:
                    if (_jobs.TryGetValue(record.JobId, out var savedJob)) savedJob.SavedPath = record.SavedPath;
                    if (!_saved.TryGetValue(record.JobId, out var files)) _saved[record.JobId] = files = new List<SavedVideo>();
                    files.Add(new SavedVideo(record.SavedPath, record.Length ?? -1, record.Sha256 ?? string.Empty));
                    break;
            }
        }

        public HistorySnapshot Result()
        {
            var unconfirmed = _sends.Values.Select(s => s.ToJob());
            var all = _jobs.Values.Select(d => d.ToJob()).Concat(unconfirmed)
                .OrderByDescending(j => j.CreatedAt ?? DateTimeOffset.MinValue)
                .ToList();
            return new HistorySnapshot(all, _saved.ToDictionary(p => p.Key, p => (IReadOnlyList<SavedVideo>)p.Value, StringComparer.Ordinal), _batches);
        }

        private void Created(HistoryRecord record)
        {
            PendingSend? send = null;
            if (record.SendId != null && _sends.TryGetValue(record.SendId, out send)) _sends.Remove(record.SendId);
            if (!_jobs.TryGetValue(record.JobId!, out var job)) _jobs[record.JobId!] = job = new JobDraft(record.JobId!);
            var described = send?.Record;
            job.Endpoint = record.Endpoint ?? described?.Endpoint ?? job.Endpoint;
            job.BatchId = record.BatchId ?? described?.BatchId ?? job.BatchId;
            job.CreatedAt = record.CreatedAt ?? record.Time ?? job.CreatedAt;
            job.Model = record.Model ?? described?.Model ?? job.Model ?? Models.ViduCatalogue.Q2Image.Id;
            job.Kind = record.Kind ?? described?.Kind ?? job.Kind ?? Models.ModelChoice.KindOf(job.Model);
            job.Image = record.Image ?? described?.Image ?? job.Image;
            job.EndImage = record.EndImage ?? described?.EndImage ?? job.EndImage;
            job.ReferenceImages = record.ReferenceImages ?? described?.ReferenceImages ?? job.ReferenceImages;
            job.AspectRatio = record.AspectRatio ?? described?.AspectRatio ?? job.AspectRatio;
            job.Prompt = record.Prompt ?? described?.Prompt ?? job.Prompt;
            job.Mode = record.Mode ?? described?.Mode ?? job.Mode;
            job.Resolution = record.Resolution ?? described?.Resolution ?? job.Resolution;
            job.Duration = record.Duration ?? described?.Duration ?? job.Duration;
            job.GenerateAudio = record.GenerateAudio || (described?.GenerateAudio ?? false);
            job.VoiceId = record.VoiceId ?? described?.VoiceId ?? job.VoiceId;
            job.CallbackUrl = record.CallbackUrl ?? described?.CallbackUrl ?? job.CallbackUrl;
            job.EstimatedCost = record.Estimate ?? described?.Estimate ?? job.EstimatedCost;
            job.Amount = record.Amount ?? job.Amount;
            ApplyStatus(job, record);
        }

        private static void ApplyStatus(JobDraft job, HistoryRecord record)
        {
            if (record.Status is JobStatus status) job.Status = status;
            job.StatusCode = record.StatusCode ?? job.StatusCode;
            job.UpdatedAt = record.Time ?? job.UpdatedAt;
            if (job.Status.IsFinal() && job.CompletedAt == null) job.CompletedAt = record.Time;
            if (record.VideoUrls != null) job.VideoUrls = record.VideoUrls;
            job.Error = record.Error ?? job.Error;
        }

        /// <summary>A job while its lines are being read: the one mutable form of a job, and private to the fold.</summary>
        private sealed class JobDraft
        {
            public JobDraft(string jobId)
            {
                JobId = jobId;
            }

            public string JobId;
            public JobStatus Status = JobStatus.Queued;
            public int? StatusCode;
            public string? Model;
            public VideoKind? Kind;
            public string? Image;
            public string? EndImage;
            public TextList ReferenceImages = TextList.Empty;
            public string? AspectRatio;
            public string? Prompt;
            public string? Mode;
            public string? Resolution;
            public int? Duration;
            public bool GenerateAudio;
            public string? VoiceId;
            public string? CallbackUrl;
            public decimal? EstimatedCost;
            public decimal? Amount;
            public DateTimeOffset? CreatedAt;
            public DateTimeOffset? UpdatedAt;
            public DateTimeOffset? CompletedAt;
            public TextList VideoUrls = TextList.Empty;
            public string? Error;
            public string? SavedPath;
            public string? BatchId;
            public string? Endpoint;

            public VideoJob ToJob() => new VideoJob(JobId)
            {
                Status = Status,
                StatusCode = StatusCode,
                Model = Model,
                Kind = Kind,
                Image = Image,
                EndImage = EndImage,
                ReferenceImages = ReferenceImages,
                AspectRatio = AspectRatio,
                Prompt = Prompt,
                Mode = Mode,
                Resolution = Resolution,
                Duration = Duration,
                GenerateAudio = GenerateAudio,
                VoiceId = VoiceId,
                CallbackUrl = CallbackUrl,
                EstimatedCost = EstimatedCost,
                Amount = Amount,
                CreatedAt = CreatedAt,
                UpdatedAt = UpdatedAt,
                CompletedAt = CompletedAt,
                VideoUrls = VideoUrls,
                Error = Error,
                SavedPath = SavedPath,
                BatchId = BatchId,
                Endpoint = Endpoint,
            };
        }

        private sealed class PendingSend
        {
            public PendingSend(HistoryRecord record)
            {
                Record = record;
            }

            public HistoryRecord Record { get; }

            public string? Error { get; set; }

            public VideoJob ToJob() => new VideoJob(string.Empty)
            {
                Status = JobStatus.Unconfirmed,
                CreatedAt = Record.Time,
                BatchId = Record.BatchId,
                Endpoint = Record.Endpoint,
                Model = Record.Model ?? Models.ViduCatalogue.Q2Image.Id,
                Kind = Record.Kind ?? Models.ModelChoice.KindOf(Record.Model) ?? VideoKind.Image,
                Image = Record.Image,
                EndImage = Record.EndImage,
                ReferenceImages = Record.ReferenceImages ?? Array.Empty<string>(),
                AspectRatio = Record.AspectRatio,
                Prompt = Record.Prompt,
                Mode = Record.Mode,
                Resolution = Record.Resolution,
                Duration = Record.Duration,
                GenerateAudio = Record.GenerateAudio,
                VoiceId = Record.VoiceId,
                CallbackUrl = Record.CallbackUrl,
                EstimatedCost = Record.Estimate,
                Error = Error ?? "The session ended before the service's answer to this create was known.",
            };
        }
    }

    /// <summary>Who started a batch, where and when.</summary>
    internal sealed class BatchInfo
    {
        public BatchInfo(string batchId, string? endpoint, string? user, string? machine, string? session, DateTimeOffset? time)
        {
            BatchId = batchId;
            Endpoint = endpoint;
            User = user;
            Machine = machine;
            Session = session;
            Time = time;
        }

        public string BatchId { get; }
        public string? Endpoint { get; }
        public string? User { get; }
        public string? Machine { get; }
        public string? Session { get; }
        public DateTimeOffset? Time { get; }
    }

    /// <summary>The jobs a history read produced, newest first, with the saved files recorded for each.</summary>
    internal sealed class HistorySnapshot
    {
        public HistorySnapshot(IReadOnlyList<VideoJob> jobs, IReadOnlyDictionary<string, IReadOnlyList<SavedVideo>> savedFiles, IReadOnlyDictionary<string, BatchInfo> batches)
        {
            Jobs = jobs;
            SavedFiles = savedFiles;
            Batches = batches;
        }

        public IReadOnlyList<VideoJob> Jobs { get; }

        public IReadOnlyDictionary<string, IReadOnlyList<SavedVideo>> SavedFiles { get; }

        public IReadOnlyDictionary<string, BatchInfo> Batches { get; }

        public static readonly HistorySnapshot Empty = new HistorySnapshot(Array.Empty<VideoJob>(),
            new Dictionary<string, IReadOnlyList<SavedVideo>>(), new Dictionary<string, BatchInfo>());
    }
}
