using System.Collections.Generic;
using ShortApi.Vidu.Models;

namespace ShortApi.Vidu.Commands
{
    /// <summary>Mode, resolution and duration of one input, read exactly for its model; the problems named together, column and value each.</summary>
    internal static class PlanCells
    {
        /// <summary>
        /// Null when every cell reads and the model offers the values, otherwise what is wrong ("Duration '7.5' is not a
        /// whole number of seconds"; "vidu/vidu-q3/image-to-video does not offer mode 'pro-fast'…"). The mode and
        /// resolution come back as the model spells them; nulls mean "not given" (the model's defaults).
        /// </summary>
        public static string? Read(ModelSpec spec, string? modeText, string? resolutionText, string? durationText, out string? mode, out string? resolution, out int? duration)
        {
            var problems = new List<string>();
            mode = PlanValues.Mode(modeText);
            resolution = PlanValues.Resolution(resolutionText);
            if (!PlanValues.TryDuration(durationText, out duration, out var problem)) problems.Add($"Duration '{durationText}' {problem}");
            if (problems.Count == 0)
            {
                foreach (var rule in ModelRules.CheckPlan(spec, mode, resolution, duration, out _, out _, out _))
                    problems.Add(rule.TrimEnd('.'));
                mode = spec.NormalizeMode(mode) ?? mode;
                resolution = spec.NormalizeResolution(resolution) ?? resolution;
            }
            return problems.Count == 0 ? null : string.Join("; ", problems);
        }
    }
}
