using System;
using System.Collections.Generic;
using System.Globalization;
using System.Management.Automation;
using ShortApi.Vidu.Transport;

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
        [AllowEmptyString]
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
        /// The shared limiter for this endpoint, its cap set when -MaxQueryRate is given; a command left at the default
        /// does not undo a cap another command in the pipeline set.
        /// </summary>
        internal RequestRateLimiter QueryLimiter =>
            RequestRateLimiter.ForEndpoint(Endpoint, MyInvocation.BoundParameters.ContainsKey(nameof(MaxQueryRate)) ? MaxQueryRate : (double?)null);

        /// <summary>When this command started, for -Timeout and the elapsed time in progress.</summary>
        protected DateTimeOffset StartedAt { get; private set; }

        /// <summary>The history, read only if a job needs its description filled in.</summary>
        internal HistoryIndex HistoryJobs => _historyIndex ??= new HistoryIndex(Store, WriteWarning);

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            StartedAt = DateTimeOffset.UtcNow;
        }

        /// <summary>The jobs named by the current pipeline record (or the command line); bad ids and Unconfirmed creates are written as errors.</summary>
        internal IEnumerable<(VideoJob Job, bool Live)> ReadJobs()
        {
            foreach (var id in JobId)
            {
                var trimmed = id?.Trim();
                if (string.IsNullOrEmpty(trimmed) && JobInput.IsUnconfirmed(InputObject))
                {
                    WriteError(ErrorRecords.CreateUnconfirmed(InputObject));
                    continue;
                }
                if (!JobInput.IsValidJobId(trimmed))
                {
                    WriteError(ErrorRecords.InvalidJobId(id, InputObject));
                    continue;
                }
                var job = JobInput.From(trimmed!, InputObject, out var live);
                if (!live) job = JobInput.Enrich(job, HistoryJobs.Find(job.JobId));
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
