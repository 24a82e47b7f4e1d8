using System;
using System.Management.Automation;
using ShortApi.Vidu.Pipeline;
using ShortApi.Vidu.Watching;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// What Wait-ViduVideoJob and Save-ViduVideo add for jobs that are not finished yet: how often to ask,
    /// how long to wait in all, and the watch that does the asking.
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

        /// <summary>The command's one client (queries through the shared rate cap).</summary>
        internal ApiClient Client => _client ??= CreateClient(QueryLimiter);

        /// <summary>Creates a watch polling through the client.</summary>
        internal JobWatch CreateWatch()
        {
            var options = new JobWatchOptions
            {
                PollInterval = TimeSpan.FromSeconds(PollInterval),
                Deadline = Deadline,
                Log = PostVerbose,
                Warn = PostWarning,
            };
            return new JobWatch(Client, options, JobEvents, StopToken);
        }
    }
}
