using System;
using System.Management.Automation;
using ShortApi.Vidu.Http;
using ShortApi.Vidu.Images;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// Turns the core's exceptions into ErrorRecords with a specific id, the right category and the input item as
    /// target, so scripts can tell failures apart (-ErrorVariable, $_.FullyQualifiedErrorId).
    /// </summary>
    internal static class ErrorRecords
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
                _ => ("ShortApi.ServiceError", ErrorCategory.NotSpecified),
            };
            return new ErrorRecord(exception, id, category, target);
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

        public static ErrorRecord MissingApiKey() =>
            new ErrorRecord(new InvalidOperationException(
                    "No API key. Pass -ApiKey, or set $env:SHORTAPI_KEY (for example from SecretManagement: $env:SHORTAPI_KEY = Get-Secret ShortApi -AsPlainText). This command sent nothing."),
                "ShortApi.MissingApiKey", ErrorCategory.AuthenticationError, null);

        public static ErrorRecord InvalidBaseUri(ArgumentException exception, object? target) =>
            new ErrorRecord(exception, "ShortApi.InvalidBaseUri", ErrorCategory.InvalidArgument, target);

        public static ErrorRecord BudgetExceeded(string message, object? target) =>
            new ErrorRecord(new InvalidOperationException(message), "ShortApi.BudgetExceeded", ErrorCategory.QuotaExceeded, target);

        public static ErrorRecord WaitTimeout(VideoJob job, TimeSpan waited) =>
            new ErrorRecord(new TimeoutException(
                    $"Job '{job.JobId}' was still {job.Status} after waiting {waited.TotalSeconds:0} s. It keeps running on the service; collect it later with Get-ViduVideoJob -JobId {job.JobId} | Save-ViduVideo, or Get-ViduVideoJob -LastBatch -Unsaved."),
                "ShortApi.WaitTimeout", ErrorCategory.OperationTimeout, job);

        public static ErrorRecord FileExists(string path, object? target) =>
            new ErrorRecord(new System.IO.IOException($"'{path}' already exists and was not replaced. Use -Force to replace it, or -NameTemplate '{{Name}}-{{JobId}}' for distinct names."),
                "ShortApi.FileExists", ErrorCategory.ResourceExists, target);
    }
}
