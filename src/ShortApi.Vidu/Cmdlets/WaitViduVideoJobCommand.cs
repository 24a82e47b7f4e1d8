using System;
using System.Linq;
using System.Management.Automation;
using ShortApi.Vidu.Watching;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// <para type="synopsis">Waits for video jobs and emits each the moment it succeeds.</para>
    /// </summary>
    [Cmdlet(VerbsLifecycle.Wait, "ViduVideoJob", DefaultParameterSetName = JobSet)]
    [OutputType(typeof(VideoJob))]
    public sealed class WaitViduVideoJobCommand : JobWatchingCmdlet
    {
        private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);
        private static readonly TimeSpan ProgressRefresh = TimeSpan.FromSeconds(1);
        internal const int ProgressId = 2;

        // Fed by a pipeline, this line sits under the one of the command before it (New-ViduVideoJob), so New | Wait | Save
        // draw as one tree. A parent that is not shown (other input) or already done leaves this line at the top.
        private int ParentProgressId => MyInvocation.ExpectingInput ? SubmitProgress.ActivityId : -1;
        private const string ProgressActivity = "Waiting for video jobs";
        private int _total;
        private int _succeeded;
        private int _failed;
        private bool _done;
        private int _savedBefore;
        private DateTime _lastProgress = DateTime.MinValue;

        /// <summary>Returns as soon as any one job finishes.</summary>
        [Parameter]
        public SwitchParameter Any { get; set; }

        /// <summary>Emits failed jobs as objects (Status Failed, Error saying why), as Wait-Job does, instead of writing an error for each.</summary>
        [Parameter]
        public SwitchParameter IncludeFailed { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (var (job, live) in ReadJobs())
            {
                if (_done) return;
                if (job.SavedPath != null) _savedBefore++;
                if (live && job.Status == JobStatus.Succeeded && job.VideoUrls.Length > 0)
                {
                    _total++;
                    Succeed(job);
                    continue;
                }
                _total++;
                if (live && job.Status == JobStatus.Failed && IncludeFailed)
                {
                    _failed++;
                    WriteObject(job);
                    continue;
                }
                if (Wait.PastDeadline)
                {
                    WriteTimedOut(new[] { job });
                    continue;
                }
                if (!Wait.Add(job))
                {
                    _total--;
                    WriteVerbose($"Job '{job.JobId}' was given more than once; it is waited for, and emitted, once.");
                }
            }
            Drain(TimeSpan.Zero);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            while (Wait.PendingCount > 0 && !_done)
            {
                if (Wait.PastDeadline)
                {
                    TimeOut();
                    break;
                }
                // Woken by a finished job or a posted line; the bound only keeps the progress line's clock moving.
                Drain(Wait.NextWait(ProgressRefresh));
            }
            ReportProgress(final: true); // the last count is shown, however recently the line was drawn
            WriteProgress(new ProgressRecord(ProgressId, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed, ParentActivityId = ParentProgressId });
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing) SayHowToGoOn();
            base.Dispose(disposing);
        }

        // After Ctrl+C the pipeline is closed, so the line goes to the host (a hosted runspace gets it as a warning).
        private void SayHowToGoOn()
        {
            if (!StopToken.IsCancellationRequested || Wait == null || Wait.PendingCount == 0) return;
            Host.UI.WriteWarningLine(ResumeAdvice.AfterStop(Wait.PendingCount, _savedBefore, Store != null, Wait.Remaining().Select(j => j.JobId), null));
        }

        // Takes every finished job; when none was ready, sleeps until one is (or a line is posted, or `wait` passes)
        // and takes again: drain, wait, drain, so nothing that arrives meanwhile is missed.
        private void Drain(TimeSpan wait)
        {
            FlushMessages();
            if (!TakeFinished() && wait > TimeSpan.Zero && !_done)
            {
                WaitForWork(wait);
                TakeFinished();
            }
            FlushMessages();
            ReportProgress();
        }

        private bool TakeFinished()
        {
            var any = false;
            while (!_done && Wait.TryTake(out var result))
            {
                any = true;
                Handle(result!);
            }
            return any;
        }

        // The core stops asking, hands out what finished meanwhile, then the jobs still running: every job ends as
        // output, an error or a timeout error, even one that finishes at the very moment the time runs out.
        private void TimeOut()
        {
            var (finished, timedOut) = Wait.EndAtDeadline(StopBound);
            foreach (var result in finished)
                if (!_done) Handle(result);
            WriteTimedOut(timedOut);
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
            if (IncludeFailed && error.Kind == ShortApiErrorKind.JobFailed)
            {
                SessionJobs.Remember(result.Job);
                WriteObject(result.Job);
            }
            else
            {
                WriteError(ErrorRecords.FromApi(error, result.Job));
            }
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
            Wait.Dispose();
        }

        private void ReportProgress(bool final = false)
        {
            if (!final && (DateTime.UtcNow - _lastProgress).TotalMilliseconds < 200) return;
            _lastProgress = DateTime.UtcNow;
            var running = _done ? 0 : Wait.PendingCount;
            // A new record each time: a host may keep the records it is given, and must see each as it was.
            WriteProgress(new ProgressRecord(ProgressId, ProgressActivity, $"{_succeeded + _failed} of {_total} finished · {_succeeded} succeeded · {running} running · {_failed} failed · {Elapsed()}") { PercentComplete = _total > 0 ? Math.Min(100, (_succeeded + _failed) * 100 / _total) : 0, ParentActivityId = ParentProgressId });
        }
    }
}
