using System;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Pipeline
{
    /// <summary>
    /// One logical request on its way through the pipeline, across all its tries: what it is (which decides whether it
    /// may be sent again), how to build each try, the tokens that stop it, and what the current try got to.
    /// </summary>
    internal sealed class PipelineMessage : IDisposable
    {
        private readonly Func<PipelineMessage, HttpRequestMessage> _build;

        public PipelineMessage(RequestKind kind, string what, Func<PipelineMessage, HttpRequestMessage> build, CancellationToken stop)
        {
            Kind = kind;
            What = what;
            _build = build;
            StopToken = stop;
        }

        public RequestKind Kind { get; }

        /// <summary>Names the request in log lines and errors ("Create job for 'cat.png'").</summary>
        public string What { get; }

        /// <summary>The job a query or download belongs to, for error texts.</summary>
        public string? JobId { get; set; }

        /// <summary>
        /// Ends every wait (rate limit, Retry-After, backoff) at once. Queries and downloads are also abandoned on the
        /// wire; a create already on the wire is seen through, bounded by its per-try timeout, because it may be charged.
        /// </summary>
        public CancellationToken StopToken { get; }

        /// <summary>What cancels a try in flight, before the per-try timeout is added.</summary>
        public CancellationToken SendToken => Kind == RequestKind.Create ? CancellationToken.None : StopToken;

        /// <summary>The current try's token: <see cref="SendToken"/> plus the per-try timeout.</summary>
        public CancellationToken TryToken { get; set; }

        /// <summary>Restarts the per-try timeout (downloads use it as an inactivity timeout while the body streams).</summary>
        public Action? ExtendTry { get; set; }

        /// <summary>No retry waits past this moment (the caller's -Timeout).</summary>
        public DateTimeOffset? Deadline { get; set; }

        /// <summary>Whether the API key may go on this request at all (never for result downloads).</summary>
        public bool CarriesKey { get; set; } = true;

        /// <summary>API answers are read whole (they are small); downloads stream.</summary>
        public bool BufferResponse { get; set; } = true;

        /// <summary>Admits each try onto the wire, or refuses once the batch has stopped.</summary>
        public SendGate? Gate { get; set; }

        /// <summary>Runs once, right before the first try goes out (the job store writes its "sending" line).</summary>
        public Action? BeforeFirstSend { get; set; }

        /// <summary>1 for the first try.</summary>
        public int Attempt { get; internal set; }

        public HttpRequestMessage? Request { get; private set; }

        public HttpResponseMessage? Response { get; internal set; }

        /// <summary>The answer's text for API calls, with the key masked before anything reads it.</summary>
        public string ResponseText { get; internal set; } = string.Empty;

        /// <summary>How far the current try's body got.</summary>
        public RequestBodyState Body { get; private set; } = new RequestBodyState();

        internal Func<PipelineMessage, Task<object?>>? Interpret { get; set; }

        internal object? Result { get; set; }

        /// <summary>Starts a fresh try: a new request (a request object can be sent only once) and a new body state.</summary>
        internal HttpRequestMessage BeginTry()
        {
            EndTry();
            Body = new RequestBodyState();
            Request = _build(this);
            return Request;
        }

        /// <summary>Replaces the current try's request with a plain GET of another address (a download's redirect).</summary>
        internal void RedirectTo(Uri target)
        {
            EndTry();
            Request = new HttpRequestMessage(HttpMethod.Get, target);
        }

        internal void EndTry()
        {
            Response?.Dispose();
            Response = null;
            Request?.Dispose();
            Request = null;
            ResponseText = string.Empty;
        }

        /// <summary>Whether this try carries a body whose completeness matters.</summary>
        internal bool HasBody => Request?.Content != null;

        public void Dispose() => EndTry();
    }
}
