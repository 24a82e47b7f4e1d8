using System;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Vidu.History
{
    /// <summary>
    /// A question for the history, and how far back from the end it must read to answer it: the last batch, the
    /// newest jobs, the jobs since a time or given jobs stop early; only "everything" reads the whole file.
    /// </summary>
    internal sealed class HistoryQuery
    {
        private HistoryQuery(QueryKind kind)
        {
            Kind = kind;
        }

        internal enum QueryKind
        {
            All,
            LastBatch,
            Newest,
            Since,
            Jobs,
        }

        internal QueryKind Kind { get; }
        internal string? Endpoint { get; private set; }
        internal int Count { get; private set; }
        internal DateTimeOffset SinceTime { get; private set; }
        internal HashSet<string> JobIds { get; private set; } = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>Lines this far older than "since" are still read, for clocks of several machines that disagree.</summary>
        internal static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(10);

        public static HistoryQuery All { get; } = new HistoryQuery(QueryKind.All);

        /// <summary>This session's own last batch against the endpoint, else this user's newest one there.</summary>
        public static HistoryQuery LastBatch(string endpoint) => new HistoryQuery(QueryKind.LastBatch) { Endpoint = endpoint };

        /// <summary>At least the newest <paramref name="count"/> jobs and unconfirmed creates.</summary>
        public static HistoryQuery Newest(int count) => new HistoryQuery(QueryKind.Newest) { Count = Math.Max(1, count) };

        /// <summary>Every job created at or after <paramref name="since"/>.</summary>
        public static HistoryQuery Since(DateTimeOffset since) => new HistoryQuery(QueryKind.Since) { SinceTime = since };

        /// <summary>The given jobs (most are recent, so the read usually stops early).</summary>
        public static HistoryQuery Jobs(IEnumerable<string> jobIds) =>
            new HistoryQuery(QueryKind.Jobs) { JobIds = new HashSet<string>(jobIds.Where(id => !string.IsNullOrEmpty(id)), StringComparer.Ordinal) };
    }
}
