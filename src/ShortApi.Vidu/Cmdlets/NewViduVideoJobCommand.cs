using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Http;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Pricing;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// <para type="synopsis">Submits pictures to Vidu Q2 image-to-video and emits one job per accepted picture.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ViduVideoJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
    [OutputType(typeof(VideoJob))]
    public sealed class NewViduVideoJobCommand : ViduApiCmdlet
    {
        private readonly List<PendingCreate> _inFlight = new List<PendingCreate>();
        private readonly string _batchId = Guid.NewGuid().ToString("N");
        private readonly ProgressRecord _progress = new ProgressRecord(1, "Submitting video jobs", "Starting");
        private ShortApiClient? _client;
        private decimal _committed;
        private decimal _estimatedAccepted;
        private decimal _charged;
        private int _accepted;
        private int _failed;
        private int _refusedByBudget;
        private int _previewed;
        private ErrorRecord? _fatal;

        /// <summary>The picture: a file path (wildcards allowed), a FileInfo from Get-ChildItem, an http(s) URL or an image data URI.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
        [Alias("FullName", "PSPath", "Path", "LiteralPath", "Url")]
        [ValidateNotNullOrEmpty]
        public string[] Image { get; set; } = Array.Empty<string>();

        /// <summary>What should happen in the video (1 to 5000 characters).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>Generation mode: turbo, pro (default) or pro-fast.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("turbo", "pro", "pro-fast", IgnoreCase = true)]
        [BlankIsDefault(ViduModel.DefaultMode)]
        [FileAttributeModeTransformation(ViduModel.DefaultMode)]
        public string Mode { get; set; } = ViduModel.DefaultMode;

        /// <summary>Output resolution: 540p, 720p (service default) or 1080p. pro-fast has no 540p.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateSet("540p", "720p", "1080p", IgnoreCase = true)]
        [BlankIsDefault(ViduModel.DefaultResolution)]
        public string? Resolution { get; set; }

        /// <summary>Video length in seconds, 1 to 10 (service default 5).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ValidateRange(ViduModel.MinDuration, ViduModel.MaxDuration)]
        [BlankIsDefault(ViduModel.DefaultDuration)]
        public int? Duration { get; set; }

        /// <summary>Asks for generated audio; needs -VoiceId.</summary>
        [Parameter]
        public SwitchParameter GenerateAudio { get; set; }

        /// <summary>The voice (timbre) id for generated audio, from Vidu's documentation.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? VoiceId { get; set; }

        /// <summary>An http(s) URL the service POSTs the finished job to.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? CallbackUrl { get; set; }

        /// <summary>How many create calls may be in flight at once (default 4).</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>The most this run may spend in USD, by estimate; pictures that would go over are refused before anything is sent.</summary>
        [Parameter]
        public decimal? MaxCost { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (MaxCost is decimal cap && cap < 0)
                ThrowTerminatingError(ErrorRecords.InvalidArgument($"-MaxCost {cap} is below zero. Give the most this run may spend in USD, for example -MaxCost 5.", cap));
            _ = History; // opened on the pipeline thread; background creates only append to it
            RequireApiKey();
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing) SeeThroughCreatesInFlight();
            base.Dispose(disposing);
        }

        // A command that ends early (Ctrl+C, an error upstream, Select-Object -First downstream) stops submitting, but
        // the creates already on the wire may each be charged: wait for their answers (bounded by the request timeout)
        // so they reach the history before a script exits, and name them on the host, since output is closed by now.
        private void SeeThroughCreatesInFlight()
        {
            if (_inFlight.Count == 0) return;
            var tasks = _inFlight.Select(p => p.Task!.ContinueWith(_ => { }, TaskScheduler.Default)).ToArray();
            Host.UI.WriteLine($"Stopping: waiting up to {TimeoutSec} s for {tasks.Length} create request(s) already sent, so that they are recorded.");
            Task.WaitAll(tasks, TimeSpan.FromSeconds(TimeoutSec + 1));
            foreach (var pending in _inFlight.Where(p => p.Task!.Status == TaskStatus.RanToCompletion))
                Host.UI.WriteLine($"Accepted before the stop: job {pending.Task!.Result.JobId} for '{pending.Image.ShortName}'" +
                                  (History == null ? "." : " (in the job history)."));
            _inFlight.Clear();
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (var input in Image)
            {
                IEnumerable<string> candidates;
                try
                {
                    candidates = ImageInputResolver.Expand(input, SessionState).ToList();
                }
                catch (ImageValidationException ex)
                {
                    WriteError(ErrorRecords.FromImage(ex, input));
                    continue;
                }
                foreach (var candidate in candidates)
                {
                    Submit(candidate, input);
                    EmitFinished(block: false);
                    StopIfFatal();
                }
            }
            EmitFinished(block: false);
            StopIfFatal();
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            while (_inFlight.Count > 0) EmitFinished(block: true);
            CompleteProgress();
            StopIfFatal();
            WriteSummary();
        }

        // A refused key or an empty balance would fail every further create: let the ones in flight finish
        // (each may have been charged and must be emitted), then end the command.
        private void StopIfFatal()
        {
            if (_fatal == null) return;
            while (_inFlight.Count > 0) EmitFinished(block: true);
            CompleteProgress();
            ThrowTerminatingError(_fatal);
        }

        private void Submit(string candidate, string input)
        {
            if (_fatal != null) return;
            ImageReference image;
            try
            {
                image = ImageInputResolver.Check(candidate, input);
            }
            catch (ImageValidationException ex)
            {
                // The target is the one picture at fault (a wildcard input names many), so a retry redoes only it.
                WriteError(ErrorRecords.FromImage(ex, candidate));
                return;
            }

            var request = new CreateJobRequest(image, Prompt ?? string.Empty)
            {
                Mode = ViduModel.NormalizeMode(Mode) ?? Mode,
                Resolution = Resolution == null ? null : ViduModel.NormalizeResolution(Resolution) ?? Resolution,
                Duration = Duration,
                GenerateAudio = GenerateAudio.IsPresent ? true : (bool?)null,
                VoiceId = string.IsNullOrWhiteSpace(VoiceId) ? null : VoiceId,
                CallbackUrl = string.IsNullOrWhiteSpace(CallbackUrl) ? null : CallbackUrl,
            };
            var problems = request.Validate();
            if (problems.Count > 0)
            {
                WriteError(ErrorRecords.InvalidArgument($"Cannot create a video job for '{image.ShortName}': {string.Join(" ", problems)} Nothing was sent.", image.Display));
                return;
            }
            if (request.VoiceId != null && request.GenerateAudio != true)
                WriteWarning($"-VoiceId is set but -GenerateAudio is not, so the video for '{image.ShortName}' will have no audio.");

            var quote = PriceTable.Quote(request.Mode, request.EffectiveResolution, request.EffectiveDuration);
            // Wait for a free slot before judging the budget: creates that finish meanwhile either give their
            // estimate back (refused) or add what their real charge exceeded it by.
            while (_inFlight.Count >= ThrottleLimit) EmitFinished(block: true);
            StopIfFatal();
            if (OverBudget(quote.Price, image)) return;

            var spec = $"{request.Mode}, {request.EffectiveResolution}, {request.EffectiveDuration} s, about {Usd(quote.Price)}";
            var description = $"Create video job ({spec}) from '{image.Display}'";
            if (!ShouldProcess(description, $"Create a video job ({spec}) from '{image.ShortName}'? It is charged to your ShortAPI account.",
                    "Create video job", out var reason))
            {
                if (reason == ShouldProcessReason.WhatIf)
                {
                    _previewed++;
                    _committed += quote.Price; // so a -WhatIf preview shows what -MaxCost would refuse
                }
                return;
            }

            _client ??= CreateClient();
            _committed += quote.Price;
            var pending = new PendingCreate(image, request, quote.Price);
            var client = _client;
            pending.Task = Task.Run(() => CreateAsync(client, pending));
            _inFlight.Add(pending);
            UpdateProgress();
        }

        // Estimates of everything sent (or previewed) plus what real charges added: a picture that would take the
        // run over -MaxCost is refused with its own error, and nothing is sent for it.
        private bool OverBudget(decimal estimate, ImageReference image)
        {
            if (!(MaxCost is decimal cap) || _committed + estimate <= cap) return false;
            _refusedByBudget++;
            WriteError(ErrorRecords.BudgetExceeded(
                $"Not submitting '{image.ShortName}': its estimate {Usd(estimate)} would take this run from {Usd(_committed)} to {Usd(_committed + estimate)}, over -MaxCost {Usd(cap)}. Nothing was sent for it.",
                image.Display));
            return true;
        }

        // Runs off the pipeline thread and is not tied to Ctrl+C: once a paid create is on the wire it is seen through
        // and written to the history, even if the user has stopped waiting for it.
        private async Task<VideoJob> CreateAsync(ShortApiClient client, PendingCreate pending)
        {
            var created = await client.CreateJobAsync(pending.Request, CancellationToken.None).ConfigureAwait(false);
            var request = pending.Request;
            var job = new VideoJob(created.JobId)
            {
                Status = JobStatus.Queued,
                Image = pending.Image.Display,
                Prompt = request.Prompt,
                Mode = request.Mode,
                Resolution = request.EffectiveResolution,
                Duration = request.EffectiveDuration,
                GenerateAudio = request.GenerateAudio == true,
                VoiceId = request.VoiceId,
                CallbackUrl = request.CallbackUrl,
                EstimatedCost = pending.Estimate,
                Amount = created.Amount,
                CreatedAt = DateTimeOffset.Now,
                BatchId = _batchId,
                Endpoint = client.BaseUri.AbsoluteUri,
            };
            TryRecord(history => history.RecordCreated(job));
            return job;
        }

        private void EmitFinished(bool block)
        {
            FlushMessages();
            if (_inFlight.Count == 0) return;
            if (block)
            {
                var tasks = _inFlight.Select(p => (Task)p.Task!).ToArray();
                while (Task.WaitAny(tasks, 200) < 0)
                {
                    FlushMessages();
                    UpdateProgress();
                    ThrowIfStopping();
                }
                FlushMessages(); // the request lines of the finished calls come before their results
            }
            foreach (var done in _inFlight.Where(p => p.Task!.IsCompleted).ToList())
            {
                _inFlight.Remove(done);
                Complete(done);
            }
            FlushMessages();
            UpdateProgress();
        }

        private void Complete(PendingCreate pending)
        {
            var task = pending.Task!;
            if (task.Status == TaskStatus.RanToCompletion)
            {
                var job = task.Result;
                _accepted++;
                _estimatedAccepted += pending.Estimate;
                if (job.Amount is decimal amount)
                {
                    _charged += amount;
                    if (amount > pending.Estimate) _committed += amount - pending.Estimate; // the budget counts what was really charged
                    if (amount != pending.Estimate)
                        WriteWarning($"Job '{job.JobId}' for '{pending.Image.ShortName}' was charged {Usd(amount)}; the estimate was {Usd(pending.Estimate)}. The job's Amount property holds the charge.");
                }
                SessionJobs.Remember(job);
                WriteObject(job);
                return;
            }

            _failed++;
            var error = task.Exception?.GetBaseException() ?? new OperationCanceledException();
            if (error is ShortApiException api)
            {
                if (api.Kind != ShortApiErrorKind.CreateOutcomeUnknown) _committed -= pending.Estimate; // certainly refused: nothing spent
                if (api.Kind == ShortApiErrorKind.Unauthorized || api.Kind == ShortApiErrorKind.InsufficientBalance)
                {
                    // Every further create would fail the same way: finish what is in flight, then stop.
                    _fatal ??= Describe(pending, api);
                    return;
                }
                WriteError(Describe(pending, api));
                return;
            }
            var record = new ErrorRecord(error, "ShortApi.CreateFailed", ErrorCategory.NotSpecified, pending.Image.Display);
            record.ErrorDetails = new ErrorDetails($"Could not create a video job for '{pending.Image.ShortName}': {error.Message}");
            WriteError(record);
        }

        private static ErrorRecord Describe(PendingCreate pending, ShortApiException error)
        {
            var record = ErrorRecords.FromApi(error, pending.Image.Display);
            record.ErrorDetails = new ErrorDetails($"'{pending.Image.ShortName}': {error.Message}");
            return record;
        }

        private void UpdateProgress()
        {
            _progress.StatusDescription = $"{_accepted} accepted, {_inFlight.Count} in flight, {_failed} failed";
            _progress.RecordType = ProgressRecordType.Processing;
            WriteProgress(_progress);
        }

        private void CompleteProgress()
        {
            _progress.RecordType = ProgressRecordType.Completed;
            WriteProgress(_progress);
        }

        private void WriteSummary()
        {
            var refused = _refusedByBudget > 0 ? $"; {_refusedByBudget} refused by -MaxCost {Usd(MaxCost ?? 0)}" : string.Empty;
            if (_previewed > 0)
                Host.UI.WriteLine($"What if: {_previewed} video job(s), about {Usd(_committed)} in total{refused}.");
            WriteVerbose($"{_accepted} job(s) accepted: estimated {Usd(_estimatedAccepted)}, charged {Usd(_charged)}; {_failed} failed{refused}. Batch id {_batchId}.");
        }

        private static string Usd(decimal value) => "$" + value.ToString("0.00##", CultureInfo.InvariantCulture);

        private sealed class PendingCreate
        {
            public PendingCreate(ImageReference image, CreateJobRequest request, decimal estimate)
            {
                Image = image;
                Request = request;
                Estimate = estimate;
            }

            public ImageReference Image { get; }
            public CreateJobRequest Request { get; }
            public decimal Estimate { get; }
            public Task<VideoJob>? Task { get; set; }
        }
    }
}
