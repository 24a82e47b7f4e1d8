using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;

namespace ShortApi.Vidu.Downloads
{
    /// <summary>
    /// Names a saved video from a template. Tokens: {Name} (the source image's base name (a reference video's first picture), or the job id when the
    /// image has none), {JobId}, {Mode}, {Resolution}, {Duration}, {Date} (yyyyMMdd of creation), {Index} (1-based,
    /// for jobs with several videos). The extension comes from the URL (.mp4 when it says nothing).
    /// </summary>
    internal static class VideoFileNamer
    {
        /// <summary>The template used when none is given.</summary>
        public const string DefaultTemplate = "{Name}";

        // The union of what Windows and Unix refuse, so a name made on one system can be copied to the other.
        private static readonly char[] Invalid = Path.GetInvalidFileNameChars().Concat("<>:\"/\\|?*").Distinct().ToArray();

        /// <summary>Checks a template before any work starts; throws <see cref="ArgumentException"/> saying what is wrong.</summary>
        public static void Validate(string template)
        {
            if (string.IsNullOrWhiteSpace(template)) throw new ArgumentException("-NameTemplate is empty. Use tokens such as '{Name}' or '{Name}-{JobId}'.");
            var probe = Expand(template, new VideoJob("job"), 1);
            if (probe.IndexOfAny(new[] { '{', '}' }) >= 0)
                throw new ArgumentException($"-NameTemplate '{template}' has an unknown token. Known tokens: {{Name}}, {{JobId}}, {{Mode}}, {{Resolution}}, {{Duration}}, {{Date}}, {{Index}}.");
        }

        /// <summary>The file name (with extension) for one result URL of a job.</summary>
        public static string FileName(string template, VideoJob job, int index, string url)
        {
            var stem = Sanitize(Expand(template, job, index));
            if (index > 1 && template.IndexOf("{Index}", StringComparison.OrdinalIgnoreCase) < 0)
                stem += "-" + index.ToString(CultureInfo.InvariantCulture);
            return stem + Extension(url);
        }

        /// <summary>The base name of a job's source image, or null for a data URI or no image.</summary>
        public static string? SourceName(string? image)
        {
            if (string.IsNullOrWhiteSpace(image) || image!.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return null;
            string leaf;
            if (Uri.TryCreate(image, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                leaf = Uri.UnescapeDataString(uri.AbsolutePath.TrimEnd('/').Split('/').Last());
            else
                leaf = image.Replace('\\', '/').TrimEnd('/').Split('/').Last();
            var name = Path.GetFileNameWithoutExtension(leaf);
            return string.IsNullOrWhiteSpace(name) ? null : name;
        }

        private static string Expand(string template, VideoJob job, int index)
        {
            var builder = new StringBuilder(template);
            Replace(builder, "{Name}", SourceName(job.Image ?? job.ReferenceImages.FirstOrDefault()) ?? job.JobId);
            Replace(builder, "{JobId}", job.JobId);
            Replace(builder, "{Mode}", job.Mode ?? string.Empty);
            Replace(builder, "{Resolution}", job.Resolution ?? string.Empty);
            Replace(builder, "{Duration}", job.Duration?.ToString(CultureInfo.InvariantCulture) ?? string.Empty);
            Replace(builder, "{Date}", (job.CreatedAt ?? DateTimeOffset.Now).ToLocalTime().ToString("yyyyMMdd", CultureInfo.InvariantCulture));
            Replace(builder, "{Index}", index.ToString(CultureInfo.InvariantCulture));
            return builder.ToString();
        }

        private static void Replace(StringBuilder builder, string token, string value)
        {
            var text = builder.ToString();
            var at = text.IndexOf(token, StringComparison.OrdinalIgnoreCase);
            while (at >= 0)
            {
                builder.Remove(at, token.Length).Insert(at, value);
                text = builder.ToString();
                at = text.IndexOf(token, at + value.Length, StringComparison.OrdinalIgnoreCase);
            }
        }

        // Names Windows keeps for devices, whatever the extension: "nul.mp4" cannot be created there.
        private static readonly string[] Reserved =
            new[] { "CON", "PRN", "AUX", "NUL" }.Concat(Enumerable.Range(1, 9).SelectMany(n => new[] { "COM" + n, "LPT" + n })).ToArray();

        private static string Sanitize(string name)
        {
            var clean = new string(name.Select(c => Invalid.Contains(c) ? '_' : c).ToArray()).Trim().TrimEnd('.');
            if (clean.Length == 0) return "video";
            return Reserved.Contains(clean, StringComparer.OrdinalIgnoreCase) ? clean + "_" : clean;
        }

        private static string Extension(string url)
        {
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                var extension = Path.GetExtension(uri.AbsolutePath).ToLowerInvariant();
                if (extension == ".mp4" || extension == ".mov" || extension == ".webm" || extension == ".m4v") return extension;
            }
            return ".mp4";
        }
    }
}
