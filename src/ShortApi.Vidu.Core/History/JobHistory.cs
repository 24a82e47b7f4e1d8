using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;

namespace ShortApi.Vidu.History
{
    /// <summary>
    /// An append-only record of every job the service accepted, one JSON line per event, so that a paid job
    /// survives a crashed session. Several sessions may append at once (each append holds an exclusive lock);
    /// a torn last line is skipped on read and the next append starts on a fresh line. The key is never written:
    /// nothing that holds it reaches this class.
    /// </summary>
    public sealed class JobHistory
    {
        /// <summary>Overrides the history file's location.</summary>
        public const string PathVariable = "SHORTAPI_HISTORY_PATH";

        /// <summary>Set to 1 or true to keep no history.</summary>
        public const string DisableVariable = "SHORTAPI_NO_HISTORY";

        private static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(10);

        /// <summary>Opens the history at a path (the file is created on the first append).</summary>
        public JobHistory(string path)
        {
            FilePath = System.IO.Path.GetFullPath(path);
        }

        /// <summary>The history file.</summary>
        public string FilePath { get; }

        /// <summary>The per-user default: LocalApplicationData/ShortApi.Vidu/history.jsonl.</summary>
        public static string DefaultPath =>
            System.IO.Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify),
                "ShortApi.Vidu", "history.jsonl");

        /// <summary>
        /// The history to use: null when turned off by <paramref name="disabled"/> or SHORTAPI_NO_HISTORY; else at
        /// <paramref name="pathOverride"/>, SHORTAPI_HISTORY_PATH or the default, in that order.
        /// </summary>
        public static JobHistory? Open(string? pathOverride, bool disabled)
        {
            if (disabled || IsDisabledByEnvironment()) return null;
            if (!string.IsNullOrWhiteSpace(pathOverride)) return new JobHistory(pathOverride!);
            var fromEnvironment = Environment.GetEnvironmentVariable(PathVariable);
            return new JobHistory(string.IsNullOrWhiteSpace(fromEnvironment) ? DefaultPath : fromEnvironment!);
        }

        private static bool IsDisabledByEnvironment()
        {
            var value = Environment.GetEnvironmentVariable(DisableVariable);
            return value != null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase));
        }

        /// <summary>Records an accepted job with everything asked and the charge.</summary>
        public void RecordCreated(VideoJob job) => Append(HistoryEvent.Created, job, null);

        /// <summary>Records a job's current status.</summary>
        public void RecordStatus(VideoJob job) => Append(HistoryEvent.Status, job, null);

        /// <summary>Records where a job's video was saved.</summary>
        public void RecordSaved(VideoJob job, string path) => Append(HistoryEvent.Saved, job, path);

        /// <summary>Every job in the history, folded from its events, newest first. Unreadable lines are skipped.</summary>
        public IReadOnlyList<VideoJob> ReadJobs()
        {
            var jobs = new Dictionary<string, VideoJob>(StringComparer.Ordinal);
            var order = new List<VideoJob>();
            if (!File.Exists(FilePath)) return order;
            using (var stream = OpenLocked(FileMode.Open, FileAccess.Read))
            using (var reader = new StreamReader(stream, new UTF8Encoding(false)))
            {
                string? line;
                while ((line = reader.ReadLine()) != null)
                {
                    if (line.Length == 0) continue;
                    try
                    {
                        using var document = JsonDocument.Parse(line);
                        HistoryLine.Apply(document.RootElement, jobs, order);
                    }
                    catch (JsonException)
                    {
                        // A line torn by a power cut or a killed process: the rest of the history is still good.
                    }
                }
            }
            return order.OrderByDescending(j => j.CreatedAt ?? DateTimeOffset.MinValue).ToList();
        }

        private void Append(HistoryEvent kind, VideoJob job, string? savedPath)
        {
            var line = HistoryLine.Write(kind, job, savedPath, DateTimeOffset.Now);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(FilePath)!);
            using var stream = OpenLocked(FileMode.OpenOrCreate, FileAccess.ReadWrite);
            if (stream.Length > 0)
            {
                stream.Seek(-1, SeekOrigin.End);
                if (stream.ReadByte() != '\n') stream.WriteByte((byte)'\n');
            }
            stream.Seek(0, SeekOrigin.End);
            stream.Write(line, 0, line.Length);
            stream.Flush(flushToDisk: true);
        }

        // FileShare.None takes an exclusive lock (flock on Unix, a share mode on Windows) that also excludes readers
        // in other processes; both sides wait their turn for a while instead of failing on the first collision.
        private FileStream OpenLocked(FileMode mode, FileAccess access)
        {
            var started = DateTime.UtcNow;
            var random = new Random();
            while (true)
            {
                try
                {
                    return new FileStream(FilePath, mode, access, access == FileAccess.Read ? FileShare.Read : FileShare.None, 4096);
                }
                catch (IOException) when (DateTime.UtcNow - started < LockPatience && !(mode == FileMode.Open && !File.Exists(FilePath)))
                {
                    Thread.Sleep(5 + random.Next(20));
                }
            }
        }
    }
}
