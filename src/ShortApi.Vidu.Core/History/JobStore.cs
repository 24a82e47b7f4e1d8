using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.History
{
    /// <summary>
    /// The job history: the only writer of the file, fed by the core's events, and its reader. A paid job survives a
    /// crashed session because its "sending" line is on disk before the create leaves and its outcome right after.
    /// The lines of a create (batch, sending, outcome) throw <see cref="HistoryWriteException"/> when they cannot be
    /// written, so the batch sends nothing without a record; status and saved lines are a warning instead, because the
    /// job they are about is recorded already and must still reach the user. The key is never written: nothing that
    /// holds it reaches this class.
    /// </summary>
    internal sealed class JobStore : IJobEvents
    {
        /// <summary>Overrides the history file's location.</summary>
        public const string PathVariable = "SHORTAPI_HISTORY_PATH";

        /// <summary>Set to 1, true or yes to keep no history.</summary>
        public const string DisableVariable = "SHORTAPI_NO_HISTORY";

        private readonly HistoryFile _file;
        private readonly Action<string>? _warn;
        private readonly TimeProvider _clock;

        /// <summary>Opens the history at a full path (the file is created on the first write); lines are dated by <paramref name="clock"/>.</summary>
        /// <exception cref="ArgumentException">The path is a folder, or not a usable file path; the message says what to do.</exception>
        public JobStore(string fullPath, Action<string>? warn = null, TimeProvider? clock = null)
        {
            if (Directory.Exists(fullPath))
                throw new ArgumentException($"The job history path '{fullPath}' is a folder. Give a file path (for example '{Path.Combine(fullPath, "history.jsonl")}') with -HistoryPath or $env:{PathVariable}, or turn the history off with -NoHistory.");
            _clock = clock ?? TimeProvider.System;
            _file = new HistoryFile(fullPath, _clock);
            _warn = warn;
        }

        public string FilePath => _file.Path;

        /// <summary>How many lines the last <see cref="Read"/> parsed (for tests that pin how far back a question reads).</summary>
        internal int LinesRead { get; private set; }

        /// <summary>The per-user default: LocalApplicationData/ShortApi.Vidu/history.jsonl.</summary>
        public static string DefaultPath =>
            Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
                "ShortApi.Vidu", "history.jsonl");

        /// <summary>Whether SHORTAPI_NO_HISTORY turns the history off.</summary>
        public static bool IsDisabledByEnvironment()
        {
            var value = Environment.GetEnvironmentVariable(DisableVariable);
            return value != null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>
        /// Makes sure a line could be written now (the folder and the file exist and open for writing), so a command
        /// that will send creates can refuse before the first one rather than at it.
        /// </summary>
        /// <exception cref="HistoryWriteException">The history cannot be written.</exception>
        public void CheckWritable()
        {
            try
            {
                _file.Touch();
            }
            catch (Exception ex) when (IsWriteFailure(ex))
            {
                throw new HistoryWriteException(FilePath, ex);
            }
        }

        /// <summary>
        /// A line for -Verbose when the history exists and other users may read or change it (Linux, macOS). Its mode is
        /// the user's choice, so it is left as it is; only files the module creates are made private.
        /// </summary>
        public string? OpenToOthersNote()
        {
            if (!_file.Exists || !(OwnerOnlyAccess.OpenToOthers(FilePath) is int mode)) return null;
            return $"The job history '{FilePath}' has mode {OwnerOnlyAccess.Octal(mode)}, so other users may read your prompts and picture paths in it; it was left as it is. To keep it private, run: chmod 600 '{FilePath}'.";
        }

        public void BatchStarted(BatchStart batch)
        {
            SessionIdentity.RememberBatch(FilePath, batch.Endpoint, batch.BatchId);
            WriteOrThrow(HistoryLine.Batch(batch));
        }

        public void Sending(SendingCreate create) => WriteOrThrow(HistoryLine.Sending(create));

        public void Accepted(string sendId, VideoJob job) => WriteOrThrow(HistoryLine.Created(sendId, job, _clock.GetLocalNow()));

        public void Refused(string sendId, ShortApiException error) => WriteOrThrow(HistoryLine.Outcome("refused", sendId, error, _clock.GetLocalNow()));

        public void Unconfirmed(string sendId, ShortApiException error) => WriteOrThrow(HistoryLine.Outcome("unconfirmed", sendId, error, _clock.GetLocalNow()));

        // The one place that decides a job's status changed: a new state or new result URLs make a status line, a
        // repeat of the same answer does not (a long wait would otherwise write a line per poll).
        public void Observed(VideoJob before, VideoJob after)
        {
            if (before.Status != after.Status || before.VideoUrls.Length != after.VideoUrls.Length) StatusChanged(after);
        }

        private void StatusChanged(VideoJob job) => WriteOrWarn(HistoryLine.Status(job, _clock.GetLocalNow()));

        public void Saved(VideoJob job, SavedVideo file) => WriteOrWarn(HistoryLine.Saved(job, file, _clock.GetLocalNow()));

        /// <summary>Answers a query, reading newest-first only as far back as it needs (everything for <see cref="HistoryQuery.All"/>).</summary>
        /// <exception cref="IOException">The file exists but cannot be read.</exception>
        public HistorySnapshot Read(HistoryQuery query)
        {
            LinesRead = 0;
            if (!_file.Exists) return HistorySnapshot.Empty;
            var fold = new HistoryFold();
            if (query.Kind == HistoryQuery.QueryKind.All)
            {
                foreach (var line in _file.ReadForward())
                {
                    LinesRead++;
                    if (HistoryRecord.Parse(line) is HistoryRecord record) fold.Apply(record);
                }
                return fold.Result();
            }
            var scan = new HistoryScan(query, FilePath);
            var newestFirst = new List<HistoryRecord>();
            foreach (var line in _file.ReadBackward())
            {
                LinesRead++;
                if (!(HistoryRecord.Parse(line) is HistoryRecord record)) continue;
                newestFirst.Add(record);
                if (!scan.Take(record)) break;
            }
            for (var i = newestFirst.Count - 1; i >= 0; i--) fold.Apply(newestFirst[i]);
            var snapshot = fold.Result();
            return Narrow(query, scan.Finish(), snapshot);
        }

        private static HistorySnapshot Narrow(HistoryQuery query, string? batch, HistorySnapshot snapshot)
        {
            IEnumerable<VideoJob> jobs = snapshot.Jobs;
            switch (query.Kind)
            {
                case HistoryQuery.QueryKind.LastBatch:
                    jobs = batch == null ? Enumerable.Empty<VideoJob>() : jobs.Where(j => j.BatchId == batch);
                    break;
                case HistoryQuery.QueryKind.Newest:
                    // Status and saved lines of older jobs were read too; only jobs whose creation was seen are whole.
                    jobs = jobs.Where(j => j.CreatedAt != null).Take(query.Count);
                    break;
                case HistoryQuery.QueryKind.Since:
                    jobs = jobs.Where(j => j.CreatedAt >= query.SinceTime);
                    break;
                case HistoryQuery.QueryKind.Jobs:
                    jobs = jobs.Where(j => query.JobIds.Contains(j.JobId));
                    break;
            }
            return new HistorySnapshot(jobs.ToList(), snapshot.SavedFiles, snapshot.Batches);
        }

        private void WriteOrThrow(byte[] line)
        {
            try
            {
                _file.Append(line);
            }
            catch (Exception ex) when (IsWriteFailure(ex))
            {
                throw new HistoryWriteException(FilePath, ex);
            }
        }

        private void WriteOrWarn(byte[] line)
        {
            try
            {
                _file.Append(line);
            }
            catch (Exception ex) when (IsWriteFailure(ex))
            {
                // The job is recorded already and must still be emitted; say loudly that this change is not on disk.
                _warn?.Invoke($"Could not write the job history at '{FilePath}': {Sentences.End(ex.Message)} Keep the job objects (for example with Export-Clixml) until this is fixed.");
            }
        }

        private static bool IsWriteFailure(Exception ex) =>
            ex is IOException || ex is UnauthorizedAccessException || ex is NotSupportedException || ex is ArgumentException;
    }
}
