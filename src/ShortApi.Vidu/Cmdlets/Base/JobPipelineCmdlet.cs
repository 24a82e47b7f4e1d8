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
        /// <summary>The parameter set of job ids typed on the command line.</summary>
        protected const string JobIdSet = "JobId";

        /// <summary>The parameter set of jobs from the pipeline.</summary>
        protected const string JobSet = "Job";

        private HistoryIndex? _historyIndex;
        private IDisposable? _queryCap;

        /// <summary>Job ids typed on the command line.</summary>
        [Parameter(Mandatory = true, Position = 0, ParameterSetName = JobIdSet)]
        [ValidateNotNullOrEmpty]
        [ArgumentCompleter(typeof(JobIdCompleter))]
        public string[] JobId { get; set; } = Array.Empty<string>();

        /// <summary>
        /// Jobs from the pipeline: jobs from New-, Get- or Wait-ViduVideoJob, job id strings, or any object with a JobId
        /// property (a job read back from Import-Csv, Import-Clixml or ConvertFrom-Json, a file from Save-ViduVideo).
        /// Other objects are refused, so that, say, a process's Id is never taken for a job id.
        /// </summary>
        /// <remarks>An array, so -InputObject $jobs takes a whole list as a pipeline of them would.</remarks>
        [Parameter(Mandatory = true, ValueFromPipeline = true, ParameterSetName = JobSet)]
        public PSObject[] InputObject { get; set; } = Array.Empty<PSObject>();

        /// <summary>The most status queries per second across all jobs of this process (default 10), so a large batch never floods the service.</summary>
        [Parameter]
        [ValidateRange(0.1, 1000.0)]
        public double MaxQueryRate { get; set; } = 10;

        /// <summary>The endpoint's shared limiter: every command of the process polling it shares one cap.</summary>
        internal RequestRateLimiter QueryLimiter => RequestRateLimiter.ForEndpoint(Endpoint);

        /// <summary>When this command started, for -Timeout and the elapsed time in progress.</summary>
        protected DateTimeOffset StartedAt { get; private set; }

        /// <summary>The history, read only if a job needs its description filled in.</summary>
        internal HistoryIndex HistoryJobs => _historyIndex ??= new HistoryIndex(Store, WriteWarning);

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            StartedAt = DateTimeOffset.UtcNow;
            // A -MaxQueryRate holds while this command runs and no longer: it is not a process-wide setting.
            if (MyInvocation.BoundParameters.ContainsKey(nameof(MaxQueryRate))) _queryCap = QueryLimiter.ApplyCap(MaxQueryRate);
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing) _queryCap?.Dispose();
            base.Dispose(disposing);
        }

        /// <summary>The jobs named by the current pipeline record (or the command line); anything that is not a job is written as an error.</summary>
        internal IEnumerable<(VideoJob Job, bool Live)> ReadJobs()
        {
            if (ParameterSetName == JobSet)
            {
                foreach (var input in InputObject)
                    if (ReadInput(input) is (VideoJob job, bool live)) yield return (job, live);
                yield break;
            }
            foreach (var id in JobId)
                if (FromId(id, null) is (VideoJob job, bool live)) yield return (job, live);
        }

        // What a piped object is: a live job, a job id, something carrying a JobId, or not a job at all.
        private (VideoJob, bool)? ReadInput(PSObject? input)
        {
            var value = input?.BaseObject;
            switch (value)
            {
                case VideoJob job when job.Status == JobStatus.Unconfirmed:
                    WriteError(ErrorRecords.CreateUnconfirmed(input));
                    return null;
                case VideoJob job:
                    return (job, true);
                case string id:
                    return FromId(id, null);
            }
            var carried = input?.Properties["JobId"];
            if (carried == null)
            {
                WriteError(ErrorRecords.NotAJob(input));
                return null;
            }
            var text = carried.Value?.ToString();
            if (string.IsNullOrWhiteSpace(text) && JobInput.IsUnconfirmed(input))
            {
                WriteError(ErrorRecords.CreateUnconfirmed(input));
                return null;
            }
            return FromId(text, input);
        }

        private (VideoJob, bool)? FromId(string? id, PSObject? carrier)
        {
            var trimmed = id?.Trim();
            if (!JobInput.IsValidJobId(trimmed))
            {
                WriteError(ErrorRecords.InvalidJobId(id, (object?)carrier ?? id));
                return null;
            }
            var job = JobInput.From(trimmed!, carrier, out _);
            return (JobInput.Enrich(job, HistoryJobs.Find(job.JobId)), false);
        }

        /// <summary>Elapsed time as h:mm:ss for progress lines.</summary>
        protected string Elapsed()
        {
            var elapsed = DateTimeOffset.UtcNow - StartedAt;
            return ((int)elapsed.TotalHours).ToString(CultureInfo.InvariantCulture) + elapsed.ToString(@"\:mm\:ss", CultureInfo.InvariantCulture);
        }
    }
}
