using System;
using System.Management.Automation;
using System.Runtime.InteropServices;
using System.Security;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Http;
using HttpApiKey = ShortApi.Vidu.Http.ApiKey;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// The parameters every cmdlet that talks to the service takes (key, endpoint, retries, timeout, history),
    /// and the one place they become a <see cref="ShortApiClient"/>.
    /// </summary>
    public abstract class ViduApiCmdlet : ViduCmdlet
    {
        private Uri? _baseUri;
        private JobHistory? _history;
        private bool _historyOpened;

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

        /// <summary>How long one request may take, in seconds.</summary>
        [Parameter]
        [ValidateRange(1, 3600)]
        public int TimeoutSec { get; set; } = 100;

        /// <summary>Keeps this command's jobs out of the local job history.</summary>
        [Parameter]
        public SwitchParameter NoHistory { get; set; }

        /// <summary>The job history file. Defaults to $env:SHORTAPI_HISTORY_PATH, else the user's data folder.</summary>
        [Parameter]
        public string? HistoryPath { get; set; }

        /// <summary>The endpoint, checked in BeginProcessing so a bad one fails before any input is read.</summary>
        protected Uri Endpoint => _baseUri ?? throw new InvalidOperationException("BeginProcessing has not run.");

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
        }

        /// <summary>The job history, or null when turned off; a history that cannot be opened is a warning, not a failure.</summary>
        protected JobHistory? History
        {
            get
            {
                if (_historyOpened) return _history;
                _historyOpened = true;
                var path = HistoryPath == null ? null : SessionState.Path.GetUnresolvedProviderPathFromPSPath(HistoryPath);
                _history = JobHistory.Open(path, NoHistory.IsPresent);
                return _history;
            }
        }

        /// <summary>The key from -ApiKey or the environment, or null when there is none.</summary>
        protected HttpApiKey? FindApiKey()
        {
            if (ApiKey != null && ApiKey.Length > 0) return new HttpApiKey(ToPlainText(ApiKey));
            return HttpApiKey.FromEnvironment();
        }

        /// <summary>
        /// Ends the command with ShortApi.MissingApiKey unless a key is at hand: called in BeginProcessing by commands
        /// that will need the service, so a pipeline fails before an earlier command in it spends anything.
        /// </summary>
        protected void RequireApiKey()
        {
            if (!WhatIfRequested && FindApiKey() == null) ThrowTerminatingError(ErrorRecords.MissingApiKey());
        }

        /// <summary>
        /// A client for the endpoint whose status queries go through the process's shared rate limiter (its cap set
        /// to <paramref name="maxQueriesPerSecond"/> when given); a missing key ends the command with ShortApi.MissingApiKey.
        /// </summary>
        protected ShortApiClient CreateClient(double? maxQueriesPerSecond = null)
        {
            var key = FindApiKey();
            if (key == null) ThrowTerminatingError(ErrorRecords.MissingApiKey());
            return CreateClient(key!, maxQueriesPerSecond);
        }

        /// <summary>A client with a known key.</summary>
        protected ShortApiClient CreateClient(HttpApiKey key, double? maxQueriesPerSecond)
        {
            var options = new ShortApiClientOptions(Endpoint, key)
            {
                RetryPolicy = new RetryPolicy(MaximumRetryCount, TimeSpan.FromSeconds(RetryIntervalSec)),
                RequestTimeout = TimeSpan.FromSeconds(TimeoutSec),
                Log = PostVerbose,
                QueryRateLimiter = RequestRateLimiter.ForEndpoint(Endpoint, maxQueriesPerSecond),
            };
            return new ShortApiClient(options);
        }

        /// <summary>Appends to the history without ever failing the command: a paid job must still be emitted.</summary>
        protected void TryRecord(Action<JobHistory> write)
        {
            var history = History;
            if (history == null) return;
            try
            {
                write(history);
            }
            catch (Exception ex)
            {
                // Deliberately broad: whatever goes wrong with the history, a job the service accepted must still be emitted.
                PostWarning($"Could not write the job history at '{history.FilePath}': {ex.Message}. Keep the job objects (for example with Export-Clixml) until this is fixed.");
            }
        }

        private static string ToPlainText(SecureString secure)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return Marshal.PtrToStringUni(pointer) ?? string.Empty;
            }
            finally
            {
                if (pointer != IntPtr.Zero) Marshal.ZeroFreeGlobalAllocUnicode(pointer);
            }
        }
    }
}
