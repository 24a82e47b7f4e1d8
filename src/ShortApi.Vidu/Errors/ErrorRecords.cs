using System;
using System.Management.Automation;
using ShortApi.Vidu.Batches;
using ShortApi.Vidu.Images;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// Turns the core's exceptions into ErrorRecords with a specific id, the right category and the input item as
    /// target, so scripts can tell failures apart (-ErrorVariable, $_.FullyQualifiedErrorId).
    /// </summary>
    internal static partial class ErrorRecords
    {
        public static ErrorRecord FromApi(ShortApiException exception, object? target)
        {
            var (id, category) = exception.Kind switch
            {
                ShortApiErrorKind.InvalidArgument => ("ShortApi.InvalidArgument", ErrorCategory.InvalidArgument),
                ShortApiErrorKind.Unauthorized => ("ShortApi.Unauthorized", ErrorCategory.AuthenticationError),
                ShortApiErrorKind.InsufficientBalance => ("ShortApi.InsufficientBalance", ErrorCategory.QuotaExceeded),
                ShortApiErrorKind.Forbidden => ("ShortApi.Forbidden", ErrorCategory.PermissionDenied),
                ShortApiErrorKind.NotFound => ("ShortApi.JobNotFound", ErrorCategory.ObjectNotFound),
                ShortApiErrorKind.RateLimited => ("ShortApi.RateLimited", ErrorCategory.LimitsExceeded),
                ShortApiErrorKind.ServiceError => ("ShortApi.ServiceError", ErrorCategory.ResourceUnavailable),
                ShortApiErrorKind.InvalidResponse => ("ShortApi.InvalidResponse", ErrorCategory.InvalidResult),
                ShortApiErrorKind.Timeout => ("ShortApi.Timeout", ErrorCategory.OperationTimeout),
                ShortApiErrorKind.ConnectionFailed => ("ShortApi.ConnectionFailed", ErrorCategory.ConnectionError),
                ShortApiErrorKind.CreateOutcomeUnknown => ("ShortApi.CreateOutcomeUnknown", ErrorCategory.OperationStopped),
                ShortApiErrorKind.JobFailed => ("ShortApi.JobFailed", ErrorCategory.InvalidResult),
                ShortApiErrorKind.DownloadFailed => ("ShortApi.DownloadFailed", ErrorCategory.ConnectionError),
                ShortApiErrorKind.SaveFailed => ("ShortApi.SaveFailed", ErrorCategory.WriteError),
                ShortApiErrorKind.FileExists => ("ShortApi.FileExists", ErrorCategory.ResourceExists),
                ShortApiErrorKind.ImageChanged => ("ShortApi.ImageChanged", ErrorCategory.ReadError),
                ShortApiErrorKind.NotSent => ("ShortApi.NotSent", ErrorCategory.OperationStopped),
                ShortApiErrorKind.ProxyAuthenticationRequired => ("ShortApi.ProxyAuthenticationRequired", ErrorCategory.AuthenticationError),
                ShortApiErrorKind.HistoryWriteFailed => (HistoryWriteFailedId, ErrorCategory.WriteError),
                _ => ("ShortApi.ServiceError", ErrorCategory.NotSpecified),
            };
            return new ErrorRecord(exception, id, category, target);
        }

        /// <summary>
        /// Whether a failure ends the whole command rather than one item: the key was refused, or a proxy wants credentials
        /// it does not have. Every further request would fail the same way.
        /// </summary>
        public static bool EndsCommand(ShortApiException error) =>
            error.Kind == ShortApiErrorKind.Unauthorized || error.Kind == ShortApiErrorKind.ProxyAuthenticationRequired;

        /// <summary>A create that did not end with a job: the error names the picture and says what was (not) charged.</summary>
        public static ErrorRecord FromCreate(CreateOutcome outcome)
        {
            var error = outcome.Error!;
            if (error.Kind == ShortApiErrorKind.HistoryWriteFailed) return HistoryHalt(error, outcome.Plan.Tag, notSent: true);
            var record = FromApi(error, outcome.Plan.Tag);
            var name = outcome.Plan.Request.ShortName;
            var halt = outcome.Halts
                ? " Submitting stopped here: pictures after it are not sent (each gets its own ShortApi.NotSent error), and jobs already accepted in this run continue down the pipeline."
                : string.Empty;
            record.ErrorDetails = new ErrorDetails($"'{name}': {error.Message}{halt}");
            return record;
        }

        /// <summary>A picture not sent because the batch stopped submitting (key refused, balance empty).</summary>
        public static ErrorRecord NotSent(CreatePlan plan, ShortApiException? reason)
        {
            var why = reason == null ? "the command was stopped" : reason.Kind switch
            {
                ShortApiErrorKind.InsufficientBalance => "the account balance ran out earlier in this run",
                ShortApiErrorKind.Unauthorized => "the API key was refused earlier in this run",
                ShortApiErrorKind.ProxyAuthenticationRequired => "the proxy asked for credentials earlier in this run",
                ShortApiErrorKind.HistoryWriteFailed => "the job history could not be written earlier in this run",
                _ => "the service refused this key earlier in this run",
            };
            var exception = new ShortApiException(ShortApiErrorKind.NotSent,
                $"Not sent: '{plan.Request.Display ?? plan.Request.ShortName}', because {why}. Nothing was charged for it. " +
                "Once that is fixed, submit only the pictures that were not sent (these errors' TargetObject, for example with -ErrorVariable), " +
                "not the whole batch again: the jobs accepted before are paid for, and Get-ViduVideoJob -LastBatch -Unsaved | Save-ViduVideo collects them.",
                innerException: reason);
            return new ErrorRecord(exception, "ShortApi.NotSent", ErrorCategory.OperationStopped, plan.Tag);
        }

        public static ErrorRecord FromImage(ImageValidationException exception, object? target)
        {
            var (id, category) = exception.Problem switch
            {
                ImageProblem.NotFound => ("ShortApi.ImageNotFound", ErrorCategory.ObjectNotFound),
                ImageProblem.IsDirectory => ("ShortApi.ImageIsFolder", ErrorCategory.InvalidArgument),
                ImageProblem.Empty => ("ShortApi.ImageEmpty", ErrorCategory.InvalidData),
                ImageProblem.NotAnImage => ("ShortApi.ImageNotRecognized", ErrorCategory.InvalidData),
                ImageProblem.UnsupportedFormat => ("ShortApi.ImageUnsupportedFormat", ErrorCategory.InvalidData),
                ImageProblem.TooLarge => ("ShortApi.ImageTooLarge", ErrorCategory.LimitsExceeded),
                ImageProblem.AspectRatio => ("ShortApi.ImageAspectRatio", ErrorCategory.InvalidData),
                ImageProblem.InvalidUrl => ("ShortApi.InvalidImageUrl", ErrorCategory.InvalidArgument),
                ImageProblem.Corrupt => ("ShortApi.ImageCorrupt", ErrorCategory.InvalidData),
                ImageProblem.InvalidDataUri => ("ShortApi.InvalidImageDataUri", ErrorCategory.InvalidArgument),
                _ => ("ShortApi.ImageUnreadable", ErrorCategory.ReadError),
            };
            return new ErrorRecord(exception, id, category, target);
        }

        public static ErrorRecord InvalidArgument(string message, object? target, string id = "ShortApi.InvalidArgument") =>
            new ErrorRecord(new ArgumentException(message), id, ErrorCategory.InvalidArgument, target);

        public static ErrorRecord InvalidJobId(string? jobId, object? target) =>
            InvalidArgument(
                $"'{jobId}' is not a job id. Pass the JobId of a job from New-ViduVideoJob or Get-ViduVideoJob (ids are letters, digits, '-', '_', '.' or ':').",
                target ?? jobId, "ShortApi.InvalidJobId");

        /// <summary>A piped object that is not a job, a job id, or anything with a JobId property.</summary>
        public static ErrorRecord NotAJob(object? target)
        {
            var value = target is PSObject wrapped ? wrapped.BaseObject : target;
            var type = value?.GetType().FullName ?? "null";
            return new ErrorRecord(new ArgumentException(
                    $"The input is a {type}, not a video job, so it was not used. Pipe jobs from New-, Get- or Wait-ViduVideoJob, job id strings, or objects with a JobId property (such as rows of Import-Csv)."),
                "ShortApi.NotAJob", ErrorCategory.InvalidType, target);
        }

        /// <summary>An Unconfirmed create given to Wait or Save: there is no job id to ask about.</summary>
        public static ErrorRecord CreateUnconfirmed(object? target) =>
            new ErrorRecord(new InvalidOperationException(
                    $"{Describe(target)} is an Unconfirmed create: it went out but its answer never came, so whether it made a (paid) job is not known, and it has no job id to wait for or save. Check your ShortAPI dashboard before submitting that picture again."),
                "ShortApi.CreateUnconfirmed", ErrorCategory.ObjectNotFound, target);

        public static ErrorRecord MissingApiKey() =>
            new ErrorRecord(new InvalidOperationException(
                    "No API key. Pass -ApiKey, or set $env:SHORTAPI_KEY (for example from SecretManagement: $env:SHORTAPI_KEY = Get-Secret ShortApi -AsPlainText). This command sent nothing."),
                "ShortApi.MissingApiKey", ErrorCategory.AuthenticationError, null);

        public static ErrorRecord InvalidApiKey(ArgumentException exception) =>
            new ErrorRecord(exception, "ShortApi.InvalidApiKey", ErrorCategory.AuthenticationError, null);

        public static ErrorRecord InvalidBaseUri(ArgumentException exception, object? target) =>
            new ErrorRecord(exception, "ShortApi.InvalidBaseUri", ErrorCategory.InvalidArgument, target);

        public static ErrorRecord HistoryUnavailable(ArgumentException exception, object? target) =>
            new ErrorRecord(exception, "ShortApi.HistoryUnavailable", ErrorCategory.InvalidArgument, target);

        public static ErrorRecord BudgetExceeded(string message, object? target) =>
            new ErrorRecord(new InvalidOperationException(message), "ShortApi.BudgetExceeded", ErrorCategory.QuotaExceeded, target);

        public static ErrorRecord WaitTimeout(VideoJob job, TimeoutException reason) =>
            new ErrorRecord(reason, "ShortApi.WaitTimeout", ErrorCategory.OperationTimeout, job);

        private static string Describe(object? target)
        {
            var value = target is PSObject wrapped ? wrapped : PSObject.AsPSObject(target ?? string.Empty);
            var image = value.Properties["Image"]?.Value;
            var time = value.Properties["CreatedAt"]?.Value;
            return image == null ? "This item" : $"The create for '{image}'" + (time == null ? string.Empty : $" sent at {time}");
        }
    }
}
