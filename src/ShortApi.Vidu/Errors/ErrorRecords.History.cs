using System;
using System.IO;
using System.Management.Automation;
using ShortApi.Vidu.History;

namespace ShortApi.Vidu.Commands
{
    /// <summary>The errors of the job history: one that cannot be written (no paid create goes out without its record), one that cannot be read, one turned off.</summary>
    internal static partial class ErrorRecords
    {
        internal const string HistoryWriteFailedId = "ShortApi.HistoryWriteFailed";

        private const string HistoryAdvice =
            "Make the file (or its folder) writable, point -HistoryPath or $env:SHORTAPI_HISTORY_PATH at a file you can write, or add -NoHistory to go on without a history.";

        /// <summary>The history cannot be written before the first create: the command sends nothing.</summary>
        public static ErrorRecord HistoryNotWritable(HistoryWriteException exception) =>
            new ErrorRecord(new IOException(
                    $"The job history at '{exception.Path}' cannot be written: {EndSentence(exception.Reason)} Nothing was sent, because a paid create goes out only once its record is on disk. {HistoryAdvice}",
                    exception),
                HistoryWriteFailedId, ErrorCategory.WriteError, exception.Path);

        /// <summary>
        /// A batch stopped submitting because a history line could not be written: what happened, what to do, how to
        /// resume. <paramref name="notSent"/>: the target is a picture that was not sent (its "sending" line failed), so
        /// it belongs with the ones to submit again; otherwise the target is what was sent, and must not be sent again.
        /// </summary>
        public static ErrorRecord HistoryHalt(ShortApiException error, object? target, bool notSent) =>
            new ErrorRecord(error, HistoryWriteFailedId, ErrorCategory.WriteError, target)
            {
                ErrorDetails = new ErrorDetails(
                    $"{error.Message} Pictures after it are not sent (each gets its own ShortApi.NotSent error); jobs accepted in this run continue down the pipeline, " +
                    $"and are worth keeping (for example with Export-Clixml) while the history misses them. {HistoryAdvice} " +
                    (notSent
                        ? "Then submit only this picture (this error's TargetObject) and those of the ShortApi.NotSent errors, not the whole batch again."
                        : "Then submit only the pictures of the ShortApi.NotSent errors (their TargetObject), not the whole batch again.")),
            };

        /// <summary>A listing was asked of a history that is turned off.</summary>
        public static ErrorRecord HistoryDisabled() =>
            new ErrorRecord(new InvalidOperationException(
                    "The job history is turned off (-NoHistory or $env:SHORTAPI_NO_HISTORY). Pass -JobId to ask the service about a job."),
                "ShortApi.HistoryDisabled", ErrorCategory.InvalidOperation, null);

        /// <summary>The history file exists but cannot be read (locked, no permission, a folder in its place).</summary>
        public static ErrorRecord HistoryUnreadable(Exception exception, string path) =>
            new ErrorRecord(new IOException($"Cannot read the job history at '{path}': {EndSentence(exception.Message)} " +
                    "Fix its permissions, or name another file with -HistoryPath.", exception),
                "ShortApi.HistoryUnavailable", ErrorCategory.ReadError, path);
    }
}
