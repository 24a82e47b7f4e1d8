using System;
using System.Management.Automation;
using ShortApi.Vidu.Http;
using ShortApi.Vidu.Watching;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// <para type="synopsis">Waits for video jobs and emits each the moment it succeeds.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "ViduVideoJob", DefaultParameterSetName = "JobId")]
    [OutputType(typeof(VideoJob))]
    public sealed class WaitViduVideoJobCommand : JobWatchingCmdlet
    {
        private readonly ProgressRecord _progress = new ProgressRecord(2, "Waiting for video jobs", "Starting");
        private JobWatcher? _watcher;
        private int _total;
        private int _succeeded;
        private int _failed;
        private bool _anyFinished;
        private DateTime _lastProgress = DateTime.MinValue;

        /// <summary>Returns as soon as any one job finishes.</summary>
        [Parameter]
        public SwitchParameter Any { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (var (job, live) in ReadJobs())
            {
                if (_anyFinished) return;
                _total++;
                if (live && job.Status == JobStatus.Succeeded && job.VideoUrls.Length > 0)
                {
                    Succeed(job);
                    continue;
                }
                if (PastDeadline)
                {
                    WriteError(ErrorRecords.WaitTimeout(job, DateTimeOffset.UtcNow - StartedAt));
                    continue;
                }
                _watcher ??= CreateWatcher();
                _watcher.Add(job);
            }
            Drain(TimeSpan.Zero);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            while (_watcher != null && _watcher.PendingCount > 0 && !_anyFinished)
            {
                var wait = TimeSpan.FromMilliseconds(250);
                if (Deadline is DateTimeOffset end)
                {
                    var left = end - DateTimeOffset.UtcNow;
                    if (left <= TimeSpan.Zero)
                    {
                        Drain(TimeSpan.Zero); // jobs that finished just now are results, not timeouts
                        TimeOutPending();
                        break;
                    }
                    if (left < wait) wait = left;
                }
                Drain(wait);
            }
            _progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(_progress);
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing) _watcher?.Dispose();
            base.Dispose(disposing);
        }

        // Takes every finished job the watcher has (waiting up to `wait` for the first), then reports progress.
        private void Drain(TimeSpan wait)
        {
            FlushMessages();
            if (_watcher != null)
            {
                try
                {
                    while (!_anyFinished && _watcher.TryTake(out var result, wait, StopToken))
                    {
                        Handle(result!);
                        wait = TimeSpan.Zero;
                    }
                }
                catch (OperationCanceledException)
                {
                    throw new PipelineStoppedException();
                }
            }
            FlushMessages();
            ReportProgress();
        }

        private void Handle(WatchResult result)
        {
            if (result.Succeeded)
            {
                Succeed(result.Job);
                return;
            }
            var error = result.Error!;
            TryRecord(history => history.RecordStatus(result.Job));
            if (error.Kind == ShortApiErrorKind.Unauthorized)
                ThrowTerminatingError(ErrorRecords.FromApi(error, result.Job));
            _failed++;
            WriteError(ErrorRecords.FromApi(error, result.Job));
            if (Any) Finish();
        }

        private void Succeed(VideoJob job)
        {
            _succeeded++;
            TryRecord(history => history.RecordStatus(job));
            SessionJobs.Remember(job);
            WriteObject(job);
            if (Any) Finish();
        }

        private void Finish()
        {
            _anyFinished = true;
            _watcher?.Dispose();
            _watcher = null;
        }

        private void TimeOutPending()
        {
            if (_watcher == null) return;
            var waited = DateTimeOffset.UtcNow - StartedAt;
            foreach (var job in _watcher!.PendingJobs())
                WriteError(ErrorRecords.WaitTimeout(job, waited));
            _watcher.Dispose();
            _watcher = null;
        }

        private void ReportProgress()
        {
            if ((DateTime.UtcNow - _lastProgress).TotalMilliseconds < 200) return;
            _lastProgress = DateTime.UtcNow;
            var running = _watcher?.PendingCount ?? 0;
            _progress.StatusDescription = $"{_succeeded} done, {running} running, {_failed} failed · {Elapsed()} elapsed";
            _progress.PercentComplete = _total > 0 ? Math.Min(100, (_succeeded + _failed) * 100 / _total) : -1;
            _progress.RecordType = ProgressRecordType.Processing;
            WriteProgress(_progress);
        }
    }
}
