using System;
using System.Buffers;
using System.Buffers.Text;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Security.Cryptography;
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

        private readonly RequestBodyState _state;
        private readonly CreateRequestBody _body;

        public CreateRequestContent(CreateJobRequest request, RequestBodyState state)
        {
            _state = state;
            _body = CreateRequestBody.For(request);
            Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        /// <summary>The body length for a request, without building the body.</summary>
        public static long Measure(CreateJobRequest request) => CreateRequestBody.For(request).Length;

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context)
        {
            for (var i = 0; i < _body.Literals.Count; i++)
            {
                var literal = _body.Literals[i];
                await stream.WriteAsync(literal, 0, literal.Length).ConfigureAwait(false);
                if (i < _body.Files.Count) await WriteFileAsBase64Async(_body.Files[i], stream).ConfigureAwait(false);
            }
            _state.MarkComplete();
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _body.Length;
            return true;
        }

        // The bytes are hashed as they are read; the last chunk is held back until the hash matches the one taken when
        // the picture was checked, so bytes overwritten since (even at the same size) make the body stop short of its
        // end: the service never gets a whole request, nothing can be created.
        private async Task WriteFileAsBase64Async(Images.ImageReference image, Stream destination)
        {
            var raw = ArrayPool<byte>.Shared.Rent(ChunkBytes);
            var encoded = ArrayPool<byte>.Shared.Rent(Base64.GetMaxEncodedToUtf8Length(ChunkBytes));
            try
            {
                using var file = OpenChecked(image);
                using var sha = SHA256.Create();
                long sent = 0;
                while (sent < image.FileLength)
                {
                    var wanted = (int)Math.Min(ChunkBytes, image.FileLength - sent);
                    var filled = 0;
                    while (filled < wanted)
                    {
                        var n = await ReadLocalAsync(image, file, raw, filled, wanted - filled).ConfigureAwait(false);
                        if (n == 0) throw Changed(image, "changed size while it was being sent");
                        filled += n;
                    }
                    sha.TransformBlock(raw, 0, filled, null, 0);
                    var last = sent + filled == image.FileLength;
                    if (last)
                    {
                        if (await ReadLocalAsync(image, file, raw, 0, 1).ConfigureAwait(false) != 0)
                            throw Changed(image, "changed size while it was being sent");
                        sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
                        if (image.Fingerprint != null && !SameBytes(sha.Hash!, image.Fingerprint))
                            throw Changed(image, "changed after it was checked (its size is the same, its bytes are not)");
                    }
                    var status = Base64.EncodeToUtf8(new ReadOnlySpan<byte>(raw, 0, filled), encoded, out _, out var written, isFinalBlock: last);
                    if (status != OperationStatus.Done) throw new InvalidOperationException("Base64 encoding stopped early: " + status);
                    await destination.WriteAsync(encoded, 0, written).ConfigureAwait(false);
                    sent += filled;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(raw);
                ArrayPool<byte>.Shared.Return(encoded);
            }
        }

        private static bool SameBytes(byte[] a, byte[] b)
        {
            if (a.Length != b.Length) return false;
            for (var i = 0; i < a.Length; i++)
                if (a[i] != b[i]) return false;
            return true;
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

        private async Task<int> ReadLocalAsync(Images.ImageReference image, FileStream file, byte[] buffer, int offset, int count)
        {
            try
            {
                return await file.ReadAsync(buffer, offset, count).ConfigureAwait(false);
            }
            catch (IOException ex)
            {
                throw Changed(image, "could not be read while it was being sent (" + ex.Message + ")", ex);
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
    }
}
