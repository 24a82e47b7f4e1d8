using System;

namespace ShortApi.Vidu.Pipeline
{
    /// <summary>What a refusal from the result host (the CDN) means: a gone link, or trouble worth trying again.</summary>
    internal static class ResultHostErrors
    {
        public static ShortApiException FromStatus(int status, PipelineMessage message, TimeSpan? retryAfter)
        {
            var gone = status == 403 || status == 404 || status == 410;
            var text = gone
                ? $"{message.What}: the result file is gone (HTTP {status}); result links expire after about a day."
                : $"{message.What}: the result host answered HTTP {status}.";
            return new ShortApiException(gone ? ShortApiErrorKind.NotFound : status == 429 ? ShortApiErrorKind.RateLimited : ShortApiErrorKind.ServiceError,
                text, status, jobId: message.JobId) { RetryAfter = retryAfter };
        }
    }
}
