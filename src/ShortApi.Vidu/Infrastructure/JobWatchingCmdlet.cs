using System;
using System.Management.Automation;
using ShortApi.Vidu.Watching;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// What Wait-ViduVideoJob and Save-ViduVideo add for jobs that are not finished yet: how often to ask,
    /// how long to wait in all, and the watcher that does the asking.
    /// </summary>
    public abstract class JobWatchingCmdlet : JobPipelineCmdlet
    {
        /// <summary>Seconds between two status queries of one job (default 5); backs off after errors and honours Retry-After.</summary>
        [Parameter]
        [ValidateRange(0.05, 3600.0)]
        public double PollInterval { get; set; } = 5;

        /// <summary>The longest to wait in seconds, for all jobs together; -1 (default) waits as long as it takes.</summary>
        [Parameter]
        [ValidateRange(-1, int.MaxValue)]
        public int Timeout { get; set; } = -1;

        /// <summary>When waiting ends, or null for no limit.</summary>
        protected DateTimeOffset? Deadline { get; private set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            RequireApiKey();
            if (Timeout >= 0) Deadline = StartedAt + TimeSpan.FromSeconds(Timeout);
        }

        /// <summary>Whether -Timeout has run out.</summary>
        protected bool PastDeadline => Deadline is DateTimeOffset end && DateTimeOffset.UtcNow >= end;

        /// <summary>Creates a watcher polling through a client with the shared query-rate cap.</summary>
        protected JobWatcher CreateWatcher()
        {
            var client = CreateClient(QueryRateToApply);
            var options = new JobWatcherOptions
            {
                PollInterval = TimeSpan.FromSeconds(PollInterval),
                Deadline = Deadline,
                Log = PostVerbose,
                Warn = PostWarning,
            };
            return new JobWatcher(client, options, StopToken);
        }
    }
}
