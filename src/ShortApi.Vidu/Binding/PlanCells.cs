using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Vidu.Commands
{
    /// <summary>Mode, resolution and duration of one input, read exactly; the problems named together, column and value each.</summary>
    internal static class PlanCells
    {
        /// <summary>Null when every cell reads, otherwise what is wrong ("Duration '7.5' is not a whole number …").</summary>
        public static string? Read(string? modeText, string? resolutionText, string? durationText, out string? mode, out string? resolution, out int? duration)
        {
            var problems = new List<string>();
            if (!PlanValues.TryMode(modeText, out mode, out var problem)) problems.Add($"Mode '{modeText}' {problem}");
            if (!PlanValues.TryResolution(resolutionText, out resolution, out problem)) problems.Add($"Resolution '{resolutionText}' {problem}");
            if (!PlanValues.TryDuration(durationText, out duration, out problem)) problems.Add($"Duration '{durationText}' {problem}");
            return problems.Count == 0 ? null : string.Join("; ", problems);
        }
    }
}
