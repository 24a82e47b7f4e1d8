using System;
using System.Collections.Generic;
using System.IO;

namespace ShortApi.Vidu.Downloads
{
    /// <summary>
    /// Gives each video of a run its own file name. Two jobs from the same picture (say, two prompts) would collide on
    /// "{Name}"; the second gets its job id added instead of overwriting a video that was paid for.
    /// </summary>
    internal sealed class TargetNames
    {
        private readonly object _lock = new object();
        private readonly HashSet<string> _claimed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly string _folder;
        private readonly string _template;
        private readonly Action<string>? _log;

        public TargetNames(string folder, string template, Action<string>? log)
        {
            _folder = folder;
            _template = template;
            _log = log;
        }

        public string Claim(VideoJob job, int index, string url)
        {
            var target = Path.Combine(_folder, VideoFileNamer.FileName(_template, job, index, url));
            lock (_lock)
            {
                if (_claimed.Add(target)) return target;
                var distinct = Path.Combine(_folder, VideoFileNamer.FileName(_template + "-{JobId}", job, index, url));
                _claimed.Add(distinct);
                _log?.Invoke($"'{target}' is already taken in this run; saving job '{job.JobId}' as '{distinct}'.");
                return distinct;
            }
        }
    }
}
