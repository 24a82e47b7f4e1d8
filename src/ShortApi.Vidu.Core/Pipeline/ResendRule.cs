using System;
using System.Globalization;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Pipeline
{
    /// <summary>
    /// The money rule and the retry rule, stated once, with the words for a create whose outcome is unknown. A create is sent again only when the service certainly did not
    /// act on it AND trying again can help: a 429; a refusal in the service's own JSON envelope that says "busy" (5xx
    /// or 3000 codes); or a request that never fully left (connection never opened, body not completely written). Any
    /// other failure after a create fully left, a bare 5xx page from a gateway included, may have made the job.
    /// A 408 says the server gave up waiting for the request, so it too is a refusal worth sending again.
    /// Queries and downloads are safe to repeat, so every transient failure is retried. A proxy's 407 is never retried
    /// (the same request gets the same answer), and for a create it is a refusal: nothing got past the proxy.
    /// </summary>
    internal static class ResendRule
    {
        /// <summary>
        /// Whether the service certainly did not act: the connection never opened, the body never fully left, the
        /// service refused in its own envelope, or a 4xx status said the request was not accepted (a gateway's bare
        /// 5xx page, a timeout or a dropped connection after the body left say nothing of the kind).
        /// </summary>
        public static bool CertainlyNotActed(ShortApiException failure) =>
            failure.ConnectionNeverOpened || failure.RequestIncomplete || failure.ServiceRefused ||
            (failure.HttpStatus is int status && status >= 400 && status <= 499);

        /// <summary>The envelope code third-party clients read as "upstream temporarily unavailable, retry later".</summary>
        public const string UpstreamBusyCode = "3000";

        public static bool IsRetriable(RequestKind kind, ShortApiException failure)
        {
            if (failure.Kind == ShortApiErrorKind.ImageChanged || failure.Kind == ShortApiErrorKind.SaveFailed ||
                failure.Kind == ShortApiErrorKind.NotSent || failure.Kind == ShortApiErrorKind.FileExists ||
                failure.Kind == ShortApiErrorKind.ProxyAuthenticationRequired) return false;
            if (kind == RequestKind.Create && !failure.CertainlyNotActed) return false;
            if (failure.ConnectionNeverOpened || failure.RequestIncomplete) return true;
            var status = failure.EffectiveStatus;
            if (status == 408 || status == 429) return true;
            if (failure.ServiceCode == UpstreamBusyCode) return true;
            if (status >= 500 && status <= 599) return kind != RequestKind.Create || failure.ServiceRefused;
            if (kind == RequestKind.Create) return false;
            return failure.Kind == ShortApiErrorKind.Timeout || failure.Kind == ShortApiErrorKind.ConnectionFailed ||
                   failure.Kind == ShortApiErrorKind.InvalidResponse;
        }

        /// <summary>Whether a create that ended with this failure may have made a (paid) job.</summary>
        public static bool MayHaveCreated(ShortApiException failure) => !CertainlyNotActed(failure);

        /// <summary>
        /// The error a request ends with once no more tries will be made: for a create that may have made a job, an
        /// Unconfirmed outcome that says it was not sent again and where to check (quoting only what happened, not the
        /// failure's own "try again later"); otherwise the failure, with the number of tries when there were several.
        /// </summary>
        public static ShortApiException Final(RequestKind kind, ShortApiException failure)
        {
            if (kind == RequestKind.Create && MayHaveCreated(failure))
            {
                return failure.With(ShortApiErrorKind.CreateOutcomeUnknown,
                    "The create request fully reached the service but got no clear answer: " + Sentences.End(failure.Finding) +
                    " The job may or may not exist, and may have been charged. It was not sent again, so that it cannot be paid for twice. " +
                    "It is recorded as Unconfirmed in the job history; only your ShortAPI dashboard can tell, so check there before submitting this picture again.");
            }
            if (failure.Attempts <= 1) return failure;
            return failure.With(failure.Kind, failure.Message + $" (after {failure.Attempts.ToString(CultureInfo.InvariantCulture)} attempts)");
        }
    }
}
