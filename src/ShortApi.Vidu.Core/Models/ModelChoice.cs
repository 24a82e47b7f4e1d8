namespace ShortApi.Vidu.Models
{
    /// <summary>
    /// Which model a command means: the generation (-Model Q2 or Q3, Q2 by default) and the kind, which the inputs pick:
    /// a picture alone, a picture with an end frame, reference pictures, or -TextToVideo (never inferred from a missing
    /// picture, so a forgotten -Image is an error, not a text video that costs money).
    /// </summary>
    internal static class ModelChoice
    {
        public const string DefaultGeneration = "Q2";

        /// <summary>The model, or null with a problem that says what to change.</summary>
        public static ModelSpec? Choose(string? model, bool hasImage, bool hasEndImage, int references, bool textToVideo, out string problem)
        {
            problem = string.Empty;
            var generation = string.IsNullOrWhiteSpace(model) ? DefaultGeneration : ViduCatalogue.GenerationOf(model, out problem);
            if (generation == null)
            {
                problem = $"Model '{model}' {problem}.";
                return null;
            }
            VideoKind kind;
            if (textToVideo)
            {
                if (hasImage || hasEndImage || references > 0)
                {
                    problem = "-TextToVideo makes a video from the prompt alone; leave out -Image, -EndImage and -ReferenceImage, or drop -TextToVideo.";
                    return null;
                }
                kind = VideoKind.Text;
            }
            else if (references > 0)
            {
                if (hasImage || hasEndImage)
                {
                    problem = "-ReferenceImage cannot be combined with -Image or -EndImage: a reference-to-video job takes all its pictures as -ReferenceImage.";
                    return null;
                }
                kind = VideoKind.Reference;
            }
            else if (hasEndImage)
            {
                if (!hasImage)
                {
                    problem = "-EndImage is the last frame of a start-end video and needs -Image for the first frame.";
                    return null;
                }
                kind = VideoKind.StartEnd;
            }
            else if (hasImage)
            {
                kind = VideoKind.Image;
            }
            else
            {
                problem = "No picture was given. Give -Image (with -EndImage for a start-end video), -ReferenceImage for a reference video, or -TextToVideo for a video from the prompt alone.";
                return null;
            }
            var spec = ViduCatalogue.Find(generation, kind);
            if (spec == null) problem = ModelRules.NoSuchModel(generation, kind);
            return spec;
        }

        /// <summary>The kind of a model id, for jobs read back (CSV, Clixml) that carry Model but not Kind.</summary>
        public static VideoKind? KindOf(string? modelId) => modelId == null ? null : ViduCatalogue.FindById(modelId)?.Kind;
    }
}
