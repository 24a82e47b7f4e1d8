using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ShortApi.Vidu.History;

namespace ShortApi.Vidu.Commands
{
    /// <summary>Completes -JobId from the jobs this session has seen, then from the job history.</summary>
    public sealed class JobIdCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var historyPath = fakeBoundParameters?["HistoryPath"] as string;
            var jobs = SessionJobs.NewestFirst().Concat(FromHistory(historyPath)).GroupBy(j => j.JobId).Select(g => g.First());
            return jobs
                .Where(j => j.JobId.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Take(100)
                .Select(j => new CompletionResult(j.JobId, j.JobId, CompletionResultType.ParameterValue, Describe(j)))
                .ToList();
        }

        // Completion must be quick: only the newest jobs are read, from the end of the history.
        private static IEnumerable<VideoJob> FromHistory(string? historyPath)
        {
            try
            {
                if (JobStore.IsDisabledByEnvironment()) return Enumerable.Empty<VideoJob>();
                var path = !string.IsNullOrWhiteSpace(historyPath) ? historyPath! : Environment.GetEnvironmentVariable(JobStore.PathVariable);
                var store = new JobStore(string.IsNullOrWhiteSpace(path) ? JobStore.DefaultPath : FromPowerShellLocation(path!));
                return store.Read(HistoryQuery.Newest(200)).Jobs.Where(j => j.JobId.Length > 0);
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException || ex is ArgumentException || ex is NotSupportedException)
            {
                return Enumerable.Empty<VideoJob>();
            }
        }

        // A relative history path means PowerShell's location, as it does for the cmdlets, not the process's folder.
        private static string FromPowerShellLocation(string path)
        {
            var location = System.Management.Automation.Runspaces.Runspace.DefaultRunspace?.SessionStateProxy.Path.CurrentFileSystemLocation.ProviderPath;
            return System.IO.Path.GetFullPath(location == null ? path : System.IO.Path.Combine(location, path));
        }

        private static string Describe(VideoJob job)
        {
            var source = Downloads.VideoFileNamer.SourceName(job.Image) ?? "image";
            return $"{job.Status} · {job.Mode} {job.Resolution} {job.Duration}s · {source} · {job.CreatedAt:g}";
        }
    }
}
