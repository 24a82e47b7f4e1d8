using System;
using System.IO;
using System.Security.Cryptography;
using System.Threading.Tasks;
using ShortApi.Vidu.Pipeline;

namespace ShortApi.Vidu.Downloads
{
    /// <summary>
    /// Streams a download's body into a temporary file, inside the pipeline's retry loop. It tells apart what is worth
    /// another try (the connection broke, the body came short) from what is not: a body that is not a video (an error
    /// page with status 200) and a local write failure (disk full, file in use, no access), which no re-download fixes.
    /// </summary>
    internal static class VideoReceiver
    {
        private const int BufferBytes = 81920;

        public static async Task<ReceivedVideo> ReceiveAsync(PipelineMessage message, string temporaryPath)
        {
            var response = message.Response!;
            var url = message.Request!.RequestUri!;
            var mediaType = response.Content.Headers.ContentType?.MediaType;
            if (VideoContainer.IsTextType(mediaType))
                throw NotAVideo(message, $"the result host sent a {mediaType} page instead of a video");
            var expected = response.Content.Headers.ContentLength;
            using var source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false);
            // .NET Framework's ReadAsync ignores the token; closing the stream ends a stalled read there too.
            using var closeOnTimeout = message.TryToken.Register(source.Dispose);
            using var sha = SHA256.Create();
            var buffer = new byte[BufferBytes];
            long written = 0;
            var sniffed = false;
            var target = OpenTemporary(message, temporaryPath);
            try
            {
                using (target)
                {
                    while (true)
                    {
                        message.ExtendTry?.Invoke(); // an inactivity timeout: a large file may take long, a silent server may not
                        var read = await ReadNetworkAsync(message, source, buffer, sniffed ? 0 : VideoContainer.SniffBytes).ConfigureAwait(false);
                        if (read == 0) break;
                        if (!sniffed)
                        {
                            if (!VideoContainer.IsVideo(buffer, read))
                                throw NotAVideo(message, "what the result host sent does not start like a video file" + Preview(buffer, read));
                            sniffed = true;
                        }
                        sha.TransformBlock(buffer, 0, read, null, 0);
                        await WriteLocalAsync(message, target, buffer, read, temporaryPath).ConfigureAwait(false);
                        written += read;
                    }
                    await FlushLocalAsync(message, target, temporaryPath).ConfigureAwait(false);
                }
                if (written == 0) throw NotAVideo(message, "the result host sent an empty file");
                if (expected is long length && length != written)
                    throw new ShortApiException(ShortApiErrorKind.ConnectionFailed,
                        $"{message.What}: the connection closed after {written} of {length} bytes.", jobId: message.JobId);
                sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
                return new ReceivedVideo(temporaryPath, written, Hex(sha.Hash!));
            }
            catch
            {
                TryDelete(temporaryPath);
                throw;
            }
        }

        /// <summary>The SHA-256 of a file already on disk, in the same form as a received one's.</summary>
        public static string HashFile(string path)
        {
            using var sha = SHA256.Create();
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes);
            return Hex(sha.ComputeHash(stream));
        }

        public static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path)) File.Delete(path);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
            }
        }

        private static FileStream OpenTemporary(PipelineMessage message, string path)
        {
            try
            {
                return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferBytes, useAsync: true);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException)
            {
                throw SaveFailed(message, path, ex);
            }
        }

        // The first read asks for only the sniffing bytes, so a wrong body is refused before much of it is written.
        private static async Task<int> ReadNetworkAsync(PipelineMessage message, Stream source, byte[] buffer, int firstCount)
        {
            try
            {
                if (firstCount == 0) return await source.ReadAsync(buffer, 0, buffer.Length, message.TryToken).ConfigureAwait(false);
                var filled = 0;
                while (filled < firstCount)
                {
                    var n = await source.ReadAsync(buffer, filled, firstCount - filled, message.TryToken).ConfigureAwait(false);
                    if (n == 0) break;
                    filled += n;
                }
                return filled;
            }
            catch (IOException ex)
            {
                throw new ShortApiException(ShortApiErrorKind.ConnectionFailed, $"{message.What} broke: {ex.GetBaseException().Message}", jobId: message.JobId, innerException: ex);
            }
            catch (System.Net.Http.HttpRequestException ex)
            {
                throw new ShortApiException(ShortApiErrorKind.ConnectionFailed, $"{message.What} broke: {ex.GetBaseException().Message}", jobId: message.JobId, innerException: ex);
            }
        }

        private static async Task WriteLocalAsync(PipelineMessage message, FileStream target, byte[] buffer, int count, string path)
        {
            try
            {
                await target.WriteAsync(buffer, 0, count).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw SaveFailed(message, path, ex);
            }
        }

        private static async Task FlushLocalAsync(PipelineMessage message, FileStream target, string path)
        {
            try
            {
                await target.FlushAsync().ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw SaveFailed(message, path, ex);
            }
        }

        private static ShortApiException NotAVideo(PipelineMessage message, string what) =>
            // Worth a fresh link from the service, not the same bytes again: see DownloadBatch.
            new ShortApiException(ShortApiErrorKind.DownloadFailed, $"{message.What}: {what}. No file was left under the final name.", jobId: message.JobId);

        private static ShortApiException SaveFailed(PipelineMessage message, string path, Exception ex) =>
            new ShortApiException(ShortApiErrorKind.SaveFailed,
                $"Could not write '{path}': {Sentences.End(ex.Message)} The video was not saved; free space or fix the folder's permissions, then run Save-ViduVideo again.",
                jobId: message.JobId, innerException: ex);

        private static string Preview(byte[] buffer, int count)
        {
            var text = System.Text.Encoding.ASCII.GetString(buffer, 0, Math.Min(count, VideoContainer.SniffBytes));
            var printable = new System.Text.StringBuilder();
            foreach (var c in text) printable.Append(c >= 0x20 && c < 0x7F ? c : '.');
            return $" (it begins '{printable}')";
        }

        private static string Hex(byte[] hash)
        {
            var builder = new System.Text.StringBuilder(hash.Length * 2);
            foreach (var b in hash) builder.Append(b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture));
            return builder.ToString();
        }
    }
}
