using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using ShortApi.Vidu.Models;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// Completes -Model, -Kind, -Mode, -Resolution, -Duration and -AspectRatio from the catalogue, for the model the
    /// command line names so far (Q2 image-to-video when it names none). The parameters are text rather than
    /// ValidateSet or int so that a bad CSV cell is reported with its row instead of being dropped or rounded.
    /// </summary>
    public sealed class PlanValueCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var spec = ModelFor(fakeBoundParameters);
            IEnumerable<string> values = parameterName switch
            {
                "Model" => ViduCatalogue.Generations,
                "Kind" => Enum.GetNames(typeof(VideoKind)),
                "Mode" => spec.Modes.OrderBy(v => v, StringComparer.OrdinalIgnoreCase),
                "Resolution" => spec.Resolutions,
                "Duration" => Enumerable.Range(spec.MinDuration, spec.MaxDuration - spec.MinDuration + 1).Select(d => d.ToString(CultureInfo.InvariantCulture)),
                "AspectRatio" => spec.AspectRatios,
                _ => Enumerable.Empty<string>(),
            };
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return values.Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v))
                .ToList();
        }

        private static ModelSpec ModelFor(IDictionary? bound)
        {
            var generation = ViduCatalogue.GenerationOf(bound?["Model"] as string ?? ModelChoice.DefaultGeneration, out _) ?? ModelChoice.DefaultGeneration;
            var kind = VideoKind.Image;
            if (bound?["Kind"] is string kindText && Enum.TryParse<VideoKind>(kindText, true, out var named)) kind = named;
            else if (bound != null && bound.Contains("TextToVideo")) kind = VideoKind.Text;
            else if (bound != null && bound.Contains("ReferenceImage")) kind = VideoKind.Reference;
            else if (bound != null && bound.Contains("EndImage")) kind = VideoKind.StartEnd;
            return ViduCatalogue.Find(generation, kind) ?? ViduCatalogue.Q2Image;
        }
    }
}
