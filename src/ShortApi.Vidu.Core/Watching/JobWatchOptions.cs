using System;

namespace ShortApi.Vidu.Watching
{
    /// <summary>How a <see cref="JobWatch"/> polls.</summary>
    internal sealed class JobWatchOptions
    {
        /// <summary>How long between two status queries of one job.</summary>
        public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>How many status queries may be waiting for an answer at once.</summary>
        public int MaxConcurrentQueries { get; set; } = 16;

        /// <summary>When waiting ends; retries inside one query do not reach past it.</summary>
        public DateTimeOffset? Deadline { get; set; }

        /// <summary>Receives progress notes for -Verbose (called from background threads).</summary>
        public Action<string>? Log { get; set; }

        /// <summary>The clock that dates answers and times the queries; tests pass one they move by hand.</summary>
        public TimeProvider Clock { get; set; } = TimeProvider.System;

        /// <summary>Set whenever a job finishes, so a caller that also waits on other things (downloads, messages) wakes on it.</summary>
        public Outcomes.Wakeup? Wakeup { get; set; }

        /// <summary>Receives warnings (called from background threads).</summary>
        public Action<string>? Warn { get; set; }
    }
}
