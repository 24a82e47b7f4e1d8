using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;

namespace ShortApi.Vidu.Gallery
{
    /// <summary>
    /// How a page links the files beside it: by a URL relative to the page's folder, one percent-encoded segment at a
    /// time, so the folder can be zipped, moved and opened anywhere; an absolute file: URL only when no relative one
    /// exists (another drive or share).
    /// </summary>
    internal static class GalleryLinks
    {
        // A data URI small enough to be kept whole on a job (longer ones are shortened for display and cannot be shown).
        private static readonly Regex InlinePicture = new Regex(@"^data:image/(png|jpeg|webp|gif);base64,[A-Za-z0-9+/]+={0,2}$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

        private static readonly StringComparison PathComparison =
            RuntimeInformation.IsOSPlatform(OSPlatform.Windows) || RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
                ? StringComparison.OrdinalIgnoreCase
                : StringComparison.Ordinal;

        /// <summary>The URL of a local file as seen from a page in <paramref name="pageFolder"/>; both are full paths.</summary>
        public static FileLink ToFile(string pageFolder, string file)
        {
            var from = Parse(pageFolder);
            var to = Parse(file);
            if (!string.Equals(from.Root, to.Root, PathComparison)) return new FileLink(AbsoluteUrl(to), relative: false, inside: false);
            var common = 0;
            while (common < from.Segments.Count && common < to.Segments.Count - 1 && string.Equals(from.Segments[common], to.Segments[common], PathComparison)) common++;
            var ups = from.Segments.Count - common;
            var url = string.Concat(Enumerable.Repeat("../", ups)) + string.Join("/", to.Segments.Skip(common).Select(Uri.EscapeDataString));
            return new FileLink(url, relative: true, inside: ups == 0);
        }

        /// <summary>What a job's picture reference can be shown as: a local file, a picture on the web, an inline picture, or nothing.</summary>
        public static PictureSource ToPicture(string pageFolder, string? picture)
        {
            if (string.IsNullOrWhiteSpace(picture)) return PictureSource.None("no picture");
            var text = picture!.Trim();
            if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
                return InlinePicture.IsMatch(text) ? PictureSource.Inline(text) : PictureSource.None("given inline as a data URI, which the job does not keep whole");
            if (text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase))
            {
                if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && uri.UserInfo.Length == 0)
                    return PictureSource.Remote(uri.AbsoluteUri, Origin(uri));
                return PictureSource.None("not a usable web address");
            }
            if (!Path.IsPathRooted(text) || text.IndexOfAny(Path.GetInvalidPathChars()) >= 0) return PictureSource.None("not a full path");
            try
            {
                return PictureSource.Local(ToFile(pageFolder, Path.GetFullPath(text)));
            }
            catch (Exception ex) when (ex is ArgumentException || ex is NotSupportedException || ex is PathTooLongException)
            {
                return PictureSource.None("not a usable path"); // .NET Framework refuses some paths .NET accepts, such as a colon mid-path
            }
        }

        /// <summary>The last segment of a path or URL, for captions and alt texts.</summary>
        public static string LeafName(string? reference)
        {
            if (string.IsNullOrWhiteSpace(reference)) return string.Empty;
            var text = reference!.Trim();
            if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return "inline picture";
            if (Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))
                text = Uri.UnescapeDataString(uri.AbsolutePath);
            var leaf = text.Replace('\\', '/').TrimEnd('/').Split('/').Last();
            return leaf.Length > 0 ? leaf : text;
        }

        // scheme://host[:port], as a CSP source expression: the host in its ASCII form, never user info or a path.
        private static string Origin(Uri uri)
        {
            var host = uri.HostNameType == UriHostNameType.IPv6 ? uri.Host : uri.IdnHost;
            return uri.Scheme + "://" + host + (uri.IsDefaultPort ? string.Empty : ":" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        private static ParsedPath Parse(string fullPath)
        {
            var root = Path.GetPathRoot(fullPath) ?? string.Empty;
            var rest = fullPath.Substring(root.Length);
            var segments = rest.Split(new[] { Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar }, StringSplitOptions.RemoveEmptyEntries).ToList();
            return new ParsedPath(root.Replace(Path.AltDirectorySeparatorChar, Path.DirectorySeparatorChar), segments);
        }

        // file:///C:/a/b.mp4, file://server/share/b.mp4 or file:///a/b.mp4, each segment percent-encoded.
        private static string AbsoluteUrl(ParsedPath path)
        {
            var root = path.Root.Replace('\\', '/').Trim('/');
            var segments = path.Segments.Select(Uri.EscapeDataString);
            if (path.Root.StartsWith(@"\\", StringComparison.Ordinal) || path.Root.StartsWith("//", StringComparison.Ordinal))
                return "file://" + string.Join("/", root.Split('/').Select(Uri.EscapeDataString).Concat(segments));
            return "file:///" + string.Join("/", (root.Length > 0 ? new[] { root } : Array.Empty<string>()).Concat(segments));
        }

        private sealed class ParsedPath
        {
            public ParsedPath(string root, List<string> segments)
            {
                Root = root;
                Segments = segments;
            }

            public string Root { get; }
            public List<string> Segments { get; }
        }
    }

    /// <summary>A link from the page to a local file.</summary>
    internal sealed class FileLink
    {
        public FileLink(string url, bool relative, bool inside)
        {
            Url = url;
            IsRelative = relative;
            IsInsidePageFolder = inside;
        }

        /// <summary>The URL to put in src or href (not yet HTML-encoded).</summary>
        public string Url { get; }

        /// <summary>Whether the link is relative to the page (false: an absolute file: URL).</summary>
        public bool IsRelative { get; }

        /// <summary>Whether the file is in the page's folder or below it, so zipping that folder takes it along.</summary>
        public bool IsInsidePageFolder { get; }
    }

    /// <summary>What a picture reference becomes on the page.</summary>
    internal sealed class PictureSource
    {
        private PictureSource(string? url, FileLink? file, string? origin, string? missing)
        {
            Url = url;
            File = file;
            RemoteOrigin = origin;
            WhyNotShown = missing;
        }

        /// <summary>The URL for the img element, or null when the picture cannot be shown.</summary>
        public string? Url { get; }

        /// <summary>The link, for a local file.</summary>
        public FileLink? File { get; }

        /// <summary>The origin to allow in the page's img-src, for a picture on the web.</summary>
        public string? RemoteOrigin { get; }

        /// <summary>Why there is nothing to show, when <see cref="Url"/> is null.</summary>
        public string? WhyNotShown { get; }

        public static PictureSource Local(FileLink link) => new PictureSource(link.Url, link, null, null);
        public static PictureSource Remote(string url, string origin) => new PictureSource(url, null, origin, null);
        public static PictureSource Inline(string dataUri) => new PictureSource(dataUri, null, null, null);
        public static PictureSource None(string why) => new PictureSource(null, null, null, why);
    }
}
