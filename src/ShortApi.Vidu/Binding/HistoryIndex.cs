using System;
using System.Collections.Generic;
using System.Linq;
using ShortApi.Vidu.History;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// What the history knows about jobs that arrive without their description (ids, CSV rows): each is looked up from
    /// the newest end of the history, which finds recent jobs at once; the first id the tail does not have makes one full
    /// read, indexed, so a pipeline of old jobs reads the file once, not once per job.
    /// </summary>
    internal sealed class HistoryIndex
    {
        private readonly JobStore? _store;
        private readonly Action<string> _warn;
        private readonly Dictionary<string, VideoJob> _known = new Dictionary<string, VideoJob>(StringComparer.Ordinal);
        private readonly Dictionary<string, IReadOnlyList<SavedVideo>> _saved = new Dictionary<string, IReadOnlyList<SavedVideo>>(StringComparer.Ordinal);
        private bool _complete;
        private bool _failed;

        public HistoryIndex(JobStore? store, Action<string> warn)
        {
            _store = store;
            _warn = warn;
        }

        /// <summary>The recorded job, or null.</summary>
        public VideoJob? Find(string jobId)
        {
            Load(jobId);
            return _known.TryGetValue(jobId, out var job) ? job : null;
        }

        /// <summary>The files the history records as this job's saved videos.</summary>
        public IReadOnlyList<SavedVideo> SavedFiles(string jobId)
        {
            Load(jobId);
            return _saved.TryGetValue(jobId, out var files) ? files : Array.Empty<SavedVideo>();
        }

        /// <summary>Looks many jobs up in one read from the end, for a command that knows all its ids before it asks.</summary>
        public void Preload(IEnumerable<string> jobIds)
        {
            var wanted = jobIds.Where(id => id.Length > 0 && !_known.ContainsKey(id)).Distinct(StringComparer.Ordinal).ToList();
            if (_store == null || _failed || _complete || wanted.Count == 0) return;
            Guard(() => Add(_store.Read(HistoryQuery.Jobs(wanted))));
        }

        private void Load(string jobId)
        {
            if (_store == null || _failed || _known.ContainsKey(jobId) || _complete) return;
            Guard(() =>
            {
                Add(_store.Read(HistoryQuery.Jobs(new[] { jobId })));
                if (_known.ContainsKey(jobId)) return;
                Add(_store.Read(HistoryQuery.All));
                _complete = true;
            });
        }

        private void Guard(Action read)
        {
            try
            {
                read();
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
            {
                _failed = true;
                _warn($"Could not read the job history at '{_store!.FilePath}': {Sentences.End(ex.Message)} Jobs are taken as they come.");
            }
        }

        private void Add(HistorySnapshot snapshot)
        {
            foreach (var job in snapshot.Jobs.Where(j => j.JobId.Length > 0)) _known[job.JobId] = job;
            foreach (var pair in snapshot.SavedFiles) _saved[pair.Key] = pair.Value;
        }
    }
}
