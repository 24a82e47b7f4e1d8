using System;
using System.Collections.Concurrent;

namespace ShortApi.Vidu.History
{
    /// <summary>
    /// Who is writing: user, machine and this process. Several sessions may share one history (two windows, a
    /// scheduled task, a network share); "the last batch" means this session's own, else this user's newest.
    /// </summary>
    internal static class SessionIdentity
    {
        private static readonly ConcurrentDictionary<string, string> LastBatches = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

        /// <summary>Unique to this process, so two sessions of one user on one machine are told apart.</summary>
        public static readonly string Session = Guid.NewGuid().ToString("N");

        public static string User => Environment.UserName ?? string.Empty;

        public static string Machine => Environment.MachineName ?? string.Empty;

        /// <summary>Remembers the batch this process last started against a history and endpoint.</summary>
        public static void RememberBatch(string historyPath, string endpoint, string batchId) => LastBatches[Key(historyPath, endpoint)] = batchId;

        /// <summary>The batch this process last started against a history and endpoint, if any.</summary>
        public static string? LastBatch(string historyPath, string endpoint) =>
            LastBatches.TryGetValue(Key(historyPath, endpoint), out var batch) ? batch : null;

        private static string Key(string historyPath, string endpoint) => historyPath + "\n" + endpoint;
    }
}
