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
        public CreateOutcome(CreatePlan plan, CreateResult result, VideoJob? job, ShortApiException? error, ShortApiException? recordLost = null)
        {
            Plan = plan;
            Result = result;
            Job = job;
            Error = error;
            RecordLost = recordLost;
        }

        public CreatePlan Plan { get; }

        public CreateResult Result { get; }

        /// <summary>The accepted job (a snapshot), for <see cref="CreateResult.Accepted"/>.</summary>
        public VideoJob? Job { get; }

        /// <summary>For an accepted job charged other than its estimate: says so (the job's Amount holds the charge); else null.</summary>
        public string? ChargeNote =>
            Job?.Amount is decimal amount && amount != Plan.Estimate
                ? $"Job '{Job.JobId}' for '{Plan.Request.ShortName}' was charged {Pricing.Money.Usd(amount)}; the estimate was {Pricing.Money.Usd(Plan.Estimate)}. The job's Amount property holds the charge."
                : null;

        public ShortApiException? Error { get; }

        /// <summary>
        /// Set when this outcome's history line could not be written (a <see cref="ShortApiErrorKind.HistoryWriteFailed"/>
        /// error): the outcome itself stands (an accepted job is still the user's), and the batch stops submitting.
        /// </summary>
        public ShortApiException? RecordLost { get; }

        /// <summary>
        /// Whether this outcome stops the batch from submitting more (key refused, balance empty, access denied, proxy
        /// sign-in missing, or a job history that cannot be written: no paid create goes out without its record).
        /// </summary>
        public bool Halts =>
            RecordLost != null || Error?.Kind == ShortApiErrorKind.HistoryWriteFailed ||
            (Result == CreateResult.Refused && Error != null &&
             (Error.Kind == ShortApiErrorKind.Unauthorized || Error.Kind == ShortApiErrorKind.InsufficientBalance || Error.Kind == ShortApiErrorKind.Forbidden ||
              Error.Kind == ShortApiErrorKind.ProxyAuthenticationRequired));

        /// <summary>The error that halts the batch, when <see cref="Halts"/>.</summary>
        public ShortApiException? HaltError => Error?.Kind == ShortApiErrorKind.HistoryWriteFailed || RecordLost == null ? Error : RecordLost;
    }
}
