using System;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Batches;
using ShortApi.Vidu.Downloads;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Pipeline;
using ShortApi.Vidu.Pricing;
using ShortApi.Vidu.Transport;
using ShortApi.Vidu.Watching;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Client
{
    /// <summary>
    /// A small client for C# programs, with the module's money rules: a create is sent again only when the service
    /// certainly did not act on it (otherwise it fails with <see cref="ShortApiErrorKind.CreateOutcomeUnknown"/>), the
    /// key goes only to the API host, results are checked to be videos before they are saved.
    /// </summary>
    public sealed class ViduClient
    {
        private readonly ViduClientOptions _options;
        private readonly ApiClient _api;
        private readonly IJobEvents _events;
        private readonly JobStore? _store;

        /// <summary>A client for the options' endpoint and key.</summary>
        public ViduClient(ViduClientOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            var baseUri = ApiEndpoint.Parse(options.BaseUri.AbsoluteUri, nameof(ViduClientOptions.BaseUri));
            _api = new ApiClient(new ApiClientOptions(baseUri, options.Key)
            {
                MaxRetries = options.MaxRetries,
                RetryInterval = options.RetryInterval,
                RequestTimeout = options.RequestTimeout,
                Log = options.Log,
                QueryRateLimiter = RequestRateLimiter.ForEndpoint(baseUri),
                Proxy = options.Proxy == null ? null : ProxySettings.FromWebProxy(options.Proxy),
            });
            _store = options.HistoryPath == null ? null : new JobStore(System.IO.Path.GetFullPath(options.HistoryPath), options.Log);
            _events = (IJobEvents?)_store ?? NoJobEvents.Instance;
        }

        /// <summary>The price table's estimate for a request, in USD (no I/O); throws <see cref="ArgumentException"/> for a request its model rules out.</summary>
        public static decimal Estimate(VideoRequest request)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var checkedRequest = request.Check();
            return PriceTable.Quote(checkedRequest.Model, checkedRequest.Mode, checkedRequest.Resolution, checkedRequest.Duration).Price;
        }

        /// <summary>Submits one paid create and returns the accepted job. Throws <see cref="ArgumentException"/> before sending for bad input.</summary>
        public async Task<VideoJob> CreateJobAsync(VideoRequest request, CancellationToken cancellationToken = default)
        {
            if (request == null) throw new ArgumentNullException(nameof(request));
            var checkedRequest = request.Check();
            var estimate = PriceTable.Quote(checkedRequest.Model, checkedRequest.Mode, checkedRequest.Resolution, checkedRequest.Duration).Price;
            using var batch = new CreateBatch(_api, new CreateBatchOptions(_api.BaseUri.AbsoluteUri) { ThrottleLimit = 1, AllowRepeats = true }, _events, cancellationToken);
            batch.Start(new CreatePlan(checkedRequest, estimate, null));
            var outcome = await batch.NextOutcomeAsync(CancellationToken.None).ConfigureAwait(false);
            // A job the service accepted is the caller's even when its history line could not be written: say so, and return it.
            if (outcome.RecordLost != null) _options.Log?.Invoke(outcome.RecordLost.Message);
            if (outcome.Result == CreateResult.Accepted) return outcome.Job!;
            throw outcome.Error!;
        }

        /// <summary>Asks the service where a job stands.</summary>
        public async Task<VideoJob> GetJobAsync(string jobId, CancellationToken cancellationToken = default)
        {
            if (string.IsNullOrWhiteSpace(jobId)) throw new ArgumentException("A job id is required.", nameof(jobId));
            var state = await _api.QueryJobAsync(jobId, cancellationToken).ConfigureAwait(false);
            return new VideoJob(jobId).WithState(state, DateTimeOffset.Now);
        }

        /// <summary>Waits until the job has a video (returned) or fails (<see cref="ShortApiErrorKind.JobFailed"/>).</summary>
        public async Task<VideoJob> WaitForCompletionAsync(VideoJob job, CancellationToken cancellationToken = default)
        {
            if (job == null || string.IsNullOrEmpty(job.JobId)) throw new ArgumentException("A job with an id is required.", nameof(job));
            using var watch = new JobWatch(_api, new JobWatchOptions { PollInterval = _options.PollInterval, Log = _options.Log, Warn = _options.Log }, _events, cancellationToken);
            watch.Add(job);
            var result = await watch.TakeAsync(cancellationToken).ConfigureAwait(false);
            if (!result.Succeeded) throw result.Error!;
            return result.Job;
        }

        /// <summary>Saves a finished job's first video into a folder (named after the source picture) and returns the file's path.</summary>
        public async Task<string> DownloadVideoAsync(VideoJob job, string folder, bool overwrite = false, CancellationToken cancellationToken = default)
        {
            if (job == null || job.VideoUrls.Length == 0) throw new ArgumentException("The job has no video yet; wait for it first.", nameof(job));
            using var downloads = new DownloadBatch(_api, new DownloadOptions(System.IO.Path.GetFullPath(folder)) { Force = overwrite, ThrottleLimit = 1 }, _events,
                _options.Log, cancellationToken);
            var savedBefore = _store != null && _store.Read(HistoryQuery.Jobs(new[] { job.JobId })).SavedFiles.TryGetValue(job.JobId, out var files) ? files : Array.Empty<SavedVideo>();
            downloads.Start(new VideoJob(job) { VideoUrls = new[] { job.VideoUrls[0] } }, savedBefore);
            // One link started, so exactly one outcome comes (a stopped download posts none: the token ends the wait).
            var outcome = await downloads.TakeAsync(cancellationToken).ConfigureAwait(false);
            if (!outcome.Saved) throw outcome.Error!;
            return outcome.Path!;
        }
    }
}
