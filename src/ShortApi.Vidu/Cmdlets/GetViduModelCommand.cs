using System;
using System.Linq;
using System.Management.Automation;
using ShortApi.Vidu.Models;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// <para type="synopsis">Lists the Vidu models ShortAPI serves: what each takes, offers and costs, and where that is stated.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ViduModel")]
    [OutputType(typeof(ViduModelInfo))]
    public sealed class GetViduModelCommand : PSCmdlet
    {
        /// <summary>Only these generations (Q2, Q3).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ArgumentCompleter(typeof(PlanValueCompleter))]
        public string[] Model { get; set; } = Array.Empty<string>();

        /// <summary>Only these kinds (Image, StartEnd, Text, Reference).</summary>
        [Parameter(ValueFromPipelineByPropertyName = true)]
        public VideoKind[] Kind { get; set; } = Array.Empty<VideoKind>();

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            var generations = Model.Select(m =>
            {
                var generation = ViduCatalogue.GenerationOf(m, out var problem);
                if (generation == null) WriteError(ErrorRecords.InvalidArgument($"Model '{m}' {problem}.", m));
                return generation;
            }).Where(g => g != null).ToList();
            if (Model.Length > 0 && generations.Count == 0) return;
            foreach (var spec in ViduCatalogue.All)
            {
                if (generations.Count > 0 && !generations.Contains(spec.Generation, StringComparer.OrdinalIgnoreCase)) continue;
                if (Kind.Length > 0 && !Kind.Contains(spec.Kind)) continue;
                WriteObject(new ViduModelInfo(spec));
            }
        }
    }
}
