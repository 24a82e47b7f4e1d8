using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// What a gallery is made of, gathered from the pipeline: live jobs; jobs read back from Import-Csv, Import-Clixml or
    /// ConvertFrom-Json, whose recorded status is taken as it is (a gallery asks no service); job ids; and the files
    /// Save-ViduVideo writes, each merged into its job by JobId. Entries keep the order they first arrived in.
    /// </summary>
    internal sealed class GalleryInputs
    {
        private readonly List<GalleryEntry> _entries = new List<GalleryEntry>();
        private readonly Dictionary<string, GalleryEntry> _byId = new Dictionary<string, GalleryEntry>(StringComparer.Ordinal);

        public IReadOnlyList<GalleryEntry> Entries => _entries;

        /// <summary>Adds a job; a job already here under the same id is merged with it, the newer state winning.</summary>
        public void AddJob(VideoJob job)
        {
            if (job.JobId.Length == 0)
            {
                _entries.Add(new GalleryEntry(job)); // an Unconfirmed create: each is its own card
                return;
            }
            if (_byId.TryGetValue(job.JobId, out var entry))
            {
                entry.Job = IsNewer(job, entry.Job) ? JobInput.Enrich(job, entry.Job) : JobInput.Enrich(entry.Job, job);
                return;
            }
            _byId[job.JobId] = entry = new GalleryEntry(job);
            _entries.Add(entry);
        }

        /// <summary>Adds a video file Save-ViduVideo wrote; its job is known to have succeeded.</summary>
        public void AddSavedFile(string jobId, string path, string? sourceImage)
        {
            if (!_byId.ContainsKey(jobId)) AddJob(new VideoJob(jobId) { Status = JobStatus.Succeeded, Image = sourceImage });
            var entry = _byId[jobId];
            if (entry.Job.Status != JobStatus.Succeeded) entry.Job = new VideoJob(entry.Job) { Status = JobStatus.Succeeded };
            if (!entry.Files.Contains(path, StringComparer.Ordinal)) entry.Files.Add(path);
        }

        /// <summary>A job read back from a file: its description as <see cref="JobInput.From"/> reads it, and its recorded state too.</summary>
        public static VideoJob FromRecord(string jobId, PSObject carrier)
        {
            var job = JobInput.From(jobId, carrier, out _);
            return new VideoJob(job)
            {
                Status = ReadStatus(carrier),
                Error = JobInput.Read<string>(carrier, "Error"),
                UpdatedAt = JobInput.Read<DateTimeOffset?>(carrier, "UpdatedAt"),
                CompletedAt = JobInput.Read<DateTimeOffset?>(carrier, "CompletedAt"),
                VideoUrls = Values(JobInput.ReadList(carrier, "VideoUrls")),
                ReferenceImages = Values(job.ReferenceImages),
            };
        }

        /// <summary>A copy of <paramref name="job"/> with the state the history recorded, when that is further along.</summary>
        public static VideoJob WithRecordedState(VideoJob job, VideoJob? known)
        {
            if (known == null || !(known.IsFinal && !job.IsFinal || job.Status == JobStatus.Unknown && known.Status != JobStatus.Unknown)) return job;
            return new VideoJob(job)
            {
                Status = known.Status,
                StatusCode = known.StatusCode,
                Error = known.Error ?? job.Error,
                UpdatedAt = known.UpdatedAt ?? job.UpdatedAt,
                CompletedAt = known.CompletedAt ?? job.CompletedAt,
                VideoUrls = known.VideoUrls.Length > 0 ? known.VideoUrls : job.VideoUrls,
                Amount = job.Amount ?? known.Amount,
            };
        }

        private static bool IsNewer(VideoJob candidate, VideoJob current)
        {
            if (candidate.IsFinal != current.IsFinal) return candidate.IsFinal;
            return (candidate.UpdatedAt ?? DateTimeOffset.MinValue) >= (current.UpdatedAt ?? DateTimeOffset.MinValue);
        }

        // ConvertTo-Json writes the enum's number, CSV and Clixml its name; a job that carries none is of unknown state.
        private static JobStatus ReadStatus(PSObject carrier)
        {
            var text = JobInput.Read<string>(carrier, "Status")?.Trim();
            return Enum.TryParse<JobStatus>(text, ignoreCase: true, out var status) && Enum.IsDefined(typeof(JobStatus), status) ? status : JobStatus.Unknown;
        }

        // Export-Csv writes an array as its type name ("System.String[]"), which is no picture or URL.
        // A CSV written before job lists joined their items holds "System.String[]" there: that is no value.
        private static string[] Values(System.Collections.Generic.IEnumerable<string>? values) =>
            (values ?? Array.Empty<string>()).Where(v => !string.IsNullOrWhiteSpace(v) && !(v.StartsWith("System.", StringComparison.Ordinal) && v.EndsWith("[]", StringComparison.Ordinal))).ToArray();
    }

    /// <summary>One job of a gallery and the video files given for it.</summary>
    internal sealed class GalleryEntry
    {
        public GalleryEntry(VideoJob job)
        {
            Job = job;
        }

        public VideoJob Job { get; set; }

        public List<string> Files { get; } = new List<string>();
    }
}
