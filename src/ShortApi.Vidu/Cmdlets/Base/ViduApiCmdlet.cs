using System;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Pipeline;
using ShortApi.Vidu.Transport;
using ShortApi.Vidu.Wire;
using WireApiKey = ShortApi.Vidu.Wire.ApiKey;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// The parameters every cmdlet that talks to the service takes (key, endpoint, proxy, retries, timeout, history),
    /// and the one place they become the core's client and job store.
    /// </summary>
    public abstract class ViduApiCmdlet : ViduCmdlet
    {
        private Uri? _baseUri;
        private JobStore? _store;
        private ProxySettings? _proxy;

        /// <summary>The ShortAPI key. Defaults to $env:SHORTAPI_KEY. Takes a SecureString or a plain string.</summary>
        [Parameter]
        [SecureStringTransformation]
        public SecureString? ApiKey { get; set; }

        /// <summary>The API base URI. Defaults to $env:SHORTAPI_BASE_URL, else https://api.shortapi.ai.</summary>
        [Parameter]
        public string? BaseUri { get; set; }

        /// <summary>How many times a failed request is sent again (a create only when the service certainly did not act).</summary>
        [Parameter]
        [ValidateRange(0, 100)]
        public int MaximumRetryCount { get; set; } = 5;

        /// <summary>The first retry delay in seconds; later ones double, with jitter. A Retry-After from the service wins.</summary>
        [Parameter]
        [ValidateRange(0.0, 600.0)]
        public double RetryIntervalSec { get; set; } = 1;

        /// <summary>How long one request may take, in seconds (for downloads: how long the server may stay silent). Not the whole wait: that is -Timeout.</summary>
        [Parameter]
        [Alias("TimeoutSec")]
        [ValidateRange(1, 3600)]
        public int RequestTimeoutSec { get; set; } = 100;

        /// <summary>A proxy for every request of this command (API calls and downloads), as http://host:port. Without it, the system's proxy settings apply (HTTPS_PROXY, HTTP_PROXY, NO_PROXY in PowerShell 7).</summary>
        [Parameter]
        public Uri? Proxy { get; set; }

        /// <summary>The user name and password for -Proxy (never shown, never recorded). Only with -Proxy.</summary>
        [Parameter]
        [Credential]
        public PSCredential? ProxyCredential { get; set; }

        /// <summary>Signs in to -Proxy as the current user (Negotiate, NTLM). Only with -Proxy, not with -ProxyCredential.</summary>
        [Parameter]
        public SwitchParameter ProxyUseDefaultCredentials { get; set; }

        /// <summary>Keeps this command's jobs out of the local job history.</summary>
        [Parameter]
        public SwitchParameter NoHistory { get; set; }

        /// <summary>The job history file. Defaults to $env:SHORTAPI_HISTORY_PATH, else the user's data folder.</summary>
        [Parameter]
        public string? HistoryPath { get; set; }

        /// <summary>The endpoint, checked in BeginProcessing so a bad one fails before any input is read.</summary>
        internal Uri Endpoint => _baseUri ?? throw new InvalidOperationException("BeginProcessing has not run.");

        /// <summary>The job history, or null when it is turned off.</summary>
        internal JobStore? Store => _store;

        /// <summary>Where the core reports what happens to jobs: the history, or nowhere.</summary>
        internal IJobEvents JobEvents => (IJobEvents?)_store ?? NoJobEvents.Instance;

        /// <inheritdoc />
        protected override void BeginProcessing()
        {
            try
            {
                _baseUri = ApiEndpoint.Resolve(BaseUri);
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidBaseUri(ex, BaseUri));
            }
            _proxy = ResolveProxy();
            _store = OpenHistory(HistoryPath, NoHistory);
        }

        // The same rules as Invoke-RestMethod: a proxy credential means nothing without a proxy, and one way to sign in.
        private ProxySettings? ResolveProxy()
        {
            var credential = ProxyCredential == null || ProxyCredential == PSCredential.Empty ? null : ProxyCredential;
            if (Proxy == null)
            {
                if (credential != null || ProxyUseDefaultCredentials)
                    ThrowTerminatingError(ErrorRecords.InvalidArgument(
                        "-ProxyCredential and -ProxyUseDefaultCredentials need -Proxy: name the proxy they are for, such as -Proxy http://proxy.example.com:8080. Nothing was sent.",
                        null));
                return null;
            }
            if (credential != null && ProxyUseDefaultCredentials)
                ThrowTerminatingError(ErrorRecords.InvalidArgument(
                    "-ProxyCredential and -ProxyUseDefaultCredentials cannot be used together: give one way to sign in to the proxy. Nothing was sent.", null));
            try
            {
                var address = ProxySettings.CheckAddress(Proxy, "-Proxy");
                if (SystemProxy.OnNetFramework && ApiEndpoint.IsLoopback(Endpoint))
                    WriteWarning($"-Proxy is not used for {Endpoint}: Windows PowerShell (.NET Framework) never sends requests for this computer (localhost, 127.0.0.1, ::1) through a proxy.");
                return new ProxySettings(address, credential?.GetNetworkCredential(), ProxyUseDefaultCredentials);
            }
            catch (ArgumentException ex)
            {
                // The target is the address as shown, so a password typed into it does not travel with the error.
                ThrowTerminatingError(ErrorRecords.InvalidArgument(ex.Message + " Nothing was sent.", ProxySettings.Shown(Proxy)));
                return null;
            }
        }

        /// <summary>The key from -ApiKey or the environment, or null when there is none; a key that cannot be sent ends the command.</summary>
        internal WireApiKey? FindApiKey()
        {
            try
            {
                if (ApiKey != null && ApiKey.Length > 0) return new WireApiKey(ToPlainText(ApiKey));
                return WireApiKey.FromEnvironment();
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.InvalidApiKey(ex));
                return null;
            }
        }

        /// <summary>
        /// Ends the command with ShortApi.MissingApiKey unless a key is at hand: called in BeginProcessing by commands
        /// that will need the service, so a pipeline fails before an earlier command in it spends anything.
        /// </summary>
        protected void RequireApiKey()
        {
            var key = FindApiKey();
            if (!WhatIfRequested && key == null) ThrowTerminatingError(ErrorRecords.MissingApiKey());
        }

        /// <summary>A client for the endpoint whose status queries go through <paramref name="queryLimiter"/>; a missing key ends the command.</summary>
        internal ApiClient CreateClient(RequestRateLimiter? queryLimiter)
        {
            var key = FindApiKey();
            if (key == null) ThrowTerminatingError(ErrorRecords.MissingApiKey());
            return new ApiClient(new ApiClientOptions(Endpoint, key!)
            {
                MaxRetries = MaximumRetryCount,
                RetryInterval = TimeSpan.FromSeconds(RetryIntervalSec),
                RequestTimeout = TimeSpan.FromSeconds(RequestTimeoutSec),
                Log = PostVerbose,
                QueryRateLimiter = queryLimiter,
                Proxy = _proxy,
            });
        }

        private static string ToPlainText(SecureString secure)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                // With its length: read up to the first NUL instead, a key with a NUL inside would be sent cut short.
                return Marshal.PtrToStringUni(pointer, secure.Length);
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
