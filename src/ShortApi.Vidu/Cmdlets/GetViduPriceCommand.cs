using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using ShortApi.Vidu.Pricing;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// <para type="synopsis">Estimates the price of Vidu Q2 image-to-video jobs from the published price table.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ViduPrice")]
    [OutputType(typeof(PriceQuote))]
    public sealed class GetViduPriceCommand : PSCmdlet
    {
        private int _row;

        /// <summary>Generation modes to price (default pro).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlanValueCompleter))]
        [FileAttributeModeTransformation(ViduModel.DefaultMode)]
        public string[] Mode { get; set; } = { ViduModel.DefaultMode };

        /// <summary>Resolutions to price (default 720p).</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlanValueCompleter))]
        public string[] Resolution { get; set; } = { ViduModel.DefaultResolution };

        /// <summary>Durations in whole seconds to price, 1 to 10 (default 5); 1..10 gives ten quotes.</summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlanValueCompleter))]
        public string[] Duration { get; set; } = { "5" };

        /// <summary>The piped object itself, so an error about one row of a CSV plan can name that row.</summary>
        [Parameter(ValueFromPipeline = true, DontShow = true)]
        public PSObject? InputObject { get; set; }

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            if (MyInvocation.ExpectingInput) _row++;
            var problems = new List<string>();
            var modes = Read(Mode, "Mode", problems, text => PlanValues.TryMode(text, out var m, out var p) ? (m ?? ViduModel.DefaultMode, p) : (null, p));
            var resolutions = Read(Resolution, "Resolution", problems, text => PlanValues.TryResolution(text, out var r, out var p) ? (r ?? ViduModel.DefaultResolution, p) : (null, p));
            var durations = new List<int>();
            foreach (var cell in Duration.DefaultIfEmpty(string.Empty))
            {
                if (!PlanValues.TryDurations(cell, out var list, out var problem)) problems.Add($"Duration '{cell}' {problem}");
                else durations.AddRange(list.Count == 0 ? new[] { ViduModel.DefaultDuration } : list);
            }
            if (problems.Count > 0)
            {
                var where = MyInvocation.ExpectingInput ? $"Input row {_row}: " : string.Empty;
                WriteError(ErrorRecords.InvalidArgument($"{where}{string.Join("; ", problems)}. No price for it; fix the value.", InputObject ?? (object)string.Join(" ", Mode.Concat(Resolution).Concat(Duration))));
                return;
            }
            foreach (var mode in modes)
            foreach (var resolution in resolutions)
            foreach (var duration in durations)
            {
                try
                {
                    WriteObject(PriceTable.Quote(mode, resolution, duration));
                }
                catch (ArgumentException ex)
                {
                    WriteError(ErrorRecords.InvalidArgument(ex.Message, $"{mode} {resolution} {duration} s"));
                }
            }
        }

        private static List<string> Read(string[] cells, string column, List<string> problems, Func<string?, (string? Value, string Problem)> parse)
        {
            var values = new List<string>();
            foreach (var cell in cells.DefaultIfEmpty(string.Empty))
            {
                var (value, problem) = parse(cell);
                if (value == null) problems.Add($"{column} '{cell}' {problem}");
                else values.Add(value);
            }
            return values;
        }
    }
}
