using System;
using System.Collections.Generic;

namespace ShortApi.Vidu.History
{
    /// <summary>
    /// Reads history records newest-first until a query has all it needs. Everything a job needs is on or after its
    /// creation line, and a batch's lines all follow its "batch" line, so the scan can stop there.
    /// </summary>
    internal sealed class HistoryScan
    {
        private readonly HistoryQuery _query;
        private readonly string _historyPath;
        private readonly HashSet<string> _resolvedSends = new HashSet<string>(StringComparer.Ordinal);
        private readonly HashSet<string> _createdJobs = new HashSet<string>(StringComparer.Ordinal);
        private int _entries;
        private string? _legacyBatch;

        public HistoryScan(HistoryQuery query, string historyPath)
        {
            _query = query;
            _historyPath = historyPath;
            if (query.Kind == HistoryQuery.QueryKind.LastBatch) TargetBatch = SessionIdentity.LastBatch(historyPath, query.Endpoint!);
        }

        /// <summary>For a last-batch query: the batch found (or known from this process).</summary>
        public string? TargetBatch { get; private set; }

        /// <summary>Takes the next older record; returns false once nothing older can matter.</summary>
        public bool Take(HistoryRecord record)
        {
            if ((record.Event == "created" || record.Event == "refused") && record.SendId != null) _resolvedSends.Add(record.SendId);
            switch (_query.Kind)
            {
                case HistoryQuery.QueryKind.LastBatch:
                    return TakeForBatch(record);
                case HistoryQuery.QueryKind.Newest:
                    if (CountsAsEntry(record)) _entries++;
                    return _entries < _query.Count;
                case HistoryQuery.QueryKind.Since:
                    return !(record.IsCreation && (record.CreatedAt ?? record.Time) is DateTimeOffset at && at < _query.SinceTime - HistoryQuery.ClockSkew);
                case HistoryQuery.QueryKind.Jobs:
                    if (record.Event == "created" && record.JobId != null && _query.JobIds.Contains(record.JobId)) _createdJobs.Add(record.JobId);
                    return _createdJobs.Count < _query.JobIds.Count;
                default:
                    return true;
            }
        }

        /// <summary>After the scan: the batch to keep (a version-1 history has no batch lines; its newest batch then).</summary>
        public string? Finish() => TargetBatch ??= _legacyBatch;

        private bool TakeForBatch(HistoryRecord record)
        {
            if (TargetBatch != null) return !(record.Event == "batch" && record.BatchId == TargetBatch);
            if (!SameEndpoint(record)) return true;
            if (record.Event == "batch" && record.BatchId != null && record.User == SessionIdentity.User && record.Machine == SessionIdentity.Machine)
            {
                TargetBatch = record.BatchId;
                return false; // all of its lines are newer than this one, so they have been read already
            }
            if (record.Event == "created" && record.BatchId != null && record.SendId == null) _legacyBatch ??= record.BatchId;
            return true;
        }

        private bool SameEndpoint(HistoryRecord record) => record.Endpoint == null || record.Endpoint == _query.Endpoint;

        private bool CountsAsEntry(HistoryRecord record) =>
            record.Event == "created" || (record.Event == "sending" && record.SendId != null && !_resolvedSends.Contains(record.SendId));

        internal string HistoryPath => _historyPath;
    }
}
