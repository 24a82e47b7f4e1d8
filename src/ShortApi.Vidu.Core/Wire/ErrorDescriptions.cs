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
            var said = string.IsNullOrWhiteSpace(serviceMessage) ? string.Empty : $" The service said: {serviceMessage}";
            var what = $"HTTP {httpStatus}" + (code != null && code != httpStatus.ToString(CultureInfo.InvariantCulture) ? $", code {code}" : string.Empty);
            var page = code == null && excerpt != null && excerpt != "." ? " The answer was not the service's own JSON" + excerpt : string.Empty;
            ShortApiErrorKind kind;
            string text;
            switch (status)
            {
                case 400:
                case 422:
                    kind = ShortApiErrorKind.InvalidArgument;
                    text = $"The service refused the arguments ({what}).{said} Fix the named argument and submit that picture again.";
                    break;
                case 401:
                    kind = ShortApiErrorKind.Unauthorized;
                    text = $"The API key was refused ({what}).{said} Check -ApiKey or $env:SHORTAPI_KEY; keys are on your ShortAPI dashboard.";
                    break;
                case 402:
                    kind = ShortApiErrorKind.InsufficientBalance;
                    text = $"The account balance does not cover this job ({what}); nothing was charged for it.{said} Top up your ShortAPI balance.";
                    break;
                case 403:
                    kind = ShortApiErrorKind.Forbidden;
                    text = $"The service refused the request ({what}): the key may lack access to this model, or the balance may be short.{said}";
                    break;
                case 404:
                    kind = ShortApiErrorKind.NotFound;
                    text = jobId != null
                        ? $"Job '{jobId}' is not known to the service ({what}). Check the id; jobs made against another endpoint (such as the emulator) are not known here.{said}"
                        : $"The service does not know this address ({what}). Check -BaseUri.{said}";
                    break;
                case 429:
                    kind = ShortApiErrorKind.RateLimited;
                    text = $"The service is limiting requests ({what}).{said} Lower -ThrottleLimit or -MaxQueryRate, or try again later.";
                    break;
                default:
                    kind = ShortApiErrorKind.ServiceError;
                    if (status >= 500 && status <= 599) text = $"The service failed ({what}).{said} Try again later.";
                    else if (httpStatus >= 200 && httpStatus <= 299) text = $"The service answered with error code {code}.{said}";
                    else text = $"The service answered {what}.{said}";
                    break;
            }
            return new ShortApiException(kind, text + page, httpStatus, code, serviceMessage, jobId);
        }
    }
}
