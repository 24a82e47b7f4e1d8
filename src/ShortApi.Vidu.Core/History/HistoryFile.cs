using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ShortApi.Vidu.History
{
    /// <summary>
    /// The history's bytes: one JSON object per line, appended under an exclusive lock (several sessions may write at
    /// once), read forwards or newest-first. Reading newest-first touches only the tail a question needs, so asking for
    /// the last batch costs the same in a history of a hundred jobs and of a hundred thousand.
    /// </summary>
    internal sealed class HistoryFile
    {
        private const int BlockBytes = 64 * 1024;
        private static readonly TimeSpan LockPatience = TimeSpan.FromSeconds(10);
        private static readonly UTF8Encoding Utf8 = new UTF8Encoding(false, false);
        private static readonly bool OnWindows = System.Runtime.InteropServices.RuntimeInformation.IsOSPlatform(System.Runtime.InteropServices.OSPlatform.Windows);
        private int _openAttempts;
        private readonly TimeProvider _clock;

        /// <param name="path">The history file's full path.</param>
        /// <param name="clock">Times the patience with another process's lock, and the pauses between tries.</param>
        public HistoryFile(string path, TimeProvider? clock = null)
        {
            Path = path;
            _clock = clock ?? TimeProvider.System;
        }

        public string Path { get; }

        /// <summary>How many times a stream was opened or tried (for tests that pin what is waited for).</summary>
        internal int OpenAttempts => Volatile.Read(ref _openAttempts);

        public bool Exists => File.Exists(Path);

        /// <summary>Appends one line (which ends with '\n'), starting a fresh line after a torn one, and flushes it to disk.</summary>
        public void Append(byte[] line)
        {
            using var stream = OpenForWriting();
            if (stream.Length > 0)
            {
                stream.Seek(-1, SeekOrigin.End);
                if (stream.ReadByte() != '\n') stream.WriteByte((byte)'\n');
            }
            stream.Seek(0, SeekOrigin.End);
            stream.Write(line, 0, line.Length);
            stream.Flush(flushToDisk: true);
        }

        /// <summary>Creates the folder and the file if they are missing and opens the file for writing, writing nothing.</summary>
        public void Touch()
        {
            using var stream = OpenForWriting();
        }

        // What this creates is the user's alone on Unix (0700 folders, a 0600 file), whatever the umask; an existing
        // file or folder keeps its mode. The new file gets its mode before any line is in it.
        private FileStream OpenForWriting()
        {
            CreateFolders();
            var isNew = OwnerOnlyAccess.Applies && !File.Exists(Path);
            var stream = OpenLocked(FileMode.OpenOrCreate, FileAccess.ReadWrite);
            if (isNew) OwnerOnlyAccess.Restrict(Path, OwnerOnlyAccess.FileMode);
            return stream;
        }

        private void CreateFolders()
        {
            var folder = System.IO.Path.GetDirectoryName(Path)!;
            if (Directory.Exists(folder)) return;
            var missing = new List<string>();
            for (var f = folder; !string.IsNullOrEmpty(f) && !Directory.Exists(f); f = System.IO.Path.GetDirectoryName(f)) missing.Add(f);
            Directory.CreateDirectory(folder);
            if (!OwnerOnlyAccess.Applies) return;
            for (var i = missing.Count - 1; i >= 0; i--) OwnerOnlyAccess.Restrict(missing[i], OwnerOnlyAccess.FolderMode);
        }

        /// <summary>Every line, oldest first.</summary>
        public IEnumerable<string> ReadForward()
        {
            if (!Exists) yield break;
            using var stream = OpenLocked(FileMode.Open, FileAccess.Read);
            using var reader = new StreamReader(stream, Utf8);
            string? line;
            while ((line = reader.ReadLine()) != null)
                if (line.Length > 0) yield return line;
        }

        /// <summary>Every line, newest first, read in blocks from the end; stop enumerating to stop reading.</summary>
        public IEnumerable<string> ReadBackward()
        {
            if (!Exists) yield break;
            using var stream = OpenLocked(FileMode.Open, FileAccess.Read);
            var position = stream.Length;
            var block = new byte[BlockBytes];
            var tail = Array.Empty<byte>(); // the start of the newest unfinished line: its end was in the block read before
            while (position > 0)
            {
                var size = (int)Math.Min(BlockBytes, position);
                position -= size;
                stream.Seek(position, SeekOrigin.Begin);
                ReadExactly(stream, block, size);
                var end = size; // lines in this block run up to here; what follows belongs with `tail`
                for (var newline = Array.LastIndexOf(block, (byte)'\n', size - 1, size); newline >= 0; newline = newline == 0 ? -1 : Array.LastIndexOf(block, (byte)'\n', newline - 1, newline))
                {
                    var line = Join(block, newline + 1, end - newline - 1, tail);
                    tail = Array.Empty<byte>();
                    if (line.Length > 0) yield return line;
                    end = newline;
                }
                tail = Prepend(block, end, tail);
            }
            if (tail.Length > 0) yield return Decode(tail, 0, tail.Length);
        }

        private static string Join(byte[] block, int start, int count, byte[] tail)
        {
            if (tail.Length == 0) return Decode(block, start, count);
            var whole = new byte[count + tail.Length];
            Buffer.BlockCopy(block, start, whole, 0, count);
            Buffer.BlockCopy(tail, 0, whole, count, tail.Length);
            return Decode(whole, 0, whole.Length);
        }

        private static byte[] Prepend(byte[] block, int count, byte[] tail)
        {
            var joined = new byte[count + tail.Length];
            Buffer.BlockCopy(block, 0, joined, 0, count);
            Buffer.BlockCopy(tail, 0, joined, count, tail.Length);
            return joined;
        }

        private static string Decode(byte[] bytes, int start, int count) => Utf8.GetString(bytes, start, count).TrimEnd('\r');

        private static void ReadExactly(Stream stream, byte[] buffer, int count)
        {
            var total = 0;
            while (total < count)
            {
                var n = stream.Read(buffer, total, count - total);
                if (n == 0) throw new IOException("The history file shrank while it was being read.");
                total += n;
            }
        }

        // FileShare.None takes an exclusive lock (flock on Unix, a share mode on Windows) that also excludes readers in
        // other processes; both sides wait their turn for a while instead of failing on the first collision. Only that
        // collision is waited out: any other failure (no such folder, /proc, no access, a full disk) will not pass.
        private FileStream OpenLocked(FileMode mode, FileAccess access)
        {
            var started = _clock.GetTimestamp();
            while (true)
            {
                Interlocked.Increment(ref _openAttempts);
                try
                {
                    return new FileStream(Path, mode, access, access == FileAccess.Read ? FileShare.Read : FileShare.None, 4096);
                }
                catch (IOException ex) when (IsLockConflict(ex) && _clock.GetElapsedTime(started) < LockPatience)
                {
                    // A short pause with jitter, so two processes that collided do not collide again in step.
                    _clock.Delay(TimeSpan.FromMilliseconds(5 + 20 * Transport.SharedRandom.NextDouble())).GetAwaiter().GetResult();
                }
            }
        }

        // Windows (and Mono) report another handle's share mode as ERROR_SHARING_VIOLATION or ERROR_LOCK_VIOLATION in an
        // HRESULT; .NET on Unix reports flock's EWOULDBLOCK as the bare errno (11 on Linux, 35 on macOS and the BSDs).
        private static bool IsLockConflict(IOException ex)
        {
            var code = ex.HResult;
            if (code == unchecked((int)0x80070020) || code == unchecked((int)0x80070021)) return true;
            return !OnWindows && (code == 11 || code == 35);
        }
    }
}
