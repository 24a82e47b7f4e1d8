using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ShortApi.Vidu.Batches;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Models;
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
        private readonly HashSet<string> _warnedDoubt = new HashSet<string>(StringComparer.Ordinal);

        /// <summary>The picture (the first frame of a start-end video): a file path (wildcards allowed), an http(s) URL or an image data URI.</summary>
        [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
        [Alias("Path", "Url")]
        [AllowEmptyString]
        [AllowNull]
        public string[] Image { get; set; } = Array.Empty<string>();

        /// <summary>The picture's path, taken exactly as written (no wildcards); Get-ChildItem output binds here.</summary>
        [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true, ParameterSetName = LiteralSet)]
        [Alias("PSPath", "LP", "FullName")]
        [ValidateNotNullOrEmpty]
        public string[] LiteralPath { get; set; } = Array.Empty<string>();

        /// <summary>The last frame: with -Image, makes a start-end video.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string? EndImage { get; set; }

        /// <summary>One to seven reference pictures (Q3): makes a reference video. In a CSV cell, separate them with ';'.</summary>
        /// <remarks>The alias binds a job's own ReferenceImages, so an exported job can be made again.</remarks>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
        [Alias("ReferenceImages")]
        [AllowEmptyString]
        [AllowEmptyCollection]
        public string[] ReferenceImage { get; set; } = Array.Empty<string>();

        /// <summary>Makes a video from the prompt alone (never inferred from a missing picture).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true, ParameterSetName = PathSet)]
        [StrictSwitchTransformation]
        public SwitchParameter TextToVideo { get; set; }

        /// <summary>The Vidu generation: Q2 (default) or Q3; a full model id such as a job's Model also works.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlanValueCompleter))]
        public string? Model { get; set; }

        /// <summary>What should happen in the video (1 to 5000 characters).</summary>
        [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
        [AllowEmptyString]
        public string Prompt { get; set; } = string.Empty;

        /// <summary>Generation mode: turbo, pro (default) or pro-fast.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlanValueCompleter))]
        [FileAttributeModeTransformation]
        public string? Mode { get; set; }

        /// <summary>Output resolution: 540p, 720p (service default) or 1080p. pro-fast has no 540p.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlanValueCompleter))]
        public string? Resolution { get; set; }

        /// <summary>Video length in whole seconds, 1 to 10 (service default 5). Text, so a CSV cell such as '7.5' is refused rather than rounded.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlanValueCompleter))]
        public string? Duration { get; set; }

        /// <summary>Aspect ratio of a text or reference video: 16:9 (default), 9:16, 4:3, 3:4 or 1:1.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlanValueCompleter))]
        public string? AspectRatio { get; set; }

        /// <summary>Asks for generated audio where the model offers it (Q2 image-to-video needs -VoiceId).</summary>
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
            StepHook.At(this, StepHook.BeginProcessing);
            base.BeginProcessing();
            if (MaxCost is decimal cap && cap < 0)
                ThrowTerminatingError(ErrorRecords.InvalidArgument($"-MaxCost {cap} is below zero. Give the most this run may spend in USD, for example -MaxCost 5.", cap));
            RequireApiKey();
            RequireWritableHistory();
            var client = WhatIfRequested ? null : CreateClient(null);
            _batch = new CreateBatch(client!, new CreateBatchOptions(Endpoint.AbsoluteUri)
            {
                ThrottleLimit = ThrottleLimit,
                MaxCost = MaxCost,
                AllowRepeats = AllowDuplicate,
                Wakeup = Wakeup,
            }, JobEvents, StopToken);
            _progress = new SubmitProgress();
        }

        // Decided before the first create: a history that cannot take the "sending" line ends the command with nothing
        // sent. A -WhatIf run writes no history, so it leaves the file alone.
        private void RequireWritableHistory()
        {
            if (Store == null || WhatIfRequested) return;
            try
            {
                Store.CheckWritable();
            }
            catch (HistoryWriteException ex)
            {
                ThrowTerminatingError(ErrorRecords.HistoryNotWritable(ex));
            }
        }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (_row == 0) StepHook.At(this, StepHook.FirstRecord);
            if (MyInvocation.ExpectingInput) _row++;
            if (PictureInputs.IsRowText(InputObject, Image)) Image = Array.Empty<string>();
            var literal = ParameterSetName == LiteralSet;
            var firsts = PictureInputs.Given(literal ? LiteralPath : Image);
            var references = PictureInputs.References(ReferenceImage);
            var spec = ModelChoice.Choose(Model, firsts.Count > 0, !string.IsNullOrWhiteSpace(EndImage), references.Count, TextToVideo, out var problem);
            if (spec == null || !TryReadPlanCells(spec, out var mode, out var resolution, out var duration))
            {
                if (spec == null) RowError(problem);
                _progress!.Seen();
                _progress.TurnedAway();
                return;
            }
            var pictures = new PictureInputs(SessionState, WriteError);
            switch (spec.Kind)
            {
                case VideoKind.Text:
                    Submit(spec, null, null, null, mode, resolution, duration);
                    break;
                case VideoKind.Reference:
                    var all = pictures.All(references);
                    if (all == null) CountTurnedAway();
                    else Submit(spec, null, null, all, mode, resolution, duration);
                    break;
                default:
                    ImageReference? end = null;
                    if (spec.Kind == VideoKind.StartEnd && (end = pictures.One(EndImage!.Trim(), literal, nameof(EndImage))) == null)
                    {
                        CountTurnedAway();
                        break;
                    }
                    foreach (var first in firsts)
                    foreach (var image in pictures.Each(first, literal).ToList())
                    {
                        Submit(spec, image, end, null, mode, resolution, duration);
                        Emit(block: false);
                    }
                    break;
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
        private bool TryReadPlanCells(ModelSpec spec, out string? mode, out string? resolution, out int? duration)
        {
            var problem = PlanCells.Read(spec, Mode, Resolution, Duration, out mode, out resolution, out duration);
            if (problem == null) return true;
            RowError(problem);
            return false;
        }

        private void RowError(string problem)
        {
            var picture = Image.Concat(LiteralPath).FirstOrDefault(p => !string.IsNullOrWhiteSpace(p));
            var where = MyInvocation.ExpectingInput ? $"Input row {_row}" + (picture == null ? string.Empty : $" ('{picture}')") + ": " : string.Empty;
            WriteError(ErrorRecords.InvalidArgument($"{where}{problem.TrimEnd('.')}. Nothing was sent for it; fix the value and submit it again.",
                InputObject ?? (object)string.Join(",", Image.Concat(LiteralPath))));
        }

        private void CountTurnedAway()
        {
            _progress!.Seen();
            _progress.TurnedAway();
        }

        private void Submit(ModelSpec spec, ImageReference? image, ImageReference? end, IReadOnlyList<ImageReference>? references,
            string? mode, string? resolution, int? duration)
        {
            ThrowIfStopping();
            _progress!.Seen();
            var request = new CreateJobRequest(spec, Prompt ?? string.Empty, image, end, references)
            {
                Mode = mode,
                Resolution = resolution,
                Duration = duration,
                AspectRatio = string.IsNullOrWhiteSpace(AspectRatio) ? null : AspectRatio!.Trim(),
                GenerateAudio = GenerateAudio.IsPresent ? true : (bool?)null,
                VoiceId = string.IsNullOrWhiteSpace(VoiceId) ? null : VoiceId,
                CallbackUrl = string.IsNullOrWhiteSpace(CallbackUrl) ? null : CallbackUrl,
            };
            var target = (object?)request.Display ?? InputObject ?? Prompt;
            var problems = request.Validate();
            if (problems.Count > 0)
            {
                WriteError(ErrorRecords.InvalidArgument($"Cannot create a video job for '{request.ShortName}': {string.Join(" ", problems)} Nothing was sent.", target));
                _progress.TurnedAway();
                return;
            }
            if (request.VoiceId != null && request.GenerateAudio != true)
                WriteWarning($"-VoiceId is set but -GenerateAudio is not, so the video for '{request.ShortName}' will have no audio.");
            var plan = CreatePlan.Priced(request, target, out var doubt);
            if (doubt != null && _warnedDoubt.Add(doubt)) WriteWarning(doubt);
            Admit(plan);
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
                        WriteWarning(_batch.TurnedAway(plan, admission));
                        break;
                    case Admission.Halted:
                        WriteError(ErrorRecords.NotSent(plan, _batch.HaltReason));
                        break;
                    default:
                        WriteError(ErrorRecords.BudgetExceeded(_batch.TurnedAway(plan, admission), plan.Tag));
                        break;
                }
                _batch.CountSkipped(admission);
                _progress!.TurnedAway();
                return;
            }
        }

        private void Send(CreatePlan plan)
        {
            var what = plan.Describe(_batch!.Reservation(plan.Estimate));
            if (!ShouldProcess($"Create video job {what}",
                    $"Create a video job {what}? It is charged to your ShortAPI account.", "Create video job", out var reason))
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
                // Woken by an outcome or a posted line, never in slices. An outcome is posted before the count of creates
                // in flight drops, so "none ready and none in flight" is the end, not a missed one.
                while (!_batch!.HasOutcome && _batch.InFlight > 0) WaitForWork(null);
                ThrowIfStopping();
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
                if (outcome.ChargeNote != null) WriteWarning(outcome.ChargeNote);
                SessionJobs.Remember(job);
                WriteObject(job);
            }
            else
            {
                WriteError(ErrorRecords.FromCreate(outcome));
            }
            // Its target is the job (or the picture) that went out: collecting these targets must never send it again.
            if (outcome.RecordLost != null) WriteError(ErrorRecords.HistoryHalt(outcome.RecordLost, (object?)outcome.Job ?? outcome.Plan.Tag, notSent: false));
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
