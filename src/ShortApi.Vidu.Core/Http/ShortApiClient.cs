using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;

namespace ShortApi.Vidu.Http
{
    /// <summary>
    /// The two calls of the job API over the shared HttpClient: bearer auth to the API host only, per-request
    /// timeouts, retries per <see cref="RetryPolicy"/>, and every failure as a <see cref="ShortApiException"/>.
    /// </summary>
    public sealed class ShortApiClient
    {
        private readonly ShortApiClientOptions _options;

        /// <summary>Creates a client.</summary>
        public ShortApiClient(ShortApiClientOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
        }

        /// <summary>The API base URI.</summary>
        public Uri BaseUri => _options.BaseUri;

        /// <summary>The options in force.</summary>
        public ShortApiClientOptions Options => _options;

        /// <summary>
        /// Sends a paid create call. It is sent again only when the server certainly did not act on it
        /// (429, 503, a connection that never opened); any other failure after sending becomes
        /// <see cref="ShortApiErrorKind.CreateOutcomeUnknown"/>.
        /// </summary>
        public Task<CreatedJob> CreateJobAsync(CreateJobRequest request, CancellationToken cancellationToken, DateTimeOffset? deadline = null)
        {
            var uri = new Uri(_options.BaseUri, "api/v1/job/create");
            return SendAsync(RequestKind.Create, $"Create job for '{request.Image.ShortName}'",
                () => new HttpRequestMessage(HttpMethod.Post, uri) { Content = new CreateRequestContent(request) },
                (status, body) => ResponseParser.ParseCreate(status, body), null, deadline, cancellationToken);
        }

        /// <summary>Reads a job's status; retried on 429, 5xx, timeouts and dropped connections.</summary>
        public Task<JobSnapshot> QueryJobAsync(string jobId, CancellationToken cancellationToken, DateTimeOffset? deadline = null)
        {
            var uri = new Uri(_options.BaseUri, "api/v1/job/query?id=" + Uri.EscapeDataString(jobId));
            return SendAsync(RequestKind.Query, $"Query job '{jobId}'",
                () => new HttpRequestMessage(HttpMethod.Get, uri),
                (status, body) => ResponseParser.ParseQuery(status, body, jobId), jobId, deadline, cancellationToken);
        }

        private async Task<T> SendAsync<T>(RequestKind kind, string what, Func<HttpRequestMessage> build,
            Func<int, string, T> interpret, string? jobId, DateTimeOffset? deadline, CancellationToken cancellationToken)
        {
            var limiter = kind == RequestKind.Query ? _options.QueryRateLimiter : null;
            for (var attempt = 1; ; attempt++)
            {
                ShortApiException failure;
                try
                {
                    if (limiter != null) await limiter.WaitAsync(cancellationToken).ConfigureAwait(false);
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                    timeout.CancelAfter(_options.RequestTimeout);
                    using var request = build();
                    // The key goes on this request only; the URI was built from BaseUri, so it cannot go elsewhere.
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _options.ApiKey.Value);
                    Log($"{request.Method} {request.RequestUri} (Authorization: Bearer {ApiKey.Mask}){AttemptSuffix(attempt)}");
                    using var response = await _options.HttpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token).ConfigureAwait(false);
                    // Masked before anything reads it: a server that echoes the key must not get it into a message,
                    // an excerpt (which could cut the key so a later mask misses it) or a job's error text.
                    var body = Redact(await response.Content.ReadAsStringAsync().ConfigureAwait(false));
                    var status = (int)response.StatusCode;
                    if (status >= 200 && status <= 299) return interpret(status, body);
                    failure = ResponseParser.FromHttpStatus(status, body, jobId, ReadRetryAfter(response));
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    throw;
                }
                catch (OperationCanceledException ex)
                {
                    failure = new ShortApiException(ShortApiErrorKind.Timeout,
                        $"No answer from {_options.BaseUri.Host} within {Seconds(_options.RequestTimeout)} s. Raise -TimeoutSec, or try again later.",
                        jobId: jobId, innerException: ex);
                }
                catch (HttpRequestException ex)
                {
                    failure = new ShortApiException(ShortApiErrorKind.ConnectionFailed,
                        $"The connection to {_options.BaseUri.Host}:{_options.BaseUri.Port} failed: {ex.GetBaseException().Message} Check -BaseUri or $env:SHORTAPI_BASE_URL and the network.",
                        jobId: jobId, innerException: ex)
                    { ConnectionNeverOpened = ConnectionFailure.NeverOpened(ex) };
                }
                catch (ShortApiException ex)
                {
                    failure = ex;
                }
                catch (Exception ex) when (ex is InvalidOperationException || ex is FormatException || ex is ArgumentException || ex is System.IO.IOException || ex is System.Text.Json.JsonException)
                {
                    // An answer that cannot even be read (an unknown charset, say) is still an answer to a request that
                    // was sent: for a create that means "may exist", never a plain failure that invites a resend.
                    failure = new ShortApiException(ShortApiErrorKind.InvalidResponse,
                        $"The answer from {_options.BaseUri.Host} could not be read: {ex.Message}", jobId: jobId, innerException: ex);
                }

                failure.Attempts = attempt;
                if (!RetryPolicy.IsRetriable(kind, failure)) throw Final(kind, failure);
                if (failure.EffectiveStatus == 429 && failure.RetryAfter is TimeSpan pause)
                    limiter?.PauseUntil(DateTimeOffset.UtcNow + pause);
                var delay = _options.RetryPolicy.NextDelay(attempt, failure.RetryAfter, DateTimeOffset.UtcNow, deadline);
                if (delay == null) throw Final(kind, failure);
                Log($"{what}: {Redact(failure.Message)} Retrying in {Seconds(delay.Value)} s (retry {attempt} of {_options.RetryPolicy.MaxRetries}).");
                await Task.Delay(delay.Value, cancellationToken).ConfigureAwait(false);
            }
        }

        // The error the caller sees: the key masked wherever a server may have echoed it, the attempt count said,
        // and for a create that may have reached the server, the warning that it may exist and was not resent.
        private ShortApiException Final(RequestKind kind, ShortApiException failure)
        {
            var attempts = failure.Attempts > 1 ? $" (after {failure.Attempts} attempts)" : string.Empty;
            var kindOut = failure.Kind;
            var message = failure.Message + attempts;
            if (kind == RequestKind.Create && MayHaveActed(failure))
            {
                kindOut = ShortApiErrorKind.CreateOutcomeUnknown;
                message = "The create request reached the service but did not get a clear answer: " + failure.Message +
                          " The job may or may not exist, and may have been charged. It was not sent again, so that it cannot be paid for twice. " +
                          "Its id is unknown, so only your ShortAPI dashboard can tell: check there before submitting this picture again.";
            }
            return new ShortApiException(kindOut, Redact(message), failure.HttpStatus, failure.ServiceCode,
                failure.ServiceMessage == null ? null : Redact(failure.ServiceMessage), failure.JobId, failure.InnerException)
            {
                RetryAfter = failure.RetryAfter,
                Attempts = failure.Attempts,
                ConnectionNeverOpened = failure.ConnectionNeverOpened,
            };
        }

        private static bool MayHaveActed(ShortApiException failure)
        {
            if (failure.ConnectionNeverOpened) return false;
            var status = failure.EffectiveStatus;
            if (status >= 400 && status <= 499) return false;
            if (status == 503) return false;
            if (failure.Kind == ShortApiErrorKind.ServiceError && status == 0) return false; // a 200 carrying a non-zero code: refused
            return true;
        }

        private static TimeSpan? ReadRetryAfter(HttpResponseMessage response)
        {
            var header = response.Headers.RetryAfter;
            if (header == null) return null;
            if (header.Delta is TimeSpan delta) return delta;
            if (header.Date is DateTimeOffset date)
            {
                var wait = date - DateTimeOffset.UtcNow;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
            return null;
        }

        private string Redact(string text) => _options.ApiKey.Redact(text);

        private void Log(string line) => _options.Log?.Invoke(Redact(line));

        private static string AttemptSuffix(int attempt) => attempt > 1 ? $" (attempt {attempt})" : string.Empty;

        private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
    }
}
