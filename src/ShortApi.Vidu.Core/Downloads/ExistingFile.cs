using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using ShortApi.Vidu.History;

namespace ShortApi.Vidu.Downloads
{
    /// <summary>What is already at a save target: nothing, or a file and its SHA-256.</summary>
    internal sealed class ExistingFile
    {
        private ExistingFile(string path, bool exists, long length, string? sha256)
        {
            Path = path;
            Exists = exists;
            Length = length;
            Sha256 = sha256;
        }

        public string Path { get; }
        public bool Exists { get; }
        public long Length { get; }
        public string? Sha256 { get; }

        /// <summary>Looks at a target; with <paramref name="force"/> its content does not matter, so it is not hashed.</summary>
        public static ExistingFile Inspect(string path, bool force)
        {
            if (Directory.Exists(path))
                throw new ShortApiException(ShortApiErrorKind.SaveFailed, $"'{path}' is a folder, so no video can be saved under that name. Move it, or choose another -NameTemplate.");
            if (!File.Exists(path)) return new ExistingFile(path, false, 0, null);
            if (force) return new ExistingFile(path, true, -1, null);
            try
            {
                return new ExistingFile(path, true, new FileInfo(path).Length, VideoReceiver.HashFile(path));
            }
            catch (Exception ex) when (ex is IOException || ex is UnauthorizedAccessException)
            {
                throw new ShortApiException(ShortApiErrorKind.SaveFailed, $"'{path}' exists but cannot be read to compare it: {ex.Message}", innerException: ex);
            }
        }

        /// <summary>Whether the history says this very file, with this content, is the job's video.</summary>
        public bool IsThisJobsVideo(IReadOnlyList<SavedVideo> savedBefore) =>
            Exists && Sha256 != null &&
            savedBefore.Any(s => string.Equals(s.Path, Path, StringComparison.Ordinal) && s.Sha256 == Sha256 && s.Length == Length);
    }
}
