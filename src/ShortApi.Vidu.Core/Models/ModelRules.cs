using System.Collections.Generic;
using System.Globalization;

namespace ShortApi.Vidu.Models
{
    /// <summary>
    /// What a model's page rules out, as messages that name the model and the rule, so a user knows what to change.
    /// Everything here is checked before anything is sent.
    /// </summary>
    internal static class ModelRules
    {
        /// <summary>The model that serves a generation and kind, or why there is none.</summary>
        public static string NoSuchModel(string generation, VideoKind kind) =>
            kind == VideoKind.Reference
                ? $"Vidu {generation} has no reference-to-video model on ShortAPI (no page for vidu/vidu-{generation.ToLowerInvariant()}/reference-to-video is known). Use -Model Q3 for reference pictures."
                : $"Vidu {generation} has no {kind} model on ShortAPI.";

        /// <summary>
        /// Checks mode, resolution and duration against the model; null ones take the model's defaults. The outputs are
        /// what the wire would carry (the mode as spelled by the page; null for a model with no mode).
        /// </summary>
        public static List<string> CheckPlan(ModelSpec spec, string? mode, string? resolution, int? duration,
            out string? wireMode, out string wireResolution, out int seconds)
        {
            var problems = new List<string>();
            wireMode = spec.DefaultMode;
            if (!spec.HasMode && !string.IsNullOrWhiteSpace(mode))
                problems.Add($"Mode '{mode}' cannot be used: {spec.Id} has no mode; leave it out.");
            else if (mode != null)
            {
                wireMode = spec.NormalizeMode(mode);
                if (wireMode == null) problems.Add($"Mode '{mode}' is not offered by {spec.Id}, which offers {string.Join(", ", spec.Modes)}.");
            }
            wireResolution = resolution == null ? spec.DefaultResolution : spec.NormalizeResolution(resolution) ?? resolution;
            if (spec.NormalizeResolution(wireResolution) == null)
                problems.Add($"Resolution '{resolution}' is not offered by {spec.Id}, which offers {string.Join(", ", spec.Resolutions)}.");
            else if (wireMode != null && !spec.Offers(wireMode, wireResolution))
                problems.Add($"Resolution '{wireResolution}' is not offered by {spec.Id} in {wireMode} mode; choose another resolution or mode.");
            seconds = duration ?? spec.DefaultDuration;
            if (seconds < spec.MinDuration || seconds > spec.MaxDuration)
                problems.Add($"Duration '{seconds.ToString(CultureInfo.InvariantCulture)}' is out of range: {spec.Id} makes videos of {spec.MinDuration} to {spec.MaxDuration} seconds.");
            return problems;
        }

        /// <summary>Checks the arguments only some models have: aspect ratio, audio, voice and the number of reference pictures.</summary>
        public static List<string> CheckExtras(ModelSpec spec, string? aspectRatio, bool? generateAudio, string? voiceId, int references)
        {
            var problems = new List<string>();
            if (aspectRatio != null)
            {
                if (spec.AspectRatios.Count == 0)
                    problems.Add($"{spec.Id} has no aspect ratio (the picture decides it); leave -AspectRatio out.");
                else if (spec.NormalizeAspectRatio(aspectRatio) == null)
                    problems.Add($"Aspect ratio '{aspectRatio}' is not offered by {spec.Id}, which offers {string.Join(", ", spec.AspectRatios)}.");
            }
            if (generateAudio == true && !spec.GenerateAudio)
                problems.Add($"{spec.Id} has no generated audio on its page; leave -GenerateAudio out.");
            if (voiceId != null && !spec.VoiceId)
                problems.Add($"{spec.Id} takes no voice id; leave -VoiceId out.");
            if (generateAudio == true && spec.VoiceId && string.IsNullOrWhiteSpace(voiceId))
                problems.Add($"{spec.Id} needs -VoiceId with -GenerateAudio: the API requires a voice (timbre) id when audio is generated. Find ids in Vidu's documentation.");
            if (spec.Kind == VideoKind.Reference && (references < spec.MinReferences || references > spec.MaxReferences))
                problems.Add($"{spec.Id} takes {spec.MinReferences} to {spec.MaxReferences} reference pictures; {references.ToString(CultureInfo.InvariantCulture)} were given.");
            return problems;
        }
    }
}
