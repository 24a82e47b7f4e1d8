using System;
using System.Collections.Generic;
using System.Linq;
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

        public static ErrorRecord InvalidJobId(string? jobId, object? target) =>
            ErrorRecords.InvalidArgument(
                $"'{jobId}' is not a job id. Pass the JobId of a job from New-ViduVideoJob or Get-ViduVideoJob (ids are letters, digits, '-', '_', '.' or ':').",
                target ?? jobId, "ShortApi.InvalidJobId");

        /// <summary>The job for an id and the object that carried it; <paramref name="live"/> says whether its status can be trusted.</summary>
        public static VideoJob From(string jobId, object? input, out bool live)
        {
            var baseObject = input is PSObject wrapped ? wrapped.BaseObject : input;
            if (baseObject is VideoJob job && job.JobId == jobId)
            {
                live = true;
                return job.Clone();
            }
            live = false;
            var rebuilt = new VideoJob(jobId) { Status = JobStatus.Unknown };
            if (input is PSObject carrier && !(baseObject is string))
            {
                rebuilt.Image = Read<string>(carrier, "Image");
                rebuilt.Prompt = Read<string>(carrier, "Prompt");
                rebuilt.Mode = Read<string>(carrier, "Mode");
                rebuilt.Resolution = Read<string>(carrier, "Resolution");
                rebuilt.Duration = Read<int?>(carrier, "Duration");
                rebuilt.GenerateAudio = Read<bool?>(carrier, "GenerateAudio") ?? false;
                rebuilt.VoiceId = Read<string>(carrier, "VoiceId");
                rebuilt.EstimatedCost = Read<decimal?>(carrier, "EstimatedCost");
                rebuilt.Amount = Read<decimal?>(carrier, "Amount");
                rebuilt.CreatedAt = Read<DateTimeOffset?>(carrier, "CreatedAt");
                rebuilt.BatchId = Read<string>(carrier, "BatchId");
                rebuilt.SavedPath = Read<string>(carrier, "SavedPath");
            }
            return rebuilt;
        }

        /// <summary>Fills what the job does not say from what the history recorded about it.</summary>
        public static void Enrich(VideoJob job, IReadOnlyDictionary<string, VideoJob> history)
        {
            if (!history.TryGetValue(job.JobId, out var known)) return;
            job.Image ??= known.Image;
            job.Prompt ??= known.Prompt;
            job.Mode ??= known.Mode;
            job.Resolution ??= known.Resolution;
            job.Duration ??= known.Duration;
            job.VoiceId ??= known.VoiceId;
            job.EstimatedCost ??= known.EstimatedCost;
            job.Amount ??= known.Amount;
            job.CreatedAt ??= known.CreatedAt;
            job.BatchId ??= known.BatchId;
            job.Endpoint ??= known.Endpoint;
            job.SavedPath ??= known.SavedPath;
            job.GenerateAudio |= known.GenerateAudio;
        }

        private static T? Read<T>(PSObject carrier, string name)
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
