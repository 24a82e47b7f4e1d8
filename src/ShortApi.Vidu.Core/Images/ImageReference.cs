using System;
using System.Globalization;
using System.IO;

namespace ShortApi.Vidu.Images
{
    /// <summary>
    /// A checked image input: an http(s) URL or data URI passed through as text, or a local file that will be
    /// streamed as a base64 data URI when the request is sent (never held in memory whole).
    /// </summary>
    internal sealed class ImageReference
    {
        private ImageReference(string display, string? url, string? filePath, long fileLength, ImageInfo? info, byte[]? fingerprint = null)
        {
            Display = display;
            Url = url;
            FilePath = filePath;
            FileLength = fileLength;
            Info = info;
            Fingerprint = fingerprint;
        }

        /// <summary>How the image is shown in job objects: the full path or the URL (a data URI shortened).</summary>
        public string Display { get; }

        /// <summary>The URL or data URI sent as is, for non-file inputs.</summary>
        public string? Url { get; }

        /// <summary>The full path of a local file.</summary>
        public string? FilePath { get; }

        /// <summary>The file's size in bytes.</summary>
        public long FileLength { get; }

        /// <summary>The recognised format and size of a local file.</summary>
        public ImageInfo? Info { get; }

        /// <summary>The SHA-256 of a local file's bytes as they were checked; the upload sends only bytes with this hash.</summary>
        public byte[]? Fingerprint { get; }

        /// <summary>Whether the bytes come from a local file.</summary>
        public bool IsLocalFile => FilePath != null;

        /// <summary>The data URI prefix for a local file, e.g. "data:image/png;base64,".</summary>
        public string? DataUriPrefix => Info?.MimeType == null ? null : "data:" + Info.MimeType + ";base64,";

        /// <summary>A short name for messages and file names: the file name, or the URL's last segment.</summary>
        public string ShortName => IsLocalFile ? Path.GetFileName(FilePath) : UrlLeaf(Url!);

        /// <summary>
        /// Whether a text is meant as a URL rather than a path: it has a scheme ("x://", "data:"). Windows drive paths
        /// ("C:\", "C:/") and "//server/share" UNC paths are paths.
        /// </summary>
        public static bool LooksLikeUrl(string input)
        {
            var text = input.Trim();
            if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return true;
            var colon = text.IndexOf("://", StringComparison.Ordinal);
            return colon > 1;
        }

        /// <summary>Checks a URL or data URI input.</summary>
        public static ImageReference FromUrl(string input)
        {
            var text = input.Trim();
            if (text.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return FromDataUri(input, text);
            if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || string.IsNullOrEmpty(uri.Host))
                throw new ImageValidationException(ImageProblem.InvalidUrl, input,
                    $"Image '{input}' is not a valid absolute URL. Give a full https:// address, or the path of a local file.");
            if (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
                throw new ImageValidationException(ImageProblem.InvalidUrl, input,
                    $"Image '{input}' uses '{uri.Scheme}:', which the service cannot fetch. Give an http(s) URL, or the path of a local file (it is uploaded inline).");
            return new ImageReference(uri.AbsoluteUri, uri.AbsoluteUri, null, 0, null);
        }

        // The URI is sent as it is, so it gets the checks a file gets: base64 that decodes, bytes of the declared
        // type, a picture that holds together and an aspect ratio the model takes. It is in memory already.
        private static ImageReference FromDataUri(string input, string text)
        {
            var comma = text.IndexOf(',');
            var header = comma > 0 ? text.Substring(5, comma - 5).ToLowerInvariant() : string.Empty;
            if (header != "image/png;base64" && header != "image/jpeg;base64" && header != "image/webp;base64")
                throw new ImageValidationException(ImageProblem.UnsupportedFormat, input,
                    "A data URI image must start with data:image/png;base64, data:image/jpeg;base64, or data:image/webp;base64,. Pass the file's path instead and the module encodes it.");
            var display = text.Length > 64 ? text.Substring(0, 48) + "…(" + text.Length.ToString(CultureInfo.InvariantCulture) + " chars)" : text;
            var subject = $"Data URI image '{display}'";
            const string passThePath = "Pass the picture file's path instead and the module encodes it.";
            var base64 = text.Substring(comma + 1);
            var problem = DataUriPayload.FindProblem(base64);
            if (problem != null)
                throw new ImageValidationException(ImageProblem.InvalidDataUri, input, $"{subject} is not valid base64: {problem}. {passThePath}");
            var bytes = Convert.FromBase64String(base64);
            var info = ImageInspector.Inspect(bytes);
            var declared = header.Substring(0, header.IndexOf(';'));
            if (info.MimeType != declared)
                throw new ImageValidationException(ImageProblem.InvalidDataUri, input, info.Format == ImageFormat.Unknown
                    ? $"{subject} declares {declared}, but its bytes are not a picture. {passThePath}"
                    : $"{subject} declares {declared}, but its bytes are {info.Format.ToString().ToUpperInvariant()}. {passThePath}");
            using var stream = new MemoryStream(bytes, writable: false);
            ImageChecks.RequireIntactAndInRatio(stream, info, input, subject, "Re-export the picture, or pass its file's path");
            return new ImageReference(display, text, null, 0, null);
        }

        /// <summary>
        /// Checks a local file: it exists, is a regular file with bytes (anything else is never opened), is PNG, JPEG
        /// or WebP by its content, fits the request size, holds together (a cut or broken file is refused) and has a
        /// size whose aspect ratio is between 1:4 and 4:1.
        /// </summary>
        public static ImageReference FromFile(string fullPath, string input)
        {
            if (Directory.Exists(fullPath))
                throw new ImageValidationException(ImageProblem.IsDirectory, input,
                    $"Image '{input}' is a folder. Pass the pictures inside it, for example: Get-ChildItem '{input}' -Include *.png,*.jpg,*.webp -Recurse | New-ViduVideoJob …");
            if (!File.Exists(fullPath))
                throw new ImageValidationException(ImageProblem.NotFound, input,
                    input.TrimStart().StartsWith("//", StringComparison.Ordinal)
                        ? $"Cannot find image file '{fullPath}'. If '{input}' is meant as a URL, write it in full, starting with https://."
                        : $"Cannot find image file '{fullPath}'. Check the path, or give an https:// URL.");
            try
            {
                // Opening a FIFO blocks until a writer appears, and Ctrl+C cannot interrupt it. Pipes, sockets, devices
                // and /proc files all report 0 bytes, the one sign netstandard2.0 gives before opening, so nothing of
                // size 0 is ever opened.
                if (new FileInfo(fullPath).Length == 0)
                    throw new ImageValidationException(ImageProblem.Empty, input,
                        $"Image file '{fullPath}' is empty, or not a regular file (a pipe, socket or device); nothing was opened or sent. If it is still downloading or copying, try again when it is complete.");
                // Unbuffered: the structure walk reads a few bytes per chunk between seeks, and a buffer would read
                // 4 KB at each of them.
                using var stream = new FileStream(fullPath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
                return FromOpenFile(stream, fullPath, input);
            }
            catch (IOException ex)
            {
                throw new ImageValidationException(ImageProblem.Unreadable, input, $"Cannot read image file '{fullPath}': {ex.Message}", ex);
            }
            catch (UnauthorizedAccessException ex)
            {
                throw new ImageValidationException(ImageProblem.Unreadable, input, $"Cannot read image file '{fullPath}': access is denied.", ex);
            }
        }

        // The checks on an open file, in the order that names the most useful problem first. Separate from FromFile
        // so that a stream that cannot seek, which no regular file gives, can be tested.
        internal static ImageReference FromOpenFile(Stream file, string fullPath, string input)
        {
            if (!file.CanSeek || file.Length == 0)
                throw new ImageValidationException(ImageProblem.Empty, input,
                    $"Image file '{fullPath}' is empty, or not a regular file (a pipe, socket or device) that can be checked; nothing was sent.");
            // The bytes the checks read are the bytes hashed, in the same pass.
            using var stream = new FingerprintingStream(file);
            var length = stream.Length;
            var info = ImageInspector.Inspect(stream);
            if (info.Format == ImageFormat.Unknown)
                throw new ImageValidationException(ImageProblem.NotAnImage, input,
                    $"File '{fullPath}' is not a PNG, JPEG or WebP picture (its bytes are not an image, whatever its extension). Pass a picture file.");
            if (!info.IsAccepted)
                throw new ImageValidationException(ImageProblem.UnsupportedFormat, input,
                    $"Image '{fullPath}' is {info.Format.ToString().ToUpperInvariant()}, which the API does not accept. Convert it to PNG, JPEG or WebP first.");
            var limit = MaxFileBytes(new ImageReference(fullPath, null, fullPath, length, info).DataUriPrefix!.Length);
            if (length > limit)
                throw new ImageValidationException(ImageProblem.TooLarge, input,
                    $"Image '{fullPath}' is {Megabytes(length)}; sent as base64 it must stay under the API's 20 MB request limit, so at most about {Megabytes(limit)}. Resize or recompress it, or upload it somewhere and pass its https:// URL.");
            ImageChecks.RequireIntactAndInRatio(stream, info, input, $"Image '{fullPath}'", "Re-export or re-download the picture");
            return new ImageReference(fullPath, null, fullPath, length, info, stream.Finish());
        }

        /// <summary>
        /// The largest file that fits: base64 of it plus the data URI prefix plus room for the rest of the JSON
        /// (prompt of up to 5000 characters, escaped) must stay within the 20 MB body.
        /// </summary>
        public static long MaxFileBytes(int prefixLength)
        {
            const long jsonRoom = 32 * 1024;
            var encodedRoom = ApiLimits.MaxRequestBodyBytes - jsonRoom - prefixLength;
            return encodedRoom / 4 * 3;
        }

        internal static long Base64Length(long bytes) => (bytes + 2) / 3 * 4;

        private static string Megabytes(long bytes) => (bytes / 1024.0 / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " MB";

        private static string UrlLeaf(string url)
        {
            if (url.StartsWith("data:", StringComparison.OrdinalIgnoreCase)) return "data URI";
            if (Uri.TryCreate(url, UriKind.Absolute, out var uri))
            {
                var leaf = Path.GetFileName(Uri.UnescapeDataString(uri.AbsolutePath));
                if (!string.IsNullOrEmpty(leaf)) return leaf;
                return uri.Host;
            }
            return url;
        }
    }
}
