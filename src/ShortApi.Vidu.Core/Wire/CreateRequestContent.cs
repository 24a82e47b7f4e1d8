using System;
using System.Buffers;
using System.Buffers.Text;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;

namespace ShortApi.Vidu.Wire
{
    /// <summary>
    /// The create call's JSON body, written straight to the socket. A local image is read in small chunks and
    /// base64-encoded on the way out, so a 15 MB picture never exists in memory as bytes, string and JSON at once
    /// (the plain-script way holds all three). The length is known in advance, so no chunked encoding is needed.
    /// </summary>
    internal sealed class CreateRequestContent : HttpContent
    {
        // Multiple of 3 so every chunk but the last encodes without padding.
        private const int ChunkBytes = 3 * 16 * 1024;

        private readonly CreateJobRequest _request;
        private readonly RequestBodyState _state;
        private readonly byte[] _prefix;
        private readonly byte[] _suffix;

        public CreateRequestContent(CreateJobRequest request, RequestBodyState state)
        {
            _request = request;
            _state = state;
            (_prefix, _suffix) = Frame(request);
            Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        /// <summary>The body length for a request, without building the body.</summary>
        public static long Measure(CreateJobRequest request)
        {
            var (prefix, suffix) = Frame(request);
            return prefix.Length + ImageValueLength(request) + suffix.Length;
        }

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            await stream.WriteAsync(_prefix, 0, _prefix.Length).ConfigureAwait(false);
            if (_request.Image.IsLocalFile)
                await WriteFileAsBase64Async(stream).ConfigureAwait(false);
            await stream.WriteAsync(_suffix, 0, _suffix.Length).ConfigureAwait(false);
            _state.MarkComplete();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _prefix.Length + ImageValueLength(_request) + _suffix.Length;
            return true;
        }

        private async Task WriteFileAsBase64Async(Stream destination)
        {
            var image = _request.Image;
            var raw = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            var encoded = ArrayPool<byte>.Shared.Rent(Base64.GetMaxEncodedToUtf8Length(ChunkBytes));
            try
            {
                using var file = OpenChecked(image);
                long sent = 0;
                while (true)
                {
                    var filled = 0;
                    while (filled < ChunkBytes)
                    {
                        var n = await ReadLocalAsync(file, raw, filled, ChunkBytes - filled).ConfigureAwait(false);
                        if (n == 0) break;
                        filled += n;
                    }
                    if (filled == 0) break;
                    var status = Base64.EncodeToUtf8(new ReadOnlySpan<byte>(raw, 0, filled), encoded, out _, out var written, isFinalBlock: filled < ChunkBytes);
                    if (status != OperationStatus.Done) throw new InvalidOperationException("Base64 encoding stopped early: " + status);
                    await destination.WriteAsync(encoded, 0, written).ConfigureAwait(false);
                    sent += filled;
                    if (filled < ChunkBytes) break;
                }
                if (sent != image.FileLength)
                    throw Changed(image, "changed size while it was being sent");
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(raw);
                ArrayPool<byte>.Shared.Return(encoded);
            }
        }

        // The picture was checked before the request was built; if it is gone or different now, the body cannot be
        // completed, so the service never gets a whole request: that is the user's input changing, not "may be charged".
        private FileStream OpenChecked(Images.ImageReference image)
        {
            FileStream file;
            try
            {
                file = new FileStream(image.FilePath!, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, useAsync: true);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw Changed(image, "can no longer be read (" + ex.Message + ")", ex);
            }
            if (file.Length != image.FileLength)
            {
                file.Dispose();
                throw Changed(image, "changed size after it was checked");
            }
            return file;
        }

        private async Task<int> ReadLocalAsync(FileStream file, byte[] buffer, int offset, int count)
        {
            try
            {
                return await file.ReadAsync(buffer, offset, count).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw Changed(_request.Image, "could not be read while it was being sent (" + ex.Message + ")", ex);
            }
        }

        private ShortApiException Changed(Images.ImageReference image, string what, Exception? inner = null)
        {
            var failure = new ShortApiException(ShortApiErrorKind.ImageChanged,
                $"Image file '{image.FilePath}' {what}, so its request was never completed and nothing was created or charged. Check the file and submit it again.",
                innerException: inner)
            { RequestIncomplete = true };
            _state.FailLocally(failure);
            return failure;
        }

        private static long ImageValueLength(CreateJobRequest request) =>
            request.Image.IsLocalFile ? Images.ImageReference.Base64Length(request.Image.FileLength) : 0;

        // Relaxed escaping keeps non-ASCII prompts as UTF-8; the body is never embedded in HTML.
        // Writes the whole JSON with the image's data URI prefix in place of the image and splits it there:
        // everything before the base64 payload, and everything after it. Key order follows the seed's examples.
        private static (byte[] Prefix, byte[] Suffix) Frame(CreateJobRequest request)
        {
            var marker = "\u0001" + Guid.NewGuid().ToString("N");
            var imageValue = request.Image.IsLocalFile ? request.Image.DataUriPrefix + marker : request.Image.Url!;
            using var buffer = new MemoryStream();
            using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            {
                json.WriteStartObject();
                json.WriteString("model", ViduModel.ModelId);
                json.WriteStartObject("args");
                json.WriteString("mode", request.Mode);
                json.WriteString("prompt", request.Prompt);
                json.WriteString("image", imageValue);
                if (request.Duration is int duration) json.WriteString("duration", duration.ToString(System.Globalization.CultureInfo.InvariantCulture));
                if (request.Resolution != null) json.WriteString("resolution", request.Resolution);
                if (request.GenerateAudio is bool audio) json.WriteBoolean("generate_audio", audio);
                if (request.VoiceId != null) json.WriteString("voice_id", request.VoiceId);
                json.WriteEndObject();
                if (request.CallbackUrl != null) json.WriteString("callback_url", request.CallbackUrl);
                json.WriteEndObject();
            }
            var bytes = buffer.ToArray();
            if (!request.Image.IsLocalFile) return (bytes, Array.Empty<byte>());
            // The marker starts with U+0001, which the JSON writer escapes as \u0001: find that escaped form.
            var escapedMarker = System.Text.Encoding.UTF8.GetBytes("\\u0001" + marker.Substring(1));
            var at = IndexOf(bytes, escapedMarker);
            if (at < 0) throw new InvalidOperationException("Could not place the image in the request body.");
            var prefix = new byte[at];
            Buffer.BlockCopy(bytes, 0, prefix, 0, at);
            var suffixStart = at + escapedMarker.Length;
            var suffix = new byte[bytes.Length - suffixStart];
            Buffer.BlockCopy(bytes, suffixStart, suffix, 0, suffix.Length);
            return (prefix, suffix);
        }

        private static int IndexOf(byte[] haystack, byte[] needle)
        {
            for (var i = 0; i <= haystack.Length - needle.Length; i++)
            {
                var match = true;
                for (var j = 0; j < needle.Length && match; j++) match = haystack[i + j] == needle[j];
                if (match) return i;
            }
            return -1;
        }
    }
}
