using System;
using System.Globalization;
using System.Management.Automation;
using ShortApi.Vidu.Watching;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// The shape Get-, Wait-ViduVideoJob and Save-ViduVideo share for jobs arriving down the pipeline: -JobId by
    /// value or property name, the whole object kept beside it, and polling settings for jobs not finished yet.
    /// </summary>
    public abstract class JobPipelineCmdlet : ViduApiCmdlet
    {
        private HistoryIndex? _historyIndex;

        /// <summary>The job's id; binds from the JobId (or Id) property of piped objects, or from piped strings.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = "JobId")]
        [Alias("Id")]
        [ArgumentCompleter(typeof(JobIdCompleter))]
        public string[] JobId { get; set; } = Array.Empty<string>();

        /// <summary>The piped object itself, so a job read back from a file keeps its description.</summary>
        [Parameter(ValueFromPipeline = true, ParameterSetName = "JobId", DontShow = true)]
        public PSObject? InputObject { get; set; }

        /// <summary>Seconds between two status queries of one job (default 5); backs off after errors and honours Retry-After.</summary>
        [Parameter]
        [ValidateRange(0.05, 3600.0)]
        public double PollInterval { get; set; } = 5;

        /// <summary>The most status queries per second across all jobs (default 10), so a large batch never floods the service.</summary>
        [Parameter]
        [ValidateRange(0.1, 1000.0)]
        public double MaxQueryRate { get; set; } = 10;

        /// <summary>When this command started, for -Timeout and the elapsed time in progress.</summary>
        protected DateTimeOffset StartedAt { get; private set; }

        /// <summary>The history, read only if a job needs its description filled in.</summary>
        internal HistoryIndex HistoryJobs => _historyIndex ??= new HistoryIndex(History);

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            StartedAt = DateTimeOffset.UtcNow;
            _ = History;
        }

        /// <summary>The jobs named by the current pipeline record (or the command line), each checked; bad ids are written as errors.</summary>
        protected System.Collections.Generic.IEnumerable<(VideoJob Job, bool Live)> ReadJobs()
        {
            foreach (var id in JobId)
            {
                var trimmed = id?.Trim();
                if (!JobInput.IsValidJobId(trimmed))
                {
                    WriteError(JobInput.InvalidJobId(id, InputObject));
                    continue;
                }
                var job = JobInput.From(trimmed!, InputObject, out var live);
                if (!live) HistoryJobs.Enrich(job);
                yield return (job, live);
            }
        }

        /// <summary>Creates a watcher polling through a client with the shared query-rate cap.</summary>
        protected JobWatcher CreateWatcher(DateTimeOffset? deadline)
        {
            var client = CreateClient(MaxQueryRate);
            var options = new JobWatcherOptions
            {
                PollInterval = TimeSpan.FromSeconds(PollInterval),
                Deadline = deadline,
                Log = PostVerbose,
                Warn = PostWarning,
            };
            return new JobWatcher(client, options, StopToken);
        }

        /// <summary>Elapsed time as h:mm:ss for progress lines.</summary>
        protected string Elapsed()
        {
            var elapsed = DateTimeOffset.UtcNow - StartedAt;
            return ((int)elapsed.TotalHours).ToString(CultureInfo.InvariantCulture) + elapsed.ToString(@"\:mm\:ss", CultureInfo.InvariantCulture);
        }
    }
}
