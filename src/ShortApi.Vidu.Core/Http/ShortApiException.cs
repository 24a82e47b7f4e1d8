using System;

namespace ShortApi.Vidu.Http
{
    /// <summary>
    /// The one exception the core throws for service trouble: HTTP status, service code, message and job id
    /// travel together so the cmdlets can build a precise error record.
    /// </summary>
    public sealed class ShortApiException : Exception
    {
        /// <summary>Creates the exception.</summary>
        public ShortApiException(ShortApiErrorKind kind, string message, int? httpStatus = null, string? serviceCode = null,
            string? serviceMessage = null, string? jobId = null, Exception? innerException = null)
            : base(message, innerException)
        {
            Kind = kind;
            HttpStatus = httpStatus;
            ServiceCode = serviceCode;
            ServiceMessage = serviceMessage;
            JobId = jobId;
        }

        /// <summary>What went wrong.</summary>
        public ShortApiErrorKind Kind { get; }

        /// <summary>The HTTP status of the last answer, when there was one.</summary>
        public int? HttpStatus { get; }

        /// <summary>The JSON <c>code</c> of the last answer, when there was one.</summary>
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

        /// <summary>
        /// The HTTP status, or for a 200 whose JSON code looks like an HTTP status (some gateways answer
        /// 200 with {"code":429}) that code; 0 when neither says anything.
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
    }
}
