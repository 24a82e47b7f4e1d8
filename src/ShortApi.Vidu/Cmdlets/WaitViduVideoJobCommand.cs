using System;
using System.Management.Automation;
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
        private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);
        private readonly ProgressRecord _progress = new ProgressRecord(2, "Waiting for video jobs", "Starting");
        private JobWatch? _watch;
        private int _total;
        private int _succeeded;
        private int _failed;
        private bool _done;
        private DateTime _lastProgress = DateTime.MinValue;

        /// <summary>Returns as soon as any one job finishes.</summary>
        [Parameter]
        public SwitchParameter Any { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (var (job, live) in ReadJobs())
            {
                if (_done) return;
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
                _watch ??= CreateWatch();
                _watch.Add(job);
            }
            Drain(TimeSpan.Zero);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            while (_watch != null && _watch.PendingCount > 0 && !_done)
            {
                var wait = TimeSpan.FromMilliseconds(250);
                if (Deadline is DateTimeOffset end)
                {
                    var left = end - DateTimeOffset.UtcNow;
                    if (left <= TimeSpan.Zero)
                    {
                        TimeOut();
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
            if (disposing) _watch?.Dispose();
            base.Dispose(disposing);
        }

        // Takes every finished job the watch has (waiting up to `wait` for the first), then reports progress.
        private void Drain(TimeSpan wait)
        {
            FlushMessages();
            if (_watch != null)
            {
                try
                {
                    while (!_done && _watch.TryTake(out var result, wait, StopToken))
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

        // Stop asking first, then take what finished meanwhile, then time out the rest: every job ends as output, an
        // error or a timeout error, even one that finishes at the very moment the time runs out.
        private void TimeOut()
        {
            _watch!.StopPollingAsync(StopBound).GetAwaiter().GetResult();
            Drain(TimeSpan.Zero);
            var waited = DateTimeOffset.UtcNow - StartedAt;
            foreach (var job in _watch.Remaining()) WriteError(ErrorRecords.WaitTimeout(job, waited));
            _watch.Dispose();
            _watch = null;
        }

        private void Handle(WatchResult result)
        {
            if (result.Succeeded)
            {
                Succeed(result.Job);
                return;
            }
            var error = result.Error!;
            if (ErrorRecords.EndsCommand(error)) ThrowTerminatingError(ErrorRecords.FromApi(error, result.Job));
            _failed++;
            WriteError(ErrorRecords.FromApi(error, result.Job));
            if (Any) Finish();
        }

        private void Succeed(VideoJob job)
        {
            _succeeded++;
            SessionJobs.Remember(job);
            WriteObject(job);
            if (Any) Finish();
        }

        private void Finish()
        {
            _done = true;
            _watch?.Dispose();
            _watch = null;
        }

        private void ReportProgress()
        {
            if ((DateTime.UtcNow - _lastProgress).TotalMilliseconds < 200) return;
            _lastProgress = DateTime.UtcNow;
            var running = _watch?.PendingCount ?? 0;
            _progress.StatusDescription = $"{_succeeded} done, {running} running, {_failed} failed · {Elapsed()} elapsed";
            _progress.PercentComplete = _total > 0 ? Math.Min(100, (_succeeded + _failed) * 100 / _total) : -1;
            _progress.RecordType = ProgressRecordType.Processing;
            WriteProgress(_progress);
        }
    }
}
