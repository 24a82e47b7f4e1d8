using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Http;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// <para type="synopsis">Gets video jobs: by id from the service, or from the local job history.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ViduVideoJob", DefaultParameterSetName = HistorySet)]
    [OutputType(typeof(VideoJob))]
    public sealed class GetViduVideoJobCommand : JobPipelineCmdlet
    {
        private const string HistorySet = "History";
        private ShortApiClient? _client;

        /// <summary>Only jobs created at or after this time.</summary>
        [Parameter(ParameterSetName = HistorySet)]
        public DateTime? Since { get; set; }

        /// <summary>Only jobs in these states (after refreshing).</summary>
        [Parameter(ParameterSetName = HistorySet)]
        public JobStatus[]? Status { get; set; }

        /// <summary>Only the newest N jobs (of those the other filters keep).</summary>
        [Parameter(ParameterSetName = HistorySet)]
        [ValidateRange(1, int.MaxValue)]
        public int? Last { get; set; }

        /// <summary>Only the jobs of the most recent New-ViduVideoJob run against this endpoint.</summary>
        [Parameter(ParameterSetName = HistorySet)]
        public SwitchParameter LastBatch { get; set; }

        /// <summary>Only jobs whose video has not been saved yet (failed jobs excluded): what a resume must collect.</summary>
        [Parameter(ParameterSetName = HistorySet)]
        public SwitchParameter Unsaved { get; set; }

        /// <summary>Lists the history as recorded, without asking the service about unfinished jobs.</summary>
        [Parameter(ParameterSetName = HistorySet)]
        public SwitchParameter NoRefresh { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (ParameterSetName == HistorySet)
            {
                ListHistory();
                return;
            }
            foreach (var (job, _) in ReadJobs())
            {
                _client ??= CreateClient(QueryRateToApply);
                try
                {
                    var state = Await(_client.QueryJobAsync(job.JobId, StopToken));
                    Refresh(job, state);
                    WriteObject(job);
                }
                catch (ShortApiException ex)
                {
                    if (ex.Kind == ShortApiErrorKind.Unauthorized) ThrowTerminatingError(ErrorRecords.FromApi(ex, job));
                    WriteError(ErrorRecords.FromApi(ex, job));
                }
                catch (OperationCanceledException)
                {
                    throw new PipelineStoppedException();
                }
            }
        }

        private void ListHistory()
        {
            var history = History;
            if (history == null)
            {
                WriteError(new ErrorRecord(new InvalidOperationException(
                        "The job history is turned off (-NoHistory or $env:SHORTAPI_NO_HISTORY). Pass -JobId to ask the service about a job."),
                    "ShortApi.HistoryDisabled", ErrorCategory.InvalidOperation, null));
                return;
            }
            // Filters that do not depend on the status first, then the refresh, then the rest: -Unsaved and -Status
            // judge the state the service reports now, and -Last counts what is left.
            IEnumerable<VideoJob> jobs = history.ReadJobs();
            if (LastBatch)
            {
                var endpoint = Endpoint.AbsoluteUri;
                var batch = jobs.FirstOrDefault(j => j.BatchId != null && (j.Endpoint == null || j.Endpoint == endpoint))?.BatchId;
                jobs = batch == null ? Enumerable.Empty<VideoJob>() : jobs.Where(j => j.BatchId == batch);
            }
            if (Since is DateTime since) jobs = jobs.Where(j => j.CreatedAt >= new DateTimeOffset(since));
            var selected = jobs.ToList();
            if (!NoRefresh) RefreshUnfinished(selected);
            IEnumerable<VideoJob> result = selected;
            if (Unsaved) result = result.Where(j => j.SavedPath == null && j.Status != JobStatus.Failed);
            if (Status != null && Status.Length > 0) result = result.Where(j => Status.Contains(j.Status));
            if (Last is int count) result = result.Take(count);
            foreach (var job in result)
            {
                SessionJobs.Remember(job);
                WriteObject(job);
            }
        }

        // Unfinished jobs of this endpoint are asked about (a few at a time); jobs made against another endpoint,
        // such as the emulator, are shown as recorded.
        private void RefreshUnfinished(List<VideoJob> jobs)
        {
            var endpoint = Endpoint.AbsoluteUri;
            var stale = jobs.Where(j => !j.IsFinal && (j.Endpoint == null || j.Endpoint == endpoint)).ToList();
            if (stale.Count == 0) return;
            var key = FindApiKey();
            if (key == null)
            {
                WriteWarning($"{stale.Count} unfinished job(s) are shown as recorded: no API key to ask the service (-ApiKey or $env:SHORTAPI_KEY).");
                return;
            }
            _client ??= CreateClient(key, QueryRateToApply);
            var client = _client;
            using var slots = new SemaphoreSlim(4);
            var queries = stale.Select(async job =>
            {
                await slots.WaitAsync(StopToken).ConfigureAwait(false);
                try
                {
                    return (job, state: await client.QueryJobAsync(job.JobId, StopToken).ConfigureAwait(false), error: (ShortApiException?)null);
                }
                catch (ShortApiException ex)
                {
                    return (job, state: (JobSnapshot?)null, error: ex);
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            try
            {
                WaitFor(Task.WhenAll(queries));
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            foreach (var query in queries)
            {
                var (job, state, error) = query.Result;
                if (error?.Kind == ShortApiErrorKind.Unauthorized) ThrowTerminatingError(ErrorRecords.FromApi(error, job));
                if (state != null) Refresh(job, state);
                else WriteWarning($"Job '{job.JobId}' is shown as recorded: {error!.Message}");
            }
        }

        private void Refresh(VideoJob job, JobSnapshot state)
        {
            var before = (job.Status, job.VideoUrls.Length);
            job.Apply(state, DateTimeOffset.Now);
            if (state.Status == JobStatus.Succeeded && state.VideoUrls.Length == 0)
                WriteWarning($"Job '{job.JobId}' is reported finished but the answer carries no video URL; ask again in a moment.");
            if (state.Status == JobStatus.Unknown)
                WriteWarning($"Job '{job.JobId}' has status {state.StatusCode}, which is not documented; treat it as still running.");
            if (before != (job.Status, job.VideoUrls.Length)) TryRecord(history => history.RecordStatus(job));
            FlushMessages();
        }
    }
}
