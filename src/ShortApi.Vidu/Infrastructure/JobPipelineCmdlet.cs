using System;
using System.Globalization;
using System.Management.Automation;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// The shape Get-, Wait-ViduVideoJob and Save-ViduVideo share for jobs arriving down the pipeline: -JobId by
    /// value or property name, the whole object kept beside it, and the cap on status queries.
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

        /// <summary>The most status queries per second across all jobs of this process (default 10), so a large batch never floods the service.</summary>
        [Parameter]
        [ValidateRange(0.1, 1000.0)]
        public double MaxQueryRate { get; set; } = 10;

        /// <summary>
        /// The cap for this command's client: the one given, or else whatever the process's shared limiter already
        /// holds, so a command left at the default does not undo a cap another command in the pipeline set.
        /// </summary>
        protected double? QueryRateToApply => MyInvocation.BoundParameters.ContainsKey(nameof(MaxQueryRate)) ? MaxQueryRate : (double?)null;

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

        /// <summary>Elapsed time as h:mm:ss for progress lines.</summary>
        protected string Elapsed()
        {
            var elapsed = DateTimeOffset.UtcNow - StartedAt;
            return ((int)elapsed.TotalHours).ToString(CultureInfo.InvariantCulture) + elapsed.ToString(@"\:mm\:ss", CultureInfo.InvariantCulture);
        }
    }
}
