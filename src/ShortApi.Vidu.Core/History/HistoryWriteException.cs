using System;
using System.IO;

namespace ShortApi.Vidu.History
{
    /// <summary>A line of the job history did not reach the disk; <see cref="Reason"/> says what the system said.</summary>
    internal sealed class HistoryWriteException : IOException
    {
        public HistoryWriteException(string path, Exception inner)
            : base($"The job history at '{path}' cannot be written: {Clause(inner.Message)}.", inner)
        {
            Path = path;
            Reason = Clause(inner.Message);
        }

        public string Path { get; }

        /// <summary>The system's words, without a closing full stop, to go inside a sentence.</summary>
        public string Reason { get; }

        private static string Clause(string message) => message.Trim().TrimEnd('.').Trim();
    }
}
