using System;

namespace ShortApi.Vidu
{
    /// <summary>
    /// The one exception the core throws for service trouble: HTTP status, service code, message and job id travel
    /// together, with what is known about whether the service can have acted on the request.
    /// </summary>
    public sealed class ShortApiException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public ShortApiException(ShortApiErrorKind kind, string message, int? httpStatus = null, string? serviceCode = null,
            string? serviceMessage = null, string? jobId = null, Exception? innerException = null, string? finding = null)
            : base(message, innerException)
        {
            Finding = finding ?? message;
            Kind = kind;
            HttpStatus = httpStatus;
            ServiceCode = serviceCode;
            ServiceMessage = serviceMessage;
            JobId = jobId;
        }

        /// <summary>What went wrong.</summary>
        public ShortApiErrorKind Kind { get; }

        /// <summary>
        /// What happened, without the advice that follows it in <see cref="Exception.Message"/>: a message that
        /// gives its own advice (an Unconfirmed create's "check before you submit again") quotes this, so the user is
        /// not also told to "try again later".
        /// </summary>
        public string Finding { get; }

        /// <summary>The HTTP status of the last answer, when there was one.</summary>
        public int? HttpStatus { get; }

        /// <summary>The JSON <c>code</c> of the last answer, when the answer was the service's own envelope.</summary>
        public string? ServiceCode { get; }

        /// <summary>The service's own words (msg, message, info or error.message).</summary>
        public string? ServiceMessage { get; }

        /// <summary>The job concerned, when known.</summary>
        public string? JobId { get; }

        /// <summary>How long the service asked to wait before trying again, when it said.</summary>
        public TimeSpan? RetryAfter { get; internal set; }

        /// <summary>How many times the request was sent before giving up.</summary>
        public int Attempts { get; internal set; } = 1;

        /// <summary>True when the connection was never established, so the server cannot have acted.</summary>
        public bool ConnectionNeverOpened { get; internal set; }

        /// <summary>True when the request body had not been written completely, so the server cannot have acted on it.</summary>
        public bool RequestIncomplete { get; internal set; }

        /// <summary>True when the answer was the service's own JSON envelope with a non-zero code: the service refused.</summary>
        public bool ServiceRefused { get; internal set; }

        /// <summary>
        /// The HTTP status, or for a 2xx whose envelope code looks like an HTTP status (some gateways answer 200 with
        /// {"code":429}) that code; 0 when neither says anything.
        /// </summary>
        public int EffectiveStatus
        {
            get
            {
                if (HttpStatus is int http && (http < 200 || http > 299)) return http;
                if (int.TryParse(ServiceCode, out var code) && code >= 400 && code <= 599) return code;
                return 0;
            }
        }

        /// <summary>
        /// Whether the service certainly did not act on the request: the connection never opened, the body never
        /// fully left, the service refused in its own envelope, or a 4xx status said the request was not accepted.
        /// The rule itself, with the rest of the money rule, is in <see cref="Pipeline.ResendRule"/>.
        /// </summary>
        public bool CertainlyNotActed => Pipeline.ResendRule.CertainlyNotActed(this);

        internal ShortApiException With(ShortApiErrorKind kind, string message) =>
            new ShortApiException(kind, message, HttpStatus, ServiceCode, ServiceMessage, JobId, InnerException, Finding)
            {
                RetryAfter = RetryAfter,
                Attempts = Attempts,
                ConnectionNeverOpened = ConnectionNeverOpened,
                RequestIncomplete = RequestIncomplete,
                ServiceRefused = ServiceRefused,
            };
    }
}
