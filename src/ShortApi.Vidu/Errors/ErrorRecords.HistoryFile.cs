using System;
using System.Management.Automation;

namespace ShortApi.Vidu.Commands
{
    /// <summary>The errors about reading the job history.</summary>
    internal static partial class ErrorRecords
    {
        /// <summary>A listing was asked of a history that is turned off.</summary>
        public static ErrorRecord HistoryDisabled() =>
            new ErrorRecord(new InvalidOperationException(
                    "The job history is turned off (-NoHistory or $env:SHORTAPI_NO_HISTORY). Pass -JobId to ask the service about a job."),
                "ShortApi.HistoryDisabled", ErrorCategory.InvalidOperation, null);

        /// <summary>The history file exists but cannot be read (locked, no permission, a folder in its place).</summary>
        public static ErrorRecord HistoryUnreadable(Exception exception, string path) =>
            new ErrorRecord(new System.IO.IOException($"Cannot read the job history at '{path}': {EndSentence(exception.Message)} " +
                    "Fix its permissions, or name another file with -HistoryPath.", exception),
                "ShortApi.HistoryUnavailable", ErrorCategory.ReadError, path);
    }
}
