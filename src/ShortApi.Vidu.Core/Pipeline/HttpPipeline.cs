using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using ShortApi.Vidu.Transport;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Pipeline
{
    /// <summary>
    /// A chain of small policies over one transport. The last stage sends the try, follows a result link's redirects,
    /// and hands the answer to the caller's interpreter, so the retry policy at the front sees every failure of a try
    /// (a refusal, an answer that cannot be read) in one place.
    /// </summary>
    internal sealed class HttpPipeline
    {
        private readonly PipelinePolicy[] _policies;
        private readonly HttpTransport _transport;

        public HttpPipeline(HttpTransport transport, IEnumerable<PipelinePolicy> policies)
        {
            _transport = transport;
            _policies = new List<PipelinePolicy>(policies).ToArray();
        }

        /// <summary>Sends the message (with retries as the policies decide) and interprets the successful answer.</summary>
        public async Task<T> SendAsync<T>(PipelineMessage message, Func<PipelineMessage, Task<T>> interpret)
        {
            message.Interpret = async m => await interpret(m).ConfigureAwait(false);
            await ProcessAsync(message, 0).ConfigureAwait(false);
            return (T)message.Result!;
        }

        internal Task ProcessAsync(PipelineMessage message, int index) =>
            index < _policies.Length
                ? _policies[index].ProcessAsync(message, new PipelineNext(this, index + 1))
                : SendAndInterpretAsync(message);

        private const int MaxRedirects = 5;

        private async Task SendAndInterpretAsync(PipelineMessage message)
        {
            await _transport.SendAsync(message).ConfigureAwait(false);
            // The API never redirects (the shared client does not follow redirects, so the key cannot be carried
            // elsewhere); result links may, and are followed here by hand, never carrying credentials, never to plain http.
            for (var hop = 0; message.Kind == RequestKind.Download && IsRedirect(message.Response!); hop++)
            {
                var from = message.Request!.RequestUri!;
                var location = message.Response!.Headers.Location!;
                var to = location.IsAbsoluteUri ? location : new Uri(from, location);
                if (hop >= MaxRedirects || (from.Scheme == Uri.UriSchemeHttps && to.Scheme != Uri.UriSchemeHttps))
                    throw new ShortApiException(ShortApiErrorKind.DownloadFailed,
                        hop >= MaxRedirects ? $"{message.What}: too many redirects." : $"{message.What} redirects from https to '{to.Scheme}'; refused.",
                        (int)message.Response.StatusCode, jobId: message.JobId);
                message.RedirectTo(to);
                await _transport.SendAsync(message).ConfigureAwait(false);
            }
            var status = (int)message.Response!.StatusCode;
            // Only a proxy answers 407; for a download the page is not read (it streams), so it is not quoted.
            if (status == 407) throw ProxyRefusal.Create(message, message.BufferResponse ? message.ResponseText : null, tunnel: false);
            // Every other answer, refusals included, is the caller's to read (the API client knows the service's
            // envelope; the pipeline knows only HTTP), still inside the retry loop so a refusal can be retried.
            message.Result = await message.Interpret!(message).ConfigureAwait(false);
        }

        private static bool IsRedirect(System.Net.Http.HttpResponseMessage response)
        {
            var status = (int)response.StatusCode;
            return status >= 300 && status <= 399 && response.Headers.Location != null;
        }
    }
}
