using System;
using System.Management.Automation;
using ShortApi.Vidu.Pipeline;
using ShortApi.Vidu.Watching;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// What Wait-ViduVideoJob and Save-ViduVideo add for jobs that are not finished yet: how often to ask and how long
    /// to wait in all, handed to the core's one <see cref="WaitBatch"/>, which owns the deadline and the asking.
    /// </summary>
    public abstract class JobWatchingCmdlet : JobPipelineCmdlet
    {
        private ApiClient? _client;

        /// <summary>Seconds between two status queries of one job (default 5); backs off after errors and honours Retry-After.</summary>
        [Parameter]
        [ValidateRange(0.05, 3600.0)]
        public double PollInterval { get; set; } = 5;

        /// <summary>The longest to wait in seconds, for all jobs together; -1 (default) waits as long as it takes.</summary>
        [Parameter]
        [ValidateRange(-1, int.MaxValue)]
        public int Timeout { get; set; } = -1;

        /// <summary>The command's one wait (its deadline, its watch), made in BeginProcessing.</summary>
        internal WaitBatch Wait { get; private set; } = null!;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireApiKey();
            var options = new JobWatchOptions
            {
                PollInterval = TimeSpan.FromSeconds(PollInterval),
                Log = PostVerbose,
                Warn = PostWarning,
                // A finished job wakes the pipeline thread, as a posted line or a download's outcome does.
                Wakeup = Wakeup,
            };
            Wait = new WaitBatch(() => Client, options, Timeout >= 0 ? TimeSpan.FromSeconds(Timeout) : (TimeSpan?)null, JobEvents, StopToken);
        }

        /// <summary>The command's one client (queries through the shared rate cap).</summary>
        internal ApiClient Client => _client ??= CreateClient(QueryLimiter);

        /// <summary>Writes the timeout error of each job the deadline left running.</summary>
        internal void WriteTimedOut(System.Collections.Generic.IEnumerable<VideoJob> jobs)
        {
            foreach (var job in jobs) WriteError(ErrorRecords.WaitTimeout(job, Wait.TimedOut(job, withHistory: Store != null)));
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing) Wait?.Dispose();
            base.Dispose(disposing);
        }
    }
}
