namespace ShortApi.Vidu.Batches
{
    /// <summary>How one create ended.</summary>
    internal enum CreateResult
    {
        /// <summary>The service made the job (and charged it).</summary>
        Accepted,

        /// <summary>The service certainly did not act: refused in its own envelope, a 4xx, or the request never fully left.</summary>
        Refused,

        /// <summary>It fully left and got no clear answer: it may or may not have made a paid job.</summary>
        Unconfirmed,

        /// <summary>It was never sent (or a resend was never sent): the command stopped first.</summary>
        NotSent,
    }

    /// <summary>The end of one create: the job for an accepted one, the error otherwise, and the plan it came from.</summary>
    internal sealed class CreateOutcome
    {
        public CreateOutcome(CreatePlan plan, CreateResult result, VideoJob? job, ShortApiException? error)
        {
            Plan = plan;
            Result = result;
            Job = job;
            Error = error;
        }

        public CreatePlan Plan { get; }

        public CreateResult Result { get; }

        /// <summary>The accepted job (a snapshot), for <see cref="CreateResult.Accepted"/>.</summary>
        public VideoJob? Job { get; }

        public ShortApiException? Error { get; }

        /// <summary>Whether this outcome stops the batch from submitting more (key refused, balance empty, access denied, proxy sign-in missing).</summary>
        public bool Halts =>
            Result == CreateResult.Refused && Error != null &&
            (Error.Kind == ShortApiErrorKind.Unauthorized || Error.Kind == ShortApiErrorKind.InsufficientBalance || Error.Kind == ShortApiErrorKind.Forbidden ||
             Error.Kind == ShortApiErrorKind.ProxyAuthenticationRequired);
    }
}
