using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Outcomes;
using ShortApi.Vidu.Pipeline;

namespace ShortApi.Vidu.Downloads
{
    /// <summary>
    /// Saves the videos of finished jobs, several at a time: each into a temporary file beside its target, checked to be
    /// a video, then renamed into place and recorded as saved at once (so a stop a moment later still knows). A file that
    /// already holds this job's video counts as saved, whoever put it there; one that holds something else is kept
    /// unless forced. A link that is gone, or that serves something other than a video, is asked for again.
    /// </summary>
    internal sealed class DownloadBatch : IDisposable
    {
        private readonly ApiClient _api;
        private readonly DownloadOptions _options;
        private readonly IJobEvents _events;
        private readonly Action<string>? _log;
        private readonly CancellationTokenSource _stop;
        private readonly SemaphoreSlim _slots;
        private readonly TargetNames _names;
        private readonly OutcomeChannel<SaveOutcome> _outcomes;
        private readonly List<Task> _running = new List<Task>();
        private int _active;

        /// <summary>A batch that saves into <paramref name="options"/>' folder; outcomes also set <paramref name="wakeup"/>, if given,
        /// so a caller that waits on other things as well wakes on them.</summary>
        public DownloadBatch(ApiClient api, DownloadOptions options, IJobEvents events, Action<string>? log, CancellationToken cancellationToken,
            Wakeup? wakeup = null)
        {
            _outcomes = new OutcomeChannel<SaveOutcome>(wakeup);
            _api = api;
            _options = options;
            _events = events;
            _log = log;
            _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _slots = new SemaphoreSlim(Math.Max(1, options.ThrottleLimit));
            _names = new TargetNames(options.Folder, options.NameTemplate, log);
        }

        /// <summary>Downloads started and not yet ended.</summary>
        public int Active => Volatile.Read(ref _active);

        /// <summary>The target a job's video would be saved to (for -WhatIf), claiming the name.</summary>
        public string ClaimTarget(VideoJob job, int index, string url) => _names.Claim(job, index, url);

        /// <summary>
        /// Starts saving every video of a finished job; outcomes arrive through <see cref="TryTake"/>. <paramref name="savedBefore"/>
        /// is what the history recorded as saved for the job; <paramref name="shouldSave"/> may veto a target (-WhatIf, -Confirm).
        /// </summary>
        public void Start(VideoJob job, IReadOnlyList<SavedVideo> savedBefore, Func<string, bool>? shouldSave = null)
        {
            for (var index = 1; index <= job.VideoUrls.Length; index++)
            {
                var url = job.VideoUrls[index - 1];
                if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
                {
                    Enqueue(SaveOutcome.Failed(job, new ShortApiException(ShortApiErrorKind.InvalidResponse,
                        $"Job '{job.JobId}' has a result URL that is not an http(s) URL: '{url}'. Not downloading it.", jobId: job.JobId)));
                    continue;
                }
                var target = _names.Claim(job, index, url);
                if (shouldSave != null && !shouldSave(target)) continue;
                var oneIndex = index;
                Interlocked.Increment(ref _active);
                var task = Task.Run(() => SaveOneAsync(job, oneIndex, uri, target, savedBefore));
                lock (_running) _running.Add(task);
            }
        }

        /// <summary>Takes an outcome that is ready, without waiting.</summary>
        public bool TryTake(out SaveOutcome? outcome)
        {
            var taken = _outcomes.TryTake(out var next);
            outcome = taken ? next : null;
            return taken;
        }

        /// <summary>The next outcome, when it comes (for async callers that know one is due).</summary>
        public async Task<SaveOutcome> TakeAsync(CancellationToken cancellationToken)
        {
            var (_, outcome) = await _outcomes.TakeAsync(cancellationToken).ConfigureAwait(false);
            return outcome;
        }

        /// <summary>Cancels the downloads in flight (their temporary files are removed) and waits up to <paramref name="bound"/> for them to end.</summary>
        public void Stop(TimeSpan bound)
        {
            _stop.Cancel();
            Task[] running;
            lock (_running) running = _running.Where(t => !t.IsCompleted).ToArray();
            if (running.Length > 0) Task.WaitAll(running.Select(t => t.ContinueWith(_ => { }, TaskScheduler.Default)).ToArray(), bound);
        }

        public void Dispose() => _stop.Cancel();

        private async Task SaveOneAsync(VideoJob job, int index, Uri url, string target, IReadOnlyList<SavedVideo> savedBefore)
        {
            SaveOutcome? outcome = null;
            try
            {
                await _slots.WaitAsync(_stop.Token).ConfigureAwait(false);
                try
                {
                    outcome = await SaveAsync(job, index, url, target, savedBefore).ConfigureAwait(false);
                }
                finally
                {
                    _slots.Release();
                }
            }
            catch (OperationCanceledException)
            {
                // Stopped: the temporary file is gone; nothing was saved and nothing needs saying.
            }
            catch (ShortApiException ex)
            {
                outcome = SaveOutcome.Failed(job, AsDownloadFailure(job, ex), target, url.AbsoluteUri);
            }
            finally
            {
                // Queued before the count drops, so a caller that sees no download active also sees every outcome.
                if (outcome != null) Enqueue(outcome);
                Interlocked.Decrement(ref _active);
            }
        }

        private async Task<SaveOutcome> SaveAsync(VideoJob job, int index, Uri url, string target, IReadOnlyList<SavedVideo> savedBefore)
        {
            var existing = ExistingFile.Inspect(target, _options.Force);
            if (existing.IsThisJobsVideo(savedBefore))
            {
                _log?.Invoke($"The video of job '{job.JobId}' is already saved as '{target}'.");
                return SaveOutcome.Done(new VideoJob(job) { SavedPath = target }, target, url.AbsoluteUri, alreadyThere: true);
            }
            CreateFolder(job);
            var received = await DownloadWithFreshLinkAsync(job, index, url, target).ConfigureAwait(false);
            var saved = new VideoJob(job) { SavedPath = target };
            if (existing.Exists && !_options.Force)
            {
                VideoReceiver.TryDelete(received.TemporaryPath);
                if (existing.Sha256 == received.Sha256)
                {
                    // The same video, put there by an earlier run (or copied by hand): saved, nothing to replace.
                    _events.Saved(saved, new SavedVideo(target, received.Length, received.Sha256));
                    return SaveOutcome.Done(saved, target, url.AbsoluteUri, alreadyThere: true);
                }
                throw new ShortApiException(ShortApiErrorKind.FileExists,
                    $"'{target}' already exists and holds something other than the video of job '{job.JobId}'; it was not replaced. Use -Force to replace it, or -NameTemplate '{{Name}}-{{JobId}}' for distinct names.",
                    jobId: job.JobId);
            }
            MoveIntoPlace(job, received.TemporaryPath, target);
            _events.Saved(saved, new SavedVideo(target, received.Length, received.Sha256));
            return SaveOutcome.Done(saved, target, url.AbsoluteUri, alreadyThere: false);
        }

        // A gone link (expired) or a body that is not a video (an error page served as 200) is not worth the same
        // request again: the service hands out a fresh link for a finished job, so ask it once and try that.
        private async Task<ReceivedVideo> DownloadWithFreshLinkAsync(VideoJob job, int index, Uri url, string target)
        {
            try
            {
                return await DownloadAsync(job, url, target).ConfigureAwait(false);
            }
            catch (ShortApiException ex) when (ex.Kind == ShortApiErrorKind.NotFound || ex.Kind == ShortApiErrorKind.DownloadFailed)
            {
                _log?.Invoke($"{Sentences.End(ex.Message)} Asking the service for a fresh link to the video of job '{job.JobId}'.");
                var state = await _api.QueryJobAsync(job.JobId, _stop.Token).ConfigureAwait(false);
                var fresh = state.VideoUrls.Length >= index ? state.VideoUrls[index - 1] : state.VideoUrls.FirstOrDefault();
                if (fresh == null || !Uri.TryCreate(fresh, UriKind.Absolute, out var freshUri)) throw;
                try
                {
                    return await DownloadAsync(job, freshUri, target).ConfigureAwait(false);
                }
                catch (ShortApiException again) when (again.Kind == ShortApiErrorKind.NotFound || again.Kind == ShortApiErrorKind.DownloadFailed)
                {
                    throw new ShortApiException(ShortApiErrorKind.DownloadFailed,
                        again.Message + " A fresh link from the service gave the same; nothing was saved. Run Save-ViduVideo again later; the link expires about a day after the job finished.",
                        again.HttpStatus, jobId: job.JobId, innerException: again);
                }
            }
        }

        private Task<ReceivedVideo> DownloadAsync(VideoJob job, Uri url, string target)
        {
            var folder = Path.GetDirectoryName(target) ?? ".";
            var temporary = Path.Combine(folder, "." + Path.GetFileName(target) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            return _api.DownloadAsync(url, job.JobId, _stop.Token, message => VideoReceiver.ReceiveAsync(message, temporary));
        }

        private void CreateFolder(VideoJob job)
        {
            try
            {
                Directory.CreateDirectory(_options.Folder);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                throw new ShortApiException(ShortApiErrorKind.SaveFailed,
                    $"Cannot create the folder '{_options.Folder}' to save the video of job '{job.JobId}': {Sentences.End(ex.Message)} Choose another -Path.", jobId: job.JobId, innerException: ex);
            }
        }

        private void MoveIntoPlace(VideoJob job, string temporary, string target)
        {
            try
            {
                if (File.Exists(target)) File.Delete(target); // only reached with -Force
                File.Move(temporary, target);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                VideoReceiver.TryDelete(temporary);
                throw new ShortApiException(ShortApiErrorKind.SaveFailed,
                    $"Could not put the video of job '{job.JobId}' in place as '{target}': {Sentences.End(ex.Message)} The file may be open in a player or the folder read-only; fix that and run Save-ViduVideo again.",
                    jobId: job.JobId, innerException: ex);
            }
        }

        // Whatever went wrong on the network side, the user's question is "is my video saved?": say no, say nothing half
        // was left behind, and say how to try again. Local failures (SaveFailed, FileExists) keep their own words.
        private static ShortApiException AsDownloadFailure(VideoJob job, ShortApiException error)
        {
            if (error.Kind == ShortApiErrorKind.SaveFailed || error.Kind == ShortApiErrorKind.FileExists ||
                error.Kind == ShortApiErrorKind.Unauthorized || error.Kind == ShortApiErrorKind.DownloadFailed ||
                error.Kind == ShortApiErrorKind.ProxyAuthenticationRequired) return error;
            return new ShortApiException(ShortApiErrorKind.DownloadFailed,
                $"The video of job '{job.JobId}' was not saved: {Sentences.End(error.Message)} No file was left under the final name; run Save-ViduVideo again to retry.",
                error.HttpStatus, jobId: job.JobId, innerException: error) { Attempts = error.Attempts };
        }

        private void Enqueue(SaveOutcome outcome) => _outcomes.Post(outcome);
    }
}
