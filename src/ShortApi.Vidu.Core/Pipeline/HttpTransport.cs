using System;
using System.Net.Http;
using System.Threading.Tasks;
using ShortApi.Vidu.Transport;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Pipeline
{
    /// <summary>
    /// The pipeline's last stage (so it lives with the pipeline; Transport holds only the HTTP plumbing and never sees a
    /// pipeline message). Sends one try over the shared HttpClient and says, for a failure, whether the request can have reached the
    /// server: a connection that never opened, or a body that never completely left, cannot have been acted on.
    /// </summary>
    internal sealed class HttpTransport
    {
        private readonly HttpClient _http;
        private readonly Func<string, string> _redact;

        public HttpTransport(HttpClient http, Func<string, string> redact)
        {
            _http = http;
            _redact = redact;
        }

        public async Task SendAsync(PipelineMessage message)
        {
            var request = message.Request ?? throw new InvalidOperationException("BeginTry was not called.");
            try
            {
                var completion = message.BufferResponse ? HttpCompletionOption.ResponseContentRead : HttpCompletionOption.ResponseHeadersRead;
                message.Response = await _http.SendAsync(request, completion, message.TryToken).ConfigureAwait(false);
                if (message.BufferResponse)
                {
                    // Masked before anything reads it: a server that echoes the key must not get it into a message,
                    // an excerpt (which could cut the key so a later mask misses it) or a job's error text.
                    message.ResponseText = _redact(await message.Response.Content.ReadAsStringAsync().ConfigureAwait(false));
                }
            }
            catch (HttpRequestException ex)
            {
                if (message.Body.LocalFailure != null) throw message.Body.LocalFailure;
                if (ConnectionFailure.ProxyWantsCredentials(ex)) throw ProxyRefusal.Create(message, null, tunnel: true, ex);
                // .NET quotes the proxy's URI in some messages, and one from HTTPS_PROXY may carry a password.
                var incomplete = message.HasBody && !message.Body.Complete;
                var failed = Sentences.End($"The connection to {request.RequestUri!.Host}:{request.RequestUri.Port} failed: {_redact(ex.GetBaseException().Message)}");
                if (incomplete) failed += " The upload did not finish, so nothing was created.";
                throw new ShortApiException(ShortApiErrorKind.ConnectionFailed, failed, jobId: message.JobId, innerException: ex)
                {
                    ConnectionNeverOpened = ConnectionFailure.NeverOpened(ex),
                    RequestIncomplete = incomplete,
                };
            }
            catch (NotSupportedException ex) when (message.Response == null)
            {
                if (message.Body.LocalFailure != null) throw message.Body.LocalFailure;
                // The handler refuses a setting it cannot use (an https proxy on .NET Framework) before anything leaves.
                throw new ShortApiException(ShortApiErrorKind.ConnectionFailed,
                    $"The request to {request.RequestUri!.Host} could not be sent: {_redact(ex.Message)}", jobId: message.JobId, innerException: ex)
                {
                    ConnectionNeverOpened = true,
                };
            }
            catch (Exception ex) when (ex is InvalidOperationException || ex is FormatException || ex is ArgumentException || ex is System.IO.IOException)
            {
                if (message.Body.LocalFailure != null) throw message.Body.LocalFailure;
                // An answer that cannot even be read (an unknown charset, say) is still an answer to a request that was
                // sent: for a create that means "may exist", never a plain failure that invites a resend.
                throw new ShortApiException(ShortApiErrorKind.InvalidResponse,
                    $"The answer from {request.RequestUri!.Host} could not be read: {_redact(ex.Message)}", jobId: message.JobId, innerException: ex)
                {
                    RequestIncomplete = message.HasBody && !message.Body.Complete,
                };
            }
        }
    }
}
