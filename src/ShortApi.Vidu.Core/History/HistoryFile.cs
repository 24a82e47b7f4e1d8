using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;

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

        public HistoryFile(string path)
        {
            Path = path;
        }

        public string Path { get; }

        public bool Exists => File.Exists(Path);

        /// <summary>Appends one line (which ends with '\n'), starting a fresh line after a torn one, and flushes it to disk.</summary>
        public void Append(byte[] line)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
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
            var carry = new List<byte>(); // the start of a line whose rest is in the next (later) block, reversed
            var block = new byte[BlockBytes];
            while (position > 0)
            {
                var size = (int)Math.Min(BlockBytes, position);
                position -= size;
                stream.Seek(position, SeekOrigin.Begin);
                ReadExactly(stream, block, size);
                for (var i = size - 1; i >= 0; i--)
                {
                    if (block[i] == (byte)'\n')
                    {
                        if (carry.Count > 0) yield return Decode(carry);
                        carry.Clear();
                    }
                    else
                    {
                        carry.Add(block[i]);
                    }
                }
            }
            if (carry.Count > 0) yield return Decode(carry);
        }

        private static string Decode(List<byte> reversed)
        {
            var bytes = new byte[reversed.Count];
            for (var i = 0; i < bytes.Length; i++) bytes[i] = reversed[bytes.Length - 1 - i];
            return Utf8.GetString(bytes).TrimEnd('\r');
        }

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
        // other processes; both sides wait their turn for a while instead of failing on the first collision.
        private FileStream OpenLocked(FileMode mode, FileAccess access)
        {
            var started = DateTime.UtcNow;
            var random = new Random();
            while (true)
            {
                try
                {
                    return new FileStream(Path, mode, access, access == FileAccess.Read ? FileShare.Read : FileShare.None, 4096);
                }
                catch (IOException) when (DateTime.UtcNow - started < LockPatience && !(mode == FileMode.Open && !File.Exists(Path)) && !Directory.Exists(Path))
                {
                    Thread.Sleep(5 + random.Next(20));
                }
            }
        }
    }
}
