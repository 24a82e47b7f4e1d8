using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ShortApi.Vidu.Models;
using ShortApi.Vidu.Pricing;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// <para type="synopsis">Estimates the price of Vidu videos of any model ShortAPI serves, from the published price tables.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ViduPrice")]
    [OutputType(typeof(PriceQuote))]
    public sealed class GetViduPriceCommand : PSCmdlet
    {
        private int _row;

        /// <summary>The Vidu generations to price: Q2 (default) or Q3, or full model ids (as jobs carry them).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlanValueCompleter))]
        public string[] Model { get; set; } = { ModelChoice.DefaultGeneration };

        /// <summary>What the videos are made from: Image (default), StartEnd, Text or Reference.</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlanValueCompleter))]
        public string[] Kind { get; set; } = Array.Empty<string>();

        /// <summary>Generation modes to price (default: the model's own default).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlanValueCompleter))]
        [FileAttributeModeTransformation]
        public string[] Mode { get; set; } = Array.Empty<string>();

        /// <summary>Resolutions to price (default 720p).</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlanValueCompleter))]
        public string[] Resolution { get; set; } = Array.Empty<string>();

        /// <summary>Durations in whole seconds to price (default 5); 1..10 gives ten quotes.</summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlanValueCompleter))]
        public string[] Duration { get; set; } = Array.Empty<string>();

        /// <summary>The piped object itself, so an error about one row of a CSV plan can name that row.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (MyInvocation.ExpectingInput) _row++;
            var problems = new List<string>();
            var specs = ReadModels(problems);
            var durations = new List<int?>();
            foreach (var cell in Duration)
            {
                if (!PlanValues.TryDurations(cell, out var list, out var problem)) problems.Add($"Duration '{cell}' {problem}");
                else durations.AddRange(list.Select(d => (int?)d));
            }
            if (durations.Count == 0) durations.Add(null);
            var modes = Mode.Select(PlanValues.Mode).Where(m => m != null).DefaultIfEmpty(null).ToList();
            var resolutions = Resolution.Select(PlanValues.Resolution).Where(r => r != null).DefaultIfEmpty(null).ToList();
            if (problems.Count > 0)
            {
                WriteError(ErrorRecords.InvalidArgument($"{Where()}{string.Join("; ", problems)}. No price for it; fix the value.", Target()));
                return;
            }
            foreach (var spec in specs)
            foreach (var mode in modes)
            foreach (var resolution in resolutions)
            foreach (var duration in durations)
            {
                try
                {
                    WriteObject(PriceTable.Quote(spec, mode, resolution, duration));
                }
                catch (ArgumentException ex)
                {
                    WriteError(ErrorRecords.InvalidArgument(Where() + ex.Message, InputObject ?? (object)$"{spec.Id} {mode} {resolution} {duration} s"));
                }
            }
        }

        // Model × kind. A kind not given comes from a full model id, else from the row (a CSV of start-end pairs has an
        // EndImage column), else Image.
        private List<ModelSpec> ReadModels(List<string> problems)
        {
            var specs = new List<ModelSpec>();
            foreach (var model in Model.Where(m => !PlanValues.IsBlank(m)).DefaultIfEmpty(ModelChoice.DefaultGeneration))
            {
                var generation = ViduCatalogue.GenerationOf(model, out var problem);
                if (generation == null)
                {
                    problems.Add($"Model '{model}' {problem}");
                    continue;
                }
                foreach (var kind in Kinds(model, problems))
                {
                    var spec = ViduCatalogue.Find(generation, kind);
                    if (spec == null) problems.Add(ModelRules.NoSuchModel(generation, kind).TrimEnd('.'));
                    else specs.Add(spec);
                }
            }
            return specs;
        }

        private IEnumerable<VideoKind> Kinds(string model, List<string> problems)
        {
            var given = Kind.Where(k => !PlanValues.IsBlank(k)).ToList();
            if (given.Count == 0)
            {
                yield return ModelChoice.KindOf(model) ?? KindOfRow();
                yield break;
            }
            foreach (var text in given)
            {
                if (Enum.TryParse<VideoKind>(text.Trim(), true, out var kind) && Enum.IsDefined(typeof(VideoKind), kind)) yield return kind;
                else problems.Add($"Kind '{text}' is not a kind; use Image, StartEnd, Text or Reference");
            }
        }

        private VideoKind KindOfRow()
        {
            bool Has(string name) => InputObject?.Properties[name]?.Value is object value && !string.IsNullOrWhiteSpace(value.ToString());
            if (Has("ReferenceImage")) return VideoKind.Reference;
            if (Has("EndImage")) return VideoKind.StartEnd;
            if (InputObject?.Properties["TextToVideo"]?.Value is object text && LanguagePrimitives.IsTrue(text) && !"false".Equals(text.ToString(), StringComparison.OrdinalIgnoreCase)) return VideoKind.Text;
            return VideoKind.Image;
        }

        private string Where() => MyInvocation.ExpectingInput ? $"Input row {_row}: " : string.Empty;

        private object Target() => InputObject ?? (object)string.Join(" ", Model.Concat(Kind).Concat(Mode).Concat(Resolution).Concat(Duration));
    }
}
