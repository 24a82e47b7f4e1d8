using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Pipeline;
using ShortApi.Vidu.Watching;
using ShortApi.Vidu.Wire;

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
        private ApiClient? _client;

        /// <summary>Only jobs created at or after this time.</summary>
        [Parameter(ParameterSetName = HistorySet)]
        public DateTime? Since { get; set; }

        /// <summary>Only jobs in these states (after refreshing); Unconfirmed lists creates whose outcome is not known.</summary>
        [Parameter(ParameterSetName = HistorySet)]
        public JobStatus[]? Status { get; set; }

        /// <summary>Only the newest N jobs (of those the other filters keep).</summary>
        [Parameter(ParameterSetName = HistorySet)]
        [ValidateRange(1, int.MaxValue)]
        public int? Last { get; set; }

        /// <summary>Only the jobs of this session's last New-ViduVideoJob run against this endpoint (else this user's newest run there).</summary>
        [Parameter(ParameterSetName = HistorySet)]
        public SwitchParameter LastBatch { get; set; }

        /// <summary>Only jobs whose video has not been saved yet (failed and unconfirmed ones excluded): what a resume must collect.</summary>
        [Parameter(ParameterSetName = HistorySet)]
        public SwitchParameter Unsaved { get; set; }

        /// <summary>Lists the history as recorded, without asking the service about unfinished jobs.</summary>
        [Parameter(ParameterSetName = HistorySet)]
        public SwitchParameter NoRefresh { get; set; }

        private ApiClient Client => _client ??= CreateClient(QueryLimiter);

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
                // The same look as a refresh of the history: recorded, and an odd answer worded as everywhere else.
                JobLook.Result look;
                try
                {
                    look = Await(JobLook.RefreshAsync(Client, new[] { job }, JobEvents, TimeProvider.System, StopToken))[0];
                }
                catch (OperationCanceledException)
                {
                    throw new PipelineStoppedException();
                }
                if (look.Error != null)
                {
                    if (ErrorRecords.EndsCommand(look.Error)) ThrowTerminatingError(ErrorRecords.FromApi(look.Error, job));
                    WriteError(ErrorRecords.FromApi(look.Error, job));
                    continue;
                }
                if (look.Note != null) WriteWarning(look.Note);
                WriteObject(look.Now);
            }
        }

        private void ListHistory()
        {
            if (Store == null)
            {
                WriteError(ErrorRecords.HistoryDisabled());
                return;
            }
            HistorySnapshot snapshot;
            try
            {
                snapshot = Store.Read(ChooseQuery());
            }
            catch (Exception ex) when (ex is System.IO.IOException || ex is UnauthorizedAccessException)
            {
                WriteError(ErrorRecords.HistoryUnreadable(ex, Store.FilePath));
                return;
            }
            // Filters that do not depend on the status first, then the refresh, then the rest: -Unsaved and -Status
            // judge the state the service reports now, and -Last counts what is left.
            IEnumerable<VideoJob> jobs = snapshot.Jobs;
            if (Since is DateTime since) jobs = jobs.Where(j => j.CreatedAt >= new DateTimeOffset(since));
            var selected = jobs.ToList();
            if (!NoRefresh) selected = RefreshUnfinished(selected);
            IEnumerable<VideoJob> result = selected;
            if (Unsaved) result = result.Where(j => j.SavedPath == null && j.Status != JobStatus.Failed && j.Status != JobStatus.Unconfirmed);
            if (Status != null && Status.Length > 0) result = result.Where(j => Status.Contains(j.Status));
            if (Last is int count) result = result.Take(count);
            var listed = result.ToList();
            WarnAboutUnconfirmed(selected, listed);
            foreach (var job in listed)
            {
                if (job.JobId.Length > 0) SessionJobs.Remember(job);
                WriteObject(job);
            }
        }

        // Read only as much of the history as the filters need: the last batch, the newest few, or a recent span are
        // all at the end of the file.
        private HistoryQuery ChooseQuery()
        {
            if (LastBatch) return HistoryQuery.LastBatch(Endpoint.AbsoluteUri);
            var filtered = Unsaved || (Status != null && Status.Length > 0);
            if (Last is int count && !filtered && Since == null) return HistoryQuery.Newest(count);
            if (Since is DateTime since) return HistoryQuery.Since(new DateTimeOffset(since));
            return HistoryQuery.All;
        }

        private void WarnAboutUnconfirmed(List<VideoJob> selected, List<VideoJob> listed)
        {
            if (Status != null && Status.Contains(JobStatus.Unconfirmed)) return;
            var unconfirmed = selected.Where(j => j.Status == JobStatus.Unconfirmed).ToList();
            if (unconfirmed.Count == 0) return;
            var names = string.Join(", ", unconfirmed.Take(5).Select(j => $"'{Downloads.VideoFileNamer.SourceName(j.Image) ?? j.Image}' at {j.CreatedAt:g}"));
            var more = unconfirmed.Count > 5 ? $" and {unconfirmed.Count - 5} more" : string.Empty;
            var shown = listed.Any(j => j.Status == JobStatus.Unconfirmed) ? "listed with an empty JobId" : "not listed here";
            WriteWarning($"{unconfirmed.Count} create(s) are Unconfirmed ({shown}): {names}{more}. Each went out but its answer never came, so it may have made a paid job. Check your ShortAPI dashboard before submitting those pictures again; Get-ViduVideoJob -Status Unconfirmed lists them.");
        }

        // Unfinished jobs of this endpoint are asked about (a few at a time); jobs made against another endpoint,
        // such as the emulator, are shown as recorded.
        private List<VideoJob> RefreshUnfinished(List<VideoJob> jobs)
        {
            var endpoint = Endpoint.AbsoluteUri;
            var stale = jobs.Where(j => !j.IsFinal && j.Status != JobStatus.Unconfirmed && (j.Endpoint == null || j.Endpoint == endpoint)).ToList();
            if (stale.Count == 0) return jobs;
            if (FindApiKey() == null)
            {
                WriteWarning($"{stale.Count} unfinished job(s) are shown as recorded: no API key to ask the service (-ApiKey or $env:SHORTAPI_KEY).");
                return jobs;
            }
            IReadOnlyList<JobLook.Result> looks;
            try
            {
                looks = Await(JobLook.RefreshAsync(Client, stale, JobEvents, TimeProvider.System, StopToken));
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            var refreshed = new Dictionary<VideoJob, VideoJob>();
            foreach (var look in looks)
            {
                if (look.Error != null && ErrorRecords.EndsCommand(look.Error)) ThrowTerminatingError(ErrorRecords.FromApi(look.Error, look.Before));
                if (look.Note != null) WriteWarning(look.Note);
                if (look.Now != null) refreshed[look.Before] = look.Now;
                else WriteWarning($"Job '{look.Before.JobId}' is shown as recorded: {look.Error!.Message}");
            }
            return jobs.Select(j => refreshed.TryGetValue(j, out var now) ? now : j).ToList();
        }
    }
}
