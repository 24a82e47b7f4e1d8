using System.IO;

namespace ShortApi.Vidu.Images
{
    /// <summary>
    /// What a local file and a data URI must both pass once their format is accepted: the picture holds together,
    /// and its header gives a size whose aspect ratio the model takes. Every picture sent is paid for, so a
    /// picture whose size cannot be read is refused rather than sent unchecked.
    /// </summary>
    internal static class ImageChecks
    {
        /// <summary>
        /// Throws <see cref="ImageValidationException"/> when the picture cannot work. <paramref name="subject"/> names
        /// it in messages ("Image '/p/cat.png'"); <paramref name="advice"/> says what to do about a damaged one.
        /// </summary>
        public static void RequireIntactAndInRatio(Stream stream, ImageInfo info, string input, string subject, string advice)
        {
            var damage = ImageInspector.FindDamage(stream, info.Format);
            if (damage != null) throw Corrupt(damage);
            if (!(info.Width is int width && info.Height is int height)) throw Corrupt("its header does not give its size in pixels");
            if (width <= 0 || height <= 0) throw Corrupt($"its header gives a size of {width}×{height} pixels");
            var ratio = (double)width / height;
            if (ratio < ApiLimits.MinAspectRatio || ratio > ApiLimits.MaxAspectRatio)
                throw new ImageValidationException(ImageProblem.AspectRatio, input,
                    $"{subject} is {width}×{height} pixels; the API accepts aspect ratios from 1:4 to 4:1. Crop or pad it first.");

            ImageValidationException Corrupt(string what) =>
                new ImageValidationException(ImageProblem.Corrupt, input, $"{subject} is damaged: {what}. {advice}; nothing was sent.");
        }
    }
}
