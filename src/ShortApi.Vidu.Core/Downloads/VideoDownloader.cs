using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Http;

namespace ShortApi.Vidu.Downloads
{
    /// <summary>
    /// Downloads a result file from the CDN into a temporary file beside the target and renames it into place,
    /// so a broken download never leaves a half file under the final name. Sends no credentials at all:
    /// result URLs live on another host, and redirects are followed by hand so nothing is carried along.
    /// </summary>
    public sealed class VideoDownloader
    {
        private const int MaxRedirects = 5;
        private readonly HttpClient _http;
        private readonly RetryPolicy _retry;
        private readonly TimeSpan _timeout;
        private readonly Action<string>? _log;

        /// <summary>Creates a downloader.</summary>
        /// <param name="http">The shared client.</param>
        /// <param name="retry">Retries for broken or refused downloads.</param>
        /// <param name="inactivityTimeout">How long the server may stay silent before the attempt counts as timed out.</param>
        /// <param name="log">Receives a line per attempt for -Verbose.</param>
        public VideoDownloader(HttpClient http, RetryPolicy retry, TimeSpan inactivityTimeout, Action<string>? log)
        {
            _http = http;
            _retry = retry;
            _timeout = inactivityTimeout;
            _log = log;
        }

        /// <summary>
        /// Downloads <paramref name="url"/> to <paramref name="destination"/>. Without <paramref name="overwrite"/>
        /// an existing file is left alone and the call fails with an <see cref="IOException"/>.
        /// </summary>
        /// <returns>The number of bytes written.</returns>
        public async Task<long> DownloadAsync(Uri url, string destination, bool overwrite, string? jobId, CancellationToken cancellationToken)
        {
            if (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp)
                throw new ShortApiException(ShortApiErrorKind.DownloadFailed, $"Result URL '{url}' is not http(s); not downloading it.", jobId: jobId);
            var folder = Path.GetDirectoryName(destination) ?? ".";
            var temporary = Path.Combine(folder, "." + Path.GetFileName(destination) + "." + Guid.NewGuid().ToString("N").Substring(0, 8) + ".partial");
            for (var attempt = 1; ; attempt++)
            {
                ShortApiException failure;
                try
                {
                    var bytes = await DownloadOnceAsync(url, temporary, jobId, attempt, cancellationToken).ConfigureAwait(false);
                    MoveIntoPlace(temporary, destination, overwrite);
                    return bytes;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    TryDelete(temporary);
                    throw;
                }
                catch (ShortApiException ex)
                {
                    failure = ex;
                }
                catch (OperationCanceledException ex)
                {
                    failure = new ShortApiException(ShortApiErrorKind.Timeout,
                        $"The download of '{url.GetLeftPart(UriPartial.Path)}' stalled for {_timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s.", jobId: jobId, innerException: ex);
                }
                catch (HttpRequestException ex)
                {
                    failure = new ShortApiException(ShortApiErrorKind.ConnectionFailed,
                        $"The download of '{url.GetLeftPart(UriPartial.Path)}' broke: {ex.GetBaseException().Message}", jobId: jobId, innerException: ex);
                }
                catch (ObjectDisposedException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new ShortApiException(ShortApiErrorKind.Timeout,
                        $"The download of '{url.GetLeftPart(UriPartial.Path)}' stalled for {_timeout.TotalSeconds.ToString("0", CultureInfo.InvariantCulture)} s.", jobId: jobId, innerException: ex);
                }
                catch (IOException ex) when (!(ex is FileExistsException))
                {
                    failure = new ShortApiException(ShortApiErrorKind.ConnectionFailed,
                        $"The download of '{url.GetLeftPart(UriPartial.Path)}' broke: {ex.GetBaseException().Message}", jobId: jobId, innerException: ex);
                }
                catch
                {
                    TryDelete(temporary);
                    throw;
                }
                TryDelete(temporary);
                failure.Attempts = attempt;
                var delay = RetryPolicy.IsRetriable(RequestKind.Download, failure)
                    ? _retry.NextDelay(attempt, failure.RetryAfter, DateTimeOffset.UtcNow, null)
                    : null;
                if (delay == null)
                {
                    var suffix = attempt > 1 ? $" (after {attempt} attempts)" : string.Empty;
                    throw new ShortApiException(ShortApiErrorKind.DownloadFailed, failure.Message + suffix +
                        " No file was left under the final name; run Save-ViduVideo again to retry.",
                        failure.HttpStatus, jobId: jobId, innerException: failure) { Attempts = attempt };
                }
                _log?.Invoke($"Download of '{url.GetLeftPart(UriPartial.Path)}' failed ({failure.Message}); retrying in {delay.Value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s (retry {attempt} of {_retry.MaxRetries}).");
                await Task.Delay(delay.Value, cancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<long> DownloadOnceAsync(Uri url, string temporary, string? jobId, int attempt, CancellationToken cancellationToken)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(_timeout);
            var current = url;
            for (var hop = 0; ; hop++)
            {
                _log?.Invoke($"GET {current.GetLeftPart(UriPartial.Path)} (no credentials){(attempt > 1 ? $" (attempt {attempt})" : string.Empty)}");
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token).ConfigureAwait(false);
                var status = (int)response.StatusCode;
                if (status >= 300 && status <= 399 && response.Headers.Location != null)
                {
                    if (hop >= MaxRedirects)
                        throw new ShortApiException(ShortApiErrorKind.DownloadFailed, $"Too many redirects downloading '{url.GetLeftPart(UriPartial.Path)}'.", status, jobId: jobId);
                    var next = response.Headers.Location.IsAbsoluteUri ? response.Headers.Location : new Uri(current, response.Headers.Location);
                    if (current.Scheme == Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttps)
                        throw new ShortApiException(ShortApiErrorKind.DownloadFailed, $"The download of '{url.GetLeftPart(UriPartial.Path)}' redirects from https to '{next.Scheme}'; refused.", status, jobId: jobId);
                    current = next;
                    continue;
                }
                if (status < 200 || status > 299)
                {
                    var expired = status == 403 || status == 404 || status == 410;
                    throw new ShortApiException(expired ? ShortApiErrorKind.NotFound : ShortApiErrorKind.ServiceError,
                        expired
                            ? $"The result file is gone (HTTP {status}): result links expire after about a day."
                            : $"The result host answered HTTP {status}.",
                        status, jobId: jobId) { RetryAfter = response.Headers.RetryAfter?.Delta };
                }
                var expected = response.Content.Headers.ContentLength;
                long written = 0;
                using (var source = await response.Content.ReadAsStreamAsync().ConfigureAwait(false))
                using (timeout.Token.Register(() => source.Dispose())) // .NET Framework's ReadAsync ignores the token; closing the stream does not
                using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
                {
                    var buffer = new byte[81920];
                    while (true)
                    {
                        timeout.CancelAfter(_timeout); // an inactivity timeout: a large file may take long, a silent server may not
                        var read = await source.ReadAsync(buffer, 0, buffer.Length, timeout.Token).ConfigureAwait(false);
                        if (read == 0) break;
                        await target.WriteAsync(buffer, 0, read, timeout.Token).ConfigureAwait(false);
                        written += read;
                    }
                    await target.FlushAsync(timeout.Token).ConfigureAwait(false);
                }
                if (expected is long length && length != written)
                    throw new IOException($"the connection closed after {written} of {length} bytes");
                if (written == 0)
                    throw new ShortApiException(ShortApiErrorKind.InvalidResponse, "The result host sent an empty file.", status, jobId: jobId);
                return written;
            }
        }

        private static void MoveIntoPlace(string temporary, string destination, bool overwrite)
        {
            if (File.Exists(destination))
            {
                if (!overwrite)
                {
                    TryDelete(temporary);
                    throw new FileExistsException(destination);
                }
                File.Delete(destination);
            }
            File.Move(temporary, destination);
        }

        private static void TryDelete(string path)
        {
            try
            {
                if (File.Exists(path)) File.Delete(path);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
