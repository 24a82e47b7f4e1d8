using System.Globalization;

namespace ShortApi.Vidu.Wire
{
    /// <summary>The words for a refused or failed request: what happened and what to do, by status or envelope code.</summary>
    internal static class ErrorDescriptions
    {
        /// <param name="httpStatus">The HTTP status of the answer.</param>
        /// <param name="code">The envelope's non-zero code, or null when the answer was not the service's envelope.</param>
        /// <param name="serviceMessage">The service's own words, if any.</param>
        /// <param name="jobId">The job concerned, for queries.</param>
        /// <param name="excerpt">For a bare page, the start of it (" (it begins: …)."), else null.</param>
        public static ShortApiException Describe(int httpStatus, string? code, string? serviceMessage, string? jobId, string? excerpt)
        {
            var status = httpStatus >= 200 && httpStatus <= 299 && int.TryParse(code, out var numeric) ? numeric : httpStatus;
            // The service's words end as a sentence of their own: it may send "insufficient balance" without a stop.
            var said = string.IsNullOrWhiteSpace(serviceMessage) ? string.Empty : " The service said: " + Sentences.End(serviceMessage);
            var what = $"HTTP {httpStatus}" + (code != null && code != httpStatus.ToString(CultureInfo.InvariantCulture) ? $", code {code}" : string.Empty);
            var page = code == null && excerpt != null && excerpt != "." ? " The answer was not the service's own JSON" + excerpt : string.Empty;
            ShortApiErrorKind kind;
            string finding;
            var advice = string.Empty;
            switch (status)
            {
                case 400:
                case 422:
                    kind = ShortApiErrorKind.InvalidArgument;
                    finding = $"The service refused the arguments ({what}).{said}";
                    advice = "Fix the named argument and submit that picture again.";
                    break;
                case 401:
                    kind = ShortApiErrorKind.Unauthorized;
                    finding = $"The API key was refused ({what}).{said}";
                    advice = "Check -ApiKey or $env:SHORTAPI_KEY; keys are on your ShortAPI dashboard.";
                    break;
                case 402:
                    kind = ShortApiErrorKind.InsufficientBalance;
                    finding = $"The account balance does not cover this job ({what}); nothing was charged for it.{said}";
                    advice = "Top up your ShortAPI balance.";
                    break;
                case 403:
                    kind = ShortApiErrorKind.Forbidden;
                    finding = $"The service refused the request ({what}): the key may lack access to this model, or the balance may be short.{said}";
                    break;
                case 404:
                    kind = ShortApiErrorKind.NotFound;
                    finding = jobId != null
                        ? $"Job '{jobId}' is not known to the service ({what}).{said}"
                        : $"The service does not know this address ({what}).{said}";
                    advice = jobId != null
                        ? "Check the id; jobs made against another endpoint (such as the emulator) are not known here."
                        : "Check -BaseUri.";
                    break;
                case 429:
                    kind = ShortApiErrorKind.RateLimited;
                    finding = $"The service is limiting requests ({what}).{said}";
                    advice = "Lower -ThrottleLimit or -MaxQueryRate, or try again later.";
                    break;
                default:
                    kind = ShortApiErrorKind.ServiceError;
                    if (status >= 500 && status <= 599)
                    {
                        finding = $"The service failed ({what}).{said}";
                        advice = "Try again later.";
                    }
                    else if (httpStatus >= 200 && httpStatus <= 299) finding = $"The service answered with error code {code}.{said}";
                    else finding = $"The service answered {what}.{said}";
                    break;
            }
            finding += page;
            var text = advice.Length == 0 ? finding : finding + " " + advice;
            return new ShortApiException(kind, text, httpStatus, code, serviceMessage, jobId, finding: finding);
        }
    }
}
