using System;
using System.Collections.Generic;
using System.Linq;
using ShortApi.Vidu.History;

namespace ShortApi.Vidu.Commands
{
    /// <summary>The history read once per command and indexed by job id, only when a job needs it.</summary>
    internal sealed class HistoryIndex
    {
        private readonly JobHistory? _history;
        private IReadOnlyDictionary<string, VideoJob>? _byId;

        public HistoryIndex(JobHistory? history)
        {
            _history = history;
        }

        public IReadOnlyDictionary<string, VideoJob> ById
        {
            get
            {
                if (_byId != null) return _byId;
                try
                {
                    _byId = _history?.ReadJobs().GroupBy(j => j.JobId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal)
                            ?? new Dictionary<string, VideoJob>();
                }
                catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
                {
                    _byId = new Dictionary<string, VideoJob>();
                }
                return _byId;
            }
        }

        /// <summary>Fills a job's missing description (source image, prompt, …) from the history, when it lacks one.</summary>
        public void Enrich(VideoJob job)
        {
            if (job.Image != null && job.Mode != null && job.CreatedAt != null) return;
            JobInput.Enrich(job, ById);
        }
    }
}
