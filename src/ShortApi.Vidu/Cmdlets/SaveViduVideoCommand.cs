using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Downloads;
using ShortApi.Vidu.Http;
using ShortApi.Vidu.Watching;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// <para type="synopsis">Downloads the videos of finished jobs into a folder, waiting for jobs that are still running.</para>
    /// </summary>
    [Cmdlet(VerbsData.Save, "ViduVideo", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low, DefaultParameterSetName = "JobId")]
    [OutputType(typeof(FileInfo))]
    public sealed class SaveViduVideoCommand : JobWatchingCmdlet
    {
        private readonly List<PendingDownload> _downloads = new List<PendingDownload>();
        private readonly HashSet<string> _claimed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        private readonly ProgressRecord _progress = new ProgressRecord(3, "Saving videos", "Starting");
        private SemaphoreSlim? _slots;
        private CancellationTokenSource? _downloadCancellation;
        private VideoDownloader? _downloader;
        private JobWatcher? _watcher;
        private ShortApiClient? _refreshClient;
        private string _folder = string.Empty;
        private int _saved;
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

        /// <summary>Replaces files that already exist.</summary>
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
                ThrowTerminatingError(new ErrorRecord(ex, "ShortApi.InvalidNameTemplate", ErrorCategory.InvalidArgument, NameTemplate));
            }
            _folder = SessionState.Path.GetUnresolvedProviderPathFromPSPath(Path);
            if (File.Exists(_folder))
                ThrowTerminatingError(new ErrorRecord(new IOException($"-Path '{Path}' is a file. Give a folder to save the videos in."),
                    "ShortApi.PathIsFile", ErrorCategory.InvalidArgument, Path));
            _slots = new SemaphoreSlim(ThrottleLimit);
            // Downloads end with the command, however it ends (Ctrl+C, Select-Object -First, an error), not after it.
            _downloadCancellation = CancellationTokenSource.CreateLinkedTokenSource(StopToken);
            _downloader = new VideoDownloader(SharedHttpClient.Instance, new RetryPolicy(MaximumRetryCount, TimeSpan.FromSeconds(RetryIntervalSec)),
                TimeSpan.FromSeconds(TimeoutSec), PostVerbose);
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (var (job, live) in ReadJobs())
            {
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
                    ShouldProcess(ClaimTarget(job, 1, job.VideoUrl ?? string.Empty), $"Save the video of job '{job.JobId}' once it has finished");
                }
                else if (PastDeadline)
                {
                    WriteError(ErrorRecords.WaitTimeout(job, DateTimeOffset.UtcNow - StartedAt));
                }
                else
                {
                    _watcher ??= CreateWatcher();
                    _watcher.Add(job);
                }
            }
            Drain(TimeSpan.Zero);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            while ((_watcher?.PendingCount ?? 0) > 0 || _downloads.Count > 0)
            {
                if (_watcher != null && _watcher.PendingCount > 0 && PastDeadline)
                {
                    Drain(TimeSpan.Zero); // jobs that finished just now are still saved
                    var waited = DateTimeOffset.UtcNow - StartedAt;
                    foreach (var job in _watcher.PendingJobs()) WriteError(ErrorRecords.WaitTimeout(job, waited));
                    _watcher.Dispose();
                    _watcher = null;
                }
                Drain(TimeSpan.FromMilliseconds(100));
            }
            _progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(_progress);
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _watcher?.Dispose();
                _downloadCancellation?.Cancel();
                var running = _downloads.Select(d => d.Task!).Where(t => t != null).ToArray();
                // A cancelled download deletes its temporary file; give them a moment, then let go.
                var settled = running.Length == 0 || Task.WaitAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)).ToArray(), TimeSpan.FromSeconds(5));
                if (settled)
                {
                    _slots?.Dispose();
                    _downloadCancellation?.Dispose();
                }
            }
            base.Dispose(disposing);
        }

        private void Drain(TimeSpan wait)
        {
            FlushMessages();
            try
            {
                if (_watcher != null && _watcher.PendingCount > 0)
                {
                    var waitForJobs = _downloads.Count > 0 ? TimeSpan.Zero : wait;
                    while (_watcher.TryTake(out var result, waitForJobs, StopToken))
                    {
                        if (result!.Succeeded) StartDownloads(result.Job);
                        else
                        {
                            _failed++;
                            TryRecord(history => history.RecordStatus(result.Job));
                            if (result.Error!.Kind == ShortApiErrorKind.Unauthorized) ThrowTerminatingError(ErrorRecords.FromApi(result.Error, result.Job));
                            WriteError(ErrorRecords.FromApi(result.Error, result.Job));
                        }
                        waitForJobs = TimeSpan.Zero;
                    }
                }
                if (_downloads.Count > 0 && wait > TimeSpan.Zero)
                    Task.WaitAny(_downloads.Select(d => (Task)d.Task!).ToArray(), (int)wait.TotalMilliseconds, StopToken);
            }
            catch (OperationCanceledException)
            {
                throw new PipelineStoppedException();
            }
            foreach (var done in _downloads.Where(d => d.Task!.IsCompleted).ToList())
            {
                _downloads.Remove(done);
                Complete(done);
            }
            FlushMessages();
            ReportProgress();
        }

        private void StartDownloads(VideoJob job)
        {
            if (!WhatIfRequested) TryRecord(history => history.RecordStatus(job));
            for (var index = 1; index <= job.VideoUrls.Length; index++)
            {
                var url = job.VideoUrls[index - 1];
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
                {
                    _failed++;
                    WriteError(ErrorRecords.FromApi(new ShortApiException(ShortApiErrorKind.InvalidResponse,
                        $"Job '{job.JobId}' has a result URL that is not a URL: '{url}'.", jobId: job.JobId), job));
                    continue;
                }
                var target = ClaimTarget(job, index, url);
                if (File.Exists(target) && !Force && string.Equals(job.SavedPath, target, StringComparison.Ordinal))
                {
                    // This job saved this very file before (the history says so): running a pipeline again is not an error.
                    PostVerbose($"The video of job '{job.JobId}' is already saved as '{target}'.");
                    WriteSaved(job, target, url);
                    continue;
                }
                if (File.Exists(target) && !Force)
                {
                    _failed++;
                    WriteError(ErrorRecords.FileExists(target, job));
                    continue;
                }
                if (!ShouldProcess(target, $"Save the video of job '{job.JobId}'")) continue;
                Directory.CreateDirectory(_folder);
                var pending = new PendingDownload(job, uri, target);
                pending.Task = Task.Run(() => DownloadAsync(pending));
                _downloads.Add(pending);
            }
        }

        // Two jobs from the same picture (say, two prompts) would collide on "{Name}"; the second gets its job id added
        // instead of overwriting a video that was paid for.
        private string ClaimTarget(VideoJob job, int index, string url)
        {
            var target = System.IO.Path.Combine(_folder, VideoFileNamer.FileName(NameTemplate, job, index, url));
            if (_claimed.Add(target)) return target;
            var distinct = System.IO.Path.Combine(_folder, VideoFileNamer.FileName(NameTemplate + "-{JobId}", job, index, url));
            _claimed.Add(distinct);
            PostVerbose($"'{target}' is already taken in this run; saving job '{job.JobId}' as '{distinct}'.");
            return distinct;
        }

        private async Task DownloadAsync(PendingDownload pending)
        {
            var token = _downloadCancellation!.Token;
            await _slots!.WaitAsync(token).ConfigureAwait(false);
            try
            {
                try
                {
                    await _downloader!.DownloadAsync(pending.Url, pending.Target, Force, pending.Job.JobId, token).ConfigureAwait(false);
                }
                catch (ShortApiException ex) when (IsExpiredLink(ex) && RefreshClient() is ShortApiClient client)
                {
                    // Result links expire; the service hands out a fresh one for a finished job.
                    PostVerbose($"The link for job '{pending.Job.JobId}' is gone; asking the service for a fresh one.");
                    var state = await client.QueryJobAsync(pending.Job.JobId, token).ConfigureAwait(false);
                    var fresh = state.VideoUrls.FirstOrDefault(u => u != pending.Url.AbsoluteUri);
                    if (fresh == null || !Uri.TryCreate(fresh, UriKind.Absolute, out var freshUri)) throw;
                    await _downloader!.DownloadAsync(freshUri, pending.Target, Force, pending.Job.JobId, token).ConfigureAwait(false);
                }
            }
            finally
            {
                _slots.Release();
            }
        }

        private static bool IsExpiredLink(ShortApiException ex) =>
            ex.Kind == ShortApiErrorKind.DownloadFailed && ex.InnerException is ShortApiException inner && inner.Kind == ShortApiErrorKind.NotFound;

        private ShortApiClient? RefreshClient()
        {
            if (_refreshClient != null) return _refreshClient;
            var key = FindApiKey();
            return key == null ? null : _refreshClient = CreateClient(key, QueryRateToApply);
        }

        private void Complete(PendingDownload pending)
        {
            var task = pending.Task!;
            if (task.Status == TaskStatus.RanToCompletion)
            {
                _saved++;
                pending.Job.SavedPath = pending.Target;
                TryRecord(history => history.RecordSaved(pending.Job, pending.Target));
                WriteSaved(pending.Job, pending.Target, pending.Url.AbsoluteUri);
                return;
            }
            if (task.IsCanceled) return;
            _failed++;
            var error = task.Exception!.GetBaseException();
            switch (error)
            {
                case FileExistsException exists:
                    WriteError(ErrorRecords.FileExists(exists.Path, pending.Job));
                    break;
                case ShortApiException api:
                    WriteError(ErrorRecords.FromApi(api, pending.Job));
                    break;
                default:
                    WriteError(new ErrorRecord(error, "ShortApi.SaveFailed", ErrorCategory.WriteError, pending.Job)
                    {
                        ErrorDetails = new ErrorDetails($"Could not save the video of job '{pending.Job.JobId}' to '{pending.Target}': {error.Message}"),
                    });
                    break;
            }
        }

        // The saved file, with the job it came from attached, so it binds onward and can be traced back.
        private void WriteSaved(VideoJob job, string path, string url)
        {
            var file = PSObject.AsPSObject(new FileInfo(path));
            file.Properties.Add(new PSNoteProperty("JobId", job.JobId));
            file.Properties.Add(new PSNoteProperty("SourceImage", job.Image));
            file.Properties.Add(new PSNoteProperty("VideoUrl", url));
            WriteObject(file);
        }

        private void ReportProgress()
        {
            if ((DateTime.UtcNow - _lastProgress).TotalMilliseconds < 200) return;
            _lastProgress = DateTime.UtcNow;
            var waiting = _watcher?.PendingCount ?? 0;
            _progress.StatusDescription = $"{_saved} saved, {_downloads.Count} downloading, {waiting} waiting, {_failed} failed · {Elapsed()} elapsed";
            _progress.RecordType = ProgressRecordType.Processing;
            WriteProgress(_progress);
        }

        private sealed class PendingDownload
        {
            public PendingDownload(VideoJob job, Uri url, string target)
            {
                Job = job;
                Url = url;
                Target = target;
            }

            public VideoJob Job { get; }
            public Uri Url { get; }
            public string Target { get; }
            public Task? Task { get; set; }
        }
    }
}
