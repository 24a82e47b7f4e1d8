using System;
using System.IO;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// Rebuilds the job a pipeline object stands for. A live <see cref="VideoJob"/> is used as it is; anything else
    /// (a job read back from Export-Clixml, Import-Csv or ConvertFrom-Json, or a bare id) gives its id and whatever
    /// description it carries, and its status is read again from the service rather than trusted.
    /// </summary>
    internal static class JobInput
    {
        // Wide enough for any id format seen (hex, UUID, prefixed), narrow enough to refuse a file path or a sentence.
        private static readonly Regex JobIdPattern = new Regex(@"^[A-Za-z0-9][A-Za-z0-9_.:\-]{0,127}$", RegexOptions.CultureInvariant);

        public static bool IsValidJobId(string? jobId) => jobId != null && JobIdPattern.IsMatch(jobId);

        /// <summary>Whether the object is an Unconfirmed create (no job id known), live or read back from a file.</summary>
        public static bool IsUnconfirmed(object? input)
        {
            var baseObject = input is PSObject wrapped ? wrapped.BaseObject : input;
            if (baseObject is VideoJob job) return job.Status == JobStatus.Unconfirmed;
            // By name (Export-Csv, Export-Clixml) or by number (ConvertTo-Json writes enums as numbers).
            return input is PSObject carrier && Read<JobStatus?>(carrier, "Status") == JobStatus.Unconfirmed;
        }

        /// <summary>The job for an id and the object that carried it; <paramref name="live"/> says whether its status can be trusted.</summary>
        public static VideoJob From(string jobId, object? input, out bool live)
        {
            var baseObject = input is PSObject wrapped ? wrapped.BaseObject : input;
            if (baseObject is VideoJob job && job.JobId == jobId)
            {
                live = true;
                return job;
            }
            live = false;
            if (!(input is PSObject given) || baseObject is string) return new VideoJob(jobId) { Status = JobStatus.Unknown };
            var carrier = Description(given);
            var model = Read<string>(carrier, "Model");
            return new VideoJob(jobId)
            {
                Status = JobStatus.Unknown,
                Model = model,
                Kind = Read<VideoKind?>(carrier, "Kind") ?? Models.ModelChoice.KindOf(model),
                Image = Read<string>(carrier, "Image"),
                EndImage = Read<string>(carrier, "EndImage"),
                ReferenceImages = ReadList(carrier, "ReferenceImages"),
                AspectRatio = Read<string>(carrier, "AspectRatio"),
                Prompt = Read<string>(carrier, "Prompt"),
                Mode = Read<string>(carrier, "Mode"),
                Resolution = Read<string>(carrier, "Resolution"),
                Duration = Read<int?>(carrier, "Duration"),
                GenerateAudio = Read<bool?>(carrier, "GenerateAudio") ?? false,
                VoiceId = Read<string>(carrier, "VoiceId"),
                EstimatedCost = Read<decimal?>(carrier, "EstimatedCost"),
                Amount = Read<decimal?>(carrier, "Amount"),
                CreatedAt = Read<DateTimeOffset?>(carrier, "CreatedAt"),
                BatchId = Read<string>(carrier, "BatchId"),
                Endpoint = Read<string>(carrier, "Endpoint"),
                SavedPath = Read<string>(carrier, "SavedPath"),
            };
        }

        // A file (Save-ViduVideo's output) has properties of its own that share a job's names: its Mode is the file's
        // attributes ("-a---"). Only the notes added to it speak for the job; the rest comes from the history.
        private static PSObject Description(PSObject carrier)
        {
            if (!(carrier.BaseObject is FileSystemInfo)) return carrier;
            var notes = new PSObject();
            foreach (var property in carrier.Properties)
                if (property is PSNoteProperty note) notes.Properties.Add(new PSNoteProperty(note.Name, note.Value));
            return notes;
        }

        /// <summary>A copy of the job with what it does not say filled in from what the history recorded about it.</summary>
        public static VideoJob Enrich(VideoJob job, VideoJob? known)
        {
            if (known == null) return job;
            return new VideoJob(job)
            {
                Model = job.Model ?? known.Model,
                Kind = job.Kind ?? known.Kind,
                Image = job.Image ?? known.Image,
                EndImage = job.EndImage ?? known.EndImage,
                ReferenceImages = job.ReferenceImages.Length == 0 ? known.ReferenceImages : job.ReferenceImages,
                AspectRatio = job.AspectRatio ?? known.AspectRatio,
                Prompt = job.Prompt ?? known.Prompt,
                Mode = job.Mode ?? known.Mode,
                Resolution = job.Resolution ?? known.Resolution,
                Duration = job.Duration ?? known.Duration,
                VoiceId = job.VoiceId ?? known.VoiceId,
                EstimatedCost = job.EstimatedCost ?? known.EstimatedCost,
                Amount = job.Amount ?? known.Amount,
                CreatedAt = job.CreatedAt ?? known.CreatedAt,
                BatchId = job.BatchId ?? known.BatchId,
                Endpoint = job.Endpoint ?? known.Endpoint,
                SavedPath = job.SavedPath ?? known.SavedPath,
                GenerateAudio = job.GenerateAudio || known.GenerateAudio,
            };
        }

        /// <summary>A list property: a list read back from Export-Clixml or JSON, or a CSV cell of items joined by ';'.</summary>
        internal static TextList ReadList(PSObject carrier, string name)
        {
            var value = carrier.Properties[name]?.Value;
            if (value is PSObject wrapped) value = wrapped.BaseObject;
            if (value is string cell) return TextList.Parse(cell);
            return Read<string[]>(carrier, name);
        }

        /// <summary>A property of a read-back object as <typeparamref name="T"/>, or the default when it is missing, blank or of another kind.</summary>
        internal static T? Read<T>(PSObject carrier, string name)
        {
            var value = carrier.Properties[name]?.Value;
            if (value == null) return default;
            if (value is string text && string.IsNullOrWhiteSpace(text)) return default;
            try
            {
                return LanguagePrimitives.TryConvertTo<T>(value, System.Globalization.CultureInfo.InvariantCulture, out var converted) ? converted : default;
            }
            catch (Exception)
            {
                return default;
            }
        }
    }
}
