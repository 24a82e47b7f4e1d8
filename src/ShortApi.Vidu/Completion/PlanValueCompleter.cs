using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// Completes -Mode, -Resolution and -Duration from the model's rules. (They are text rather than ValidateSet or int
    /// parameters so that a bad CSV cell is reported with its row instead of being dropped or rounded at binding.)
    /// </summary>
    public sealed class PlanValueCompleter : IArgumentCompleter
    {
        /// <inheritdoc />
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete,
            CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            IEnumerable<string> values = parameterName switch
            {
                "Mode" => ViduModel.Modes,
                "Resolution" => ViduModel.Resolutions,
                "Duration" => Enumerable.Range(ViduModel.MinDuration, ViduModel.MaxDuration - ViduModel.MinDuration + 1).Select(d => d.ToString(CultureInfo.InvariantCulture)),
                _ => Enumerable.Empty<string>(),
            };
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            // Ordered as ValidateSet completion orders, so the list looks the same as PowerShell's own.
            var ordered = parameterName == "Duration" ? values : values.OrderBy(v => v, StringComparer.OrdinalIgnoreCase);
            return ordered.Where(v => v.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(v => new CompletionResult(v, v, CompletionResultType.ParameterValue, v))
                .ToList();
        }
    }
}
