using System;
using System.Linq;
using System.IO;
using System.Management.Automation;
using ShortApi.Vidu.Downloads;
using ShortApi.Vidu.Watching;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// <para type="synopsis">Downloads the videos of finished jobs into a folder, waiting for jobs that are still running.</para>
    /// </summary>
    [Cmdlet(VerbsData.Save, "ViduVideo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = JobSet)]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveViduVideoCommand : JobWatchingCmdlet
    {
        private static readonly TimeSpan StopBound = TimeSpan.FromSeconds(5);
        private static readonly TimeSpan ProgressRefresh = TimeSpan.FromSeconds(1);
        private const int ProgressId = 3;

        // Fed by a pipeline, this line sits under the one of the command before it (Wait-ViduVideoJob), so New | Wait | Save
        // draw as one tree. A parent that is not shown (other input) or already done leaves this line at the top.
        private int ParentProgressId => MyInvocation.ExpectingInput ? WaitViduVideoJobCommand.ProgressId : -1;
        private const string ProgressActivity = "Saving videos";
        private int _received;
        private DownloadBatch? _downloads;
        private string _folder = string.Empty;
        private int _saved;
        // Jobs whose videos are downloading: after a stop they are among the ones not saved yet.
        private readonly System.Collections.Generic.HashSet<string> _downloading = new System.Collections.Generic.HashSet<string>(StringComparer.Ordinal);
        private int _failed;
        private DateTime _lastProgress = DateTime.MinValue;

        /// <summary>The folder to save into (created if missing); the current location by default.</summary>
        [Parameter(Position = 1)]
        [Alias("Destination", "OutFolder")]
        [ValidateNotNullOrEmpty]
        public string Path { get; set; } = ".";

        /// <summary>The file name without extension, from tokens {Name} {JobId} {Mode} {Resolution} {Duration} {Date} {Index}; default {Name} (the source image's base name).</summary>
        [Parameter]
        [ValidateNotNullOrEmpty]
        public string NameTemplate { get; set; } = VideoFileNamer.DefaultTemplate;

        /// <summary>Replaces files that already exist with other content.</summary>
        [Parameter]
        public SwitchParameter Force { get; set; }

        /// <summary>How many downloads may run at once (default 4).</summary>
        [Parameter]
        [ValidateRange(1, 32)]
        public int ThrottleLimit { get; set; } = 4;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            try
            {
                VideoFileNamer.Validate(NameTemplate);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidNameTemplate(ex, NameTemplate));
            }
            _folder = PrepareFolder();
            var options = new DownloadOptions(_folder) { NameTemplate = NameTemplate, Force = Force, ThrottleLimit = ThrottleLimit };
            var client = WhatIfRequested ? null : Client;
            _downloads = new DownloadBatch(client!, options, JobEvents, PostVerbose, StopToken, Wakeup);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (var (job, live) in ReadJobs())
            {
                _received++;
                if (live && job.Status == JobStatus.Succeeded && job.VideoUrls.Length > 0)
                {
                    StartDownloads(job);
                }
                else if (live && job.Status == JobStatus.Failed)
                {
                    _failed++;
                    WriteError(ErrorRecords.FromApi(new ShortApiException(ShortApiErrorKind.JobFailed,
                        $"Job '{job.JobId}' failed: {job.Error ?? "the service gave no reason"}. It has no video to save.", jobId: job.JobId), job));
                }
                else if (WhatIfRequested)
                {
                    // A preview needs no service: the file name comes from the job, not from its result.
                    ShouldProcess(_downloads!.ClaimTarget(job, 1, job.VideoUrl ?? string.Empty), $"Save the video of job '{job.JobId}' once it has finished");
                }
                else if (Wait.PastDeadline)
                {
                    WriteTimedOut(new[] { job });
                }
                else
                {
                    Wait.Add(job);
                }
            }
            Drain(TimeSpan.Zero);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            while (Wait.PendingCount > 0 || _downloads!.Active > 0)
            {
                if (Wait.PendingCount > 0 && Wait.PastDeadline) TimeOut();
                // Woken by a finished job, a saved video or a posted line; the bound keeps the progress clock moving and
                // wakes at the deadline.
                Drain(Wait.PendingCount > 0 ? Wait.NextWait(ProgressRefresh) : ProgressRefresh);
            }
            Drain(TimeSpan.Zero);
            ReportProgress(final: true); // the last count is shown, however recently the line was drawn
            WriteProgress(new ProgressRecord(ProgressId, ProgressActivity, "Done") { RecordType = ProgressRecordType.Completed, ParentActivityId = ParentProgressId });
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                Wait?.Dispose();
                // A stopped download deletes its temporary file; a finished one was recorded as saved when it finished.
                _downloads?.Stop(StopBound);
                SayHowToGoOn();
                _downloads?.Dispose();
            }
            base.Dispose(disposing);
        }

        // After Ctrl+C the pipeline is closed, so the line goes to the host (a hosted runspace gets it as a warning).
        // Videos that were saved as the stop landed count as saved; their outcomes cannot be emitted any more.
        private void SayHowToGoOn()
        {
            if (!StopToken.IsCancellationRequested || _downloads == null) return;
            while (_downloads.TryTake(out var outcome))
            {
                if (!outcome!.Saved) continue;
                _saved++;
                _downloading.Remove(outcome.Job.JobId);
            }
            var running = Wait?.Remaining().Select(j => j.JobId).ToList() ?? new System.Collections.Generic.List<string>();
            var waiting = (Wait?.PendingCount ?? 0) + _downloading.Count;
            if (waiting == 0) return;
            Host.UI.WriteWarningLine(ResumeAdvice.AfterStop(waiting, _saved, Store != null, running.Concat(_downloading), _folder));
        }

        // The folder must be on the file system and must be (or become) a folder: found out now, before any job is
        // waited for, rather than after minutes of waiting.
        private string PrepareFolder()
        {
            string folder;
            try
            {
                folder = ResolveFileSystemPath(Path, "-Path");
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.PathNotFileSystem(ex, Path));
                return string.Empty;
            }
            if (File.Exists(folder))
                ThrowTerminatingError(ErrorRecords.PathIsFile(Path));
            if (WhatIfRequested) return folder;
            try
            {
                Directory.CreateDirectory(folder);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                ThrowTerminatingError(ErrorRecords.FolderNotWritable(Path, ex));
            }
            return folder;
        }

        // The core stops asking, hands out what finished meanwhile (still saved), then the jobs the deadline left running.
        private void TimeOut()
        {
            var (finished, timedOut) = Wait.EndAtDeadline(StopBound);
            foreach (var result in finished) Handle(result);
            WriteTimedOut(timedOut);
        }

        // Takes every outcome that is ready; when none was, sleeps until one is (a finished job, a saved video, a posted
        // line, or `wait` passing) and takes again: drain, wait, drain, so nothing that arrives meanwhile is missed.
        private void Drain(TimeSpan wait)
        {
            FlushMessages();
            if (!TakeReady() && wait > TimeSpan.Zero)
            {
                WaitForWork(wait);
                TakeReady();
            }
            FlushMessages();
            ReportProgress();
        }

        private bool TakeReady()
        {
            var any = false;
            while (Wait.TryTake(out var result))
            {
                any = true;
                Handle(result!);
            }
            while (_downloads!.TryTake(out var outcome))
            {
                any = true;
                Complete(outcome!);
            }
            return any;
        }

        private void Handle(WatchResult result)
        {
            if (result.Succeeded)
            {
                StartDownloads(result.Job);
                return;
            }
            _failed++;
            var error = result.Error!;
            if (ErrorRecords.EndsCommand(error)) ThrowTerminatingError(ErrorRecords.FromApi(error, result.Job));
            WriteError(ErrorRecords.FromApi(error, result.Job));
        }

        private void StartDownloads(VideoJob job)
        {
            if (!WhatIfRequested) _downloading.Add(job.JobId);
            _downloads!.Start(job, HistoryJobs.SavedFiles(job.JobId), target => ShouldProcess(target, $"Save the video of job '{job.JobId}'"));
        }

        private void Complete(SaveOutcome outcome)
        {
            _downloading.Remove(outcome.Job.JobId);
            if (outcome.Saved)
            {
                _saved++;
                WriteSaved(outcome.Job, outcome.Path!, outcome.Url!);
                return;
            }
            _failed++;
            if (ErrorRecords.EndsCommand(outcome.Error!)) ThrowTerminatingError(ErrorRecords.FromApi(outcome.Error!, outcome.Job));
            WriteError(ErrorRecords.FromApi(outcome.Error!, outcome.Job));
        }

        // The saved file, with the job it came from attached, so it binds onward and can be traced back.
        private void WriteSaved(VideoJob job, string path, string url)
        {
            var file = PSObject.AsPSObject(new FileInfo(path));
            file.TypeNames.Insert(0, "ShortApi.Vidu.SavedVideo");
            file.Properties.Add(new PSNoteProperty("JobId", job.JobId));
            file.Properties.Add(new PSNoteProperty("SourceImage", job.Image ?? job.ReferenceImages.FirstOrDefault()));
            file.Properties.Add(new PSNoteProperty("VideoUrl", url));
            WriteObject(file);
        }

        private void ReportProgress(bool final = false)
        {
            if (!final && (DateTime.UtcNow - _lastProgress).TotalMilliseconds < 200) return;
            _lastProgress = DateTime.UtcNow;
            var waiting = Wait.PendingCount;
            // A new record each time: a host may keep the records it is given, and must see each as it was.
            WriteProgress(new ProgressRecord(ProgressId, ProgressActivity, $"{_saved + _failed} of {_received} finished · {_saved} saved · {_downloads!.Active} downloading · {waiting} waiting · {_failed} failed · {Elapsed()}") { PercentComplete = _received > 0 ? Math.Min(100, (_saved + _failed) * 100 / _received) : 0, ParentActivityId = ParentProgressId });
        }
    }
}
