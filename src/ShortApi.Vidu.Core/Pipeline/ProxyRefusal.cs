using System;

namespace ShortApi.Vidu.Pipeline
{
    /// <summary>
    /// The error for a proxy that wants credentials (HTTP 407), whether it said so in an answer (plain http, where the
    /// proxy forwards requests) or by refusing the tunnel an https address needs. Either way the request stopped at the
    /// proxy: it certainly did not reach the service, so even a create is "not sent" rather than "may exist". It is not
    /// retried, because the same request would get the same answer.
    /// </summary>
    internal static class ProxyRefusal
    {
        public static ShortApiException Create(PipelineMessage message, string? proxyPage, bool tunnel, Exception? inner = null)
        {
            var host = message.Request?.RequestUri?.Host ?? "the service";
            // The proxy's own page often says what it wants (a domain, a sign-in portal); its text is already masked.
            var page = (proxyPage ?? string.Empty).Trim().Replace("\r", " ").Replace("\n", " ");
            if (page.Length > 120) page = page.Substring(0, 120) + "…";
            var said = page.Length == 0 ? "." : $"; its page says: \"{page}\".";
            var how = tunnel ? "refused to open a connection to " + host : "answered instead of " + host;
            return new ShortApiException(ShortApiErrorKind.ProxyAuthenticationRequired,
                $"{message.What}: the proxy {how} and asked for credentials (HTTP 407){said} Nothing reached {host}" +
                (message.Kind == Wire.RequestKind.Create ? ", so nothing was created or charged. " : ". ") +
                "Pass -Proxy with -ProxyCredential (or -ProxyUseDefaultCredentials to sign in as yourself); if you did, the proxy refused that credential.",
                407, jobId: message.JobId, innerException: inner)
            {
                ConnectionNeverOpened = tunnel,
            };
        }
    }
}
