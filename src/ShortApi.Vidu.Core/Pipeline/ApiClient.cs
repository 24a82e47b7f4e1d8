using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Transport;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Pipeline
{
    /// <summary>
    /// The job API's calls over one request pipeline: create and query (with the key, to the API host only) and result
    /// downloads (through the same pipeline, never with the key). Every failure is a <see cref="ShortApiException"/>.
    /// </summary>
    internal sealed class ApiClient
    {
        private readonly ApiClientOptions _options;
        private readonly HttpPipeline _pipeline;

        public ApiClient(ApiClientOptions options)
        {
            _options = options ?? throw new ArgumentNullException(nameof(options));
            // One mask for everything the client says: the key, the proxy's password, and user:password@ in any URI.
            Func<string, string> redact = options.Proxy == null
                ? text => ProxySettings.RedactUserInfo(options.ApiKey.Redact(text))
                : text => options.Proxy.Redact(options.ApiKey.Redact(text));
            var log = options.Log == null ? (Action<string>?)null : line => options.Log(redact(line));
            var policies = new List<PipelinePolicy>
            {
                new RetryPolicy(options.MaxRetries, options.RetryInterval, options.MaxRetryInterval, options.Random, log, options.Clock),
            };
            if (options.QueryRateLimiter != null) policies.Add(new QueryRateLimitPolicy(options.QueryRateLimiter));
            policies.Add(new SendGatePolicy());
            policies.Add(new PerTryTimeoutPolicy(options.RequestTimeout));
            policies.Add(new BearerKeyPolicy(options.ApiKey, options.BaseUri));
            if (log != null) policies.Add(new LoggingPolicy(log, options.Proxy));
            // The handler is chosen here: the shared client for this proxy (or the default one), unless a test brought its own.
            var http = options.HttpClient ?? SharedHttpClient.For(options.Proxy);
            _pipeline = new HttpPipeline(new HttpTransport(http, redact), policies);
        }

        public Uri BaseUri => _options.BaseUri;

        public ApiClientOptions Options => _options;

        /// <summary>
        /// Sends a paid create. <paramref name="gate"/> admits each try (closed once the caller stops, so nothing goes out
        /// afterwards); <paramref name="beforeFirstSend"/> runs right before the first byte leaves. Waits end on
        /// <paramref name="stop"/>; a try already on the wire is seen through, bounded by the request timeout.
        /// </summary>
        public Task<CreatedJob> CreateJobAsync(CreateJobRequest request, CancellationToken stop, SendGate? gate = null, Action? beforeFirstSend = null)
        {
            var uri = new Uri(_options.BaseUri, "api/v1/job/create");
            var message = new PipelineMessage(RequestKind.Create, $"Create job for '{request.ShortName}'",
                m => new HttpRequestMessage(HttpMethod.Post, uri) { Content = new CreateRequestContent(request, m.Body) }, stop)
            {
                Gate = gate,
                BeforeFirstSend = beforeFirstSend,
            };
            return SendAsync(message, m => Task.FromResult(ServiceAnswer(m, ResponseParser.ParseCreate)));
        }

        /// <summary>Reads a job's status; retried on 429, 5xx, timeouts and dropped connections, never past <paramref name="deadline"/>.</summary>
        public Task<JobSnapshot> QueryJobAsync(string jobId, CancellationToken stop, DateTimeOffset? deadline = null)
        {
            var uri = new Uri(_options.BaseUri, "api/v1/job/query?id=" + Uri.EscapeDataString(jobId));
            var message = new PipelineMessage(RequestKind.Query, $"Query job '{jobId}'", _ => new HttpRequestMessage(HttpMethod.Get, uri), stop)
            {
                JobId = jobId,
                Deadline = deadline,
            };
            return SendAsync(message, m => Task.FromResult(ServiceAnswer(m, (status, text) => ResponseParser.ParseQuery(status, text, jobId))));
        }

        /// <summary>
        /// GETs a result file with no credentials and hands the streaming answer to <paramref name="receive"/> (inside the
        /// retry loop, so a body that breaks is fetched again). The try's timeout restarts whenever receive calls
        /// <see cref="PipelineMessage.ExtendTry"/>, so it bounds silence, not the size of the file.
        /// </summary>
        public Task<T> DownloadAsync<T>(Uri url, string? jobId, CancellationToken stop, Func<PipelineMessage, Task<T>> receive)
        {
            var message = new PipelineMessage(RequestKind.Download, $"Download of '{url.GetLeftPart(UriPartial.Path)}'",
                _ => new HttpRequestMessage(HttpMethod.Get, url), stop)
            {
                JobId = jobId,
                CarriesKey = false,
                BufferResponse = false,
            };
            return SendAsync(message, m =>
            {
                var status = (int)m.Response!.StatusCode;
                // A result host's refusal is not the service's envelope: its page is not read (the answer streams).
                if (status < 200 || status > 299) throw ResultHostErrors.FromStatus(status, m, RetryAfterHeader.Read(m.Response));
                return receive(m);
            });
        }

        /// <summary>
        /// Reads the service's answer: a non-2xx one becomes the refusal its envelope (or its bare page) describes, a
        /// 2xx one is parsed by <paramref name="parse"/> (which also reads a non-zero code in the envelope).
        /// </summary>
        private static T ServiceAnswer<T>(PipelineMessage message, Func<int, string, T> parse)
        {
            var status = (int)message.Response!.StatusCode;
            if (status < 200 || status > 299)
                throw ResponseParser.FromHttpStatus(status, message.ResponseText, message.JobId, RetryAfterHeader.Read(message.Response));
            return parse(status, message.ResponseText);
        }

        private async Task<T> SendAsync<T>(PipelineMessage message, Func<PipelineMessage, Task<T>> interpret)
        {
            using (message)
            {
                return await _pipeline.SendAsync(message, interpret).ConfigureAwait(false);
            }
        }
    }
}
