using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ShortApi.Vidu.Batches;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Pricing;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// <para type="synopsis">Submits pictures to Vidu Q2 image-to-video and emits one job per accepted picture.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.New, "ViduVideoJob", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, DefaultParameterSetName = PathSet)]
    [OutputType(typeof(VideoJob))]
    public sealed class NewViduVideoJobCommand : ViduApiCmdlet
    {
        private const string PathSet = "Path";
        private const string LiteralSet = "LiteralPath";
        private static readonly TimeSpan SeeThroughCap = TimeSpan.FromSeconds(15);
        private CreateBatch? _batch;
        private SubmitProgress? _progress;
        private int _row;

        /// <summary>The picture: a file path (wildcards allowed), an http(s) URL or an image data URI.</summary>
        [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
        [Alias("Path", "Url")]
        [ValidateNotNullOrEmpty]
        public string[] Image { get; set; } = Array.Empty<string>();

        /// <summary>The picture's path, taken exactly as written (no wildcards); Get-ChildItem output binds here.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralSet)]
        [Alias("PSPath", "LP", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>What should happen in the video (1 to 5000 characters).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>Generation mode: turbo, pro (default) or pro-fast.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlanValueCompleter))]
        [FileAttributeModeTransformation(ViduModel.DefaultMode)]
        public string? Mode { get; set; }

        /// <summary>Output resolution: 540p, 720p (service default) or 1080p. pro-fast has no 540p.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlanValueCompleter))]
        public string? Resolution { get; set; }

        /// <summary>Video length in whole seconds, 1 to 10 (service default 5). Text, so a CSV cell such as '7.5' is refused rather than rounded.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlanValueCompleter))]
        public string? Duration { get; set; }

        /// <summary>Asks for generated audio; needs -VoiceId.</summary>
        [Parameter]
        public SwitchParameter GenerateAudio { get; set; }

        /// <summary>The voice (timbre) id for generated audio, from Vidu's documentation.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? VoiceId { get; set; }

        /// <summary>An http(s) URL the service POSTs the finished job to.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public string? CallbackUrl { get; set; }

        /// <summary>How many create calls may be in flight at once (default 4); the first always goes alone.</summary>
        [Parameter]
        [ValidateRange(1, 64)]
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>The most this run may spend in USD; pictures that would go over are refused before anything is sent.</summary>
        [Parameter]
        public decimal? MaxCost { get; set; }

        /// <summary>Sends the same picture with the same arguments again when it comes twice (by default the repeat is skipped with a warning).</summary>
        [Parameter]
        public SwitchParameter AllowDuplicate { get; set; }

        /// <summary>The piped object itself, so an error about one row of a CSV plan can name that row.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            base.BeginProcessing();
            if (MaxCost is decimal cap && cap < 0)
                ThrowTerminatingError(ErrorRecords.InvalidArgument($"-MaxCost {cap} is below zero. Give the most this run may spend in USD, for example -MaxCost 5.", cap));
            RequireApiKey();
            var client = WhatIfRequested ? null : CreateClient(null);
            _batch = new CreateBatch(client!, new CreateBatchOptions(Endpoint.AbsoluteUri)
            {
                ThrottleLimit = ThrottleLimit,
                MaxCost = MaxCost,
                AllowRepeats = AllowDuplicate,
            }, JobEvents);
            _progress = new SubmitProgress();
        }

        /// <inheritdoc />
        protected override void StopProcessing()
        {
            // First, so that no create can start after this returns; then the base ends every wait.
            _batch?.Stop();
            base.StopProcessing();
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (MyInvocation.ExpectingInput) _row++;
            if (!TryReadPlanCells(out var mode, out var resolution, out var duration))
            {
                _progress!.Seen();
                _progress.TurnedAway();
                return;
            }
            var literal = ParameterSetName == LiteralSet;
            foreach (var input in literal ? LiteralPath : Image)
            {
                IEnumerable<string> candidates;
                try
                {
                    candidates = ImageInputResolver.Expand(input, SessionState, literal).ToList();
                }
                catch (ImageValidationException ex)
                {
                    _progress!.Seen();
                    _progress.TurnedAway();
                    WriteError(ErrorRecords.FromImage(ex, input));
                    continue;
                }
                foreach (var candidate in candidates)
                {
                    Submit(candidate, input, literal, mode, resolution, duration);
                    Emit(block: false);
                }
            }
            Emit(block: false);
        }

        /// <inheritdoc />
        protected override void EndProcessing()
        {
            while (_batch!.InFlight > 0) Emit(block: true);
            Emit(block: false);
            _progress!.Complete(this);
            WriteSummary();
        }

        /// <inheritdoc />
        protected override void Dispose(bool disposing)
        {
            if (disposing && _batch != null) StopAndReport();
            base.Dispose(disposing);
        }

        // Mode, resolution and duration arrive as text (typed, or from a CSV cell) and are read exactly: a cell that is
        // not a value is an error naming the row, the column and the value, never a default or a rounded number.
        private bool TryReadPlanCells(out string? mode, out string? resolution, out int? duration)
        {
            var problem = PlanCells.Read(Mode, Resolution, Duration, out mode, out resolution, out duration);
            if (problem == null) return true;
            var picture = Image.Concat(LiteralPath).FirstOrDefault();
            var where = MyInvocation.ExpectingInput ? $"Input row {_row}" + (picture == null ? string.Empty : $" ('{picture}')") + ": " : string.Empty;
            WriteError(ErrorRecords.InvalidArgument($"{where}{problem}. Nothing was sent for it; fix the value and submit it again.",
                InputObject ?? (object)string.Join(",", Image.Concat(LiteralPath))));
            return false;
        }

        private void Submit(string candidate, string input, bool literal, string? mode, string? resolution, int? duration)
        {
            ThrowIfStopping();
            _progress!.Seen();
            ImageReference image;
            try
            {
                image = ImageInputResolver.Check(candidate, input, literal);
            }
            catch (ImageValidationException ex)
            {
                // The target is the one picture at fault (a wildcard input names many), so a retry redoes only it.
                WriteError(ErrorRecords.FromImage(ex, candidate));
                _progress.TurnedAway();
                return;
            }
            var request = new CreateJobRequest(image, Prompt ?? string.Empty)
            {
                Mode = mode ?? ViduModel.DefaultMode,
                Resolution = resolution,
                Duration = duration,
                GenerateAudio = GenerateAudio.IsPresent ? true : (bool?)null,
                VoiceId = string.IsNullOrWhiteSpace(VoiceId) ? null : VoiceId,
                CallbackUrl = string.IsNullOrWhiteSpace(CallbackUrl) ? null : CallbackUrl,
            };
            var problems = request.Validate();
            if (problems.Count > 0)
            {
                WriteError(ErrorRecords.InvalidArgument($"Cannot create a video job for '{image.ShortName}': {string.Join(" ", problems)} Nothing was sent.", image.Display));
                _progress.TurnedAway();
                return;
            }
            if (request.VoiceId != null && request.GenerateAudio != true)
                WriteWarning($"-VoiceId is set but -GenerateAudio is not, so the video for '{image.ShortName}' will have no audio.");
            var estimate = PriceTable.Quote(request.Mode, request.EffectiveResolution, request.EffectiveDuration).Price;
            Admit(new CreatePlan(request, estimate, image.Display));
        }

        private void Admit(CreatePlan plan)
        {
            while (true)
            {
                var admission = _batch!.Admit(plan);
                switch (admission)
                {
                    case Admission.WaitForRoom:
                        Emit(block: true);
                        continue;
                    case Admission.Go:
                        Send(plan);
                        return;
                    case Admission.Repeat:
                        WriteWarning($"'{plan.Request.Image.Display}' was already submitted in this run with the same arguments; not sending it again, so it is not paid for twice. Use -AllowDuplicate to make another video from it.");
                        break;
                    case Admission.Halted:
                        WriteError(ErrorRecords.NotSent(plan, _batch.HaltReason));
                        break;
                    default:
                        var (committed, reservation) = _batch.BudgetPosition(plan);
                        WriteError(ErrorRecords.BudgetExceeded(
                            $"Not submitting '{plan.Request.Image.ShortName}': its estimate {Money.Usd(reservation)} would take this run from {Money.Usd(committed)} to {Money.Usd(committed + reservation)}, over -MaxCost {Money.Usd(MaxCost ?? 0)}. Nothing was sent for it.",
                            plan.Tag));
                        break;
                }
                _batch.CountSkipped(admission);
                _progress!.TurnedAway();
                return;
            }
        }

        private void Send(CreatePlan plan)
        {
            var request = plan.Request;
            var reservation = _batch!.Reservation(plan.Estimate);
            var spec = $"{request.Mode}, {request.EffectiveResolution}, {request.EffectiveDuration} s, about {Money.Usd(reservation)}";
            if (!ShouldProcess($"Create video job ({spec}) from '{request.Image.Display}'",
                    $"Create a video job ({spec}) from '{request.Image.ShortName}'? It is charged to your ShortAPI account.", "Create video job", out var reason))
            {
                if (reason == ShouldProcessReason.WhatIf) _batch.Preview(plan);
                _progress!.TurnedAway();
                return;
            }
            _batch.Start(plan);
            _progress!.Update(this, _batch);
        }

        private void Emit(bool block)
        {
            FlushMessages();
            if (block)
            {
                while (!_batch!.WaitForOutcome(TimeSpan.FromMilliseconds(200), StopToken))
                {
                    FlushMessages();
                    ThrowIfStopping();
                    if (_batch.InFlight == 0) break;
                }
            }
            while (_batch!.TryTake(out var outcome)) Report(outcome!);
            FlushMessages();
            _progress!.Update(this, _batch);
        }

        private void Report(CreateOutcome outcome)
        {
            if (outcome.Result == CreateResult.Accepted)
            {
                var job = outcome.Job!;
                if (job.Amount is decimal amount && amount != outcome.Plan.Estimate)
                    WriteWarning($"Job '{job.JobId}' for '{outcome.Plan.Request.Image.ShortName}' was charged {Money.Usd(amount)}; the estimate was {Money.Usd(outcome.Plan.Estimate)}. The job's Amount property holds the charge.");
                SessionJobs.Remember(job);
                WriteObject(job);
                return;
            }
            WriteError(ErrorRecords.FromCreate(outcome));
        }

        private void WriteSummary()
        {
            var lines = BatchReport.Summary(_batch!, MaxCost);
            if (lines.WhatIfTotal != null)
                WriteInformation(new HostInformationMessage { Message = lines.WhatIfTotal }, new[] { "PSHOST", "ShortApi.Vidu", "WhatIfTotal" });
            if (lines.UnconfirmedWarning != null) WriteWarning(lines.UnconfirmedWarning);
            WriteVerbose(lines.Totals);
        }

        // The command ended early (Ctrl+C, an error downstream, Select-Object -First): no create starts any more, the
        // ones on the wire are seen through (bounded) so they reach the history, and whatever could not be emitted is
        // named on the host, since the pipeline is closed by now.
        private void StopAndReport()
        {
            var bound = TimeSpan.FromSeconds(Math.Min(RequestTimeoutSec, SeeThroughCap.TotalSeconds));
            BatchReport.SeeThrough(_batch!, bound, Store != null, Host.UI.WriteWarningLine);
            _batch!.Dispose();
            _batch = null;
        }
    }
}
