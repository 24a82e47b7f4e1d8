using System;
using System.IO;
using System.Reflection;
using System.Runtime.InteropServices;

namespace ShortApi.Vidu.History
{
    /// <summary>
    /// Unix permission bits for what the history creates: the file 0600 and its folders 0700, whatever the umask,
    /// because prompts and picture paths are the user's business. On Windows nothing is done: the user's local
    /// application data folder is private already. netstandard2.0 has no File.SetUnixFileMode, so it is found at run
    /// time (.NET 7 and later), with libc's chmod for runtimes without it (Mono).
    /// </summary>
    internal static class OwnerOnlyAccess
    {
        public const int FileMode = 0x180; // 0600
        public const int FolderMode = 0x1C0; // 0700
        private const int GroupAndOthers = 0x3F; // 0077

        private static readonly bool OnUnix = !RuntimeInformation.IsOSPlatform(OSPlatform.Windows);
        private static readonly Type? UnixFileModeType = typeof(File).Assembly.GetType("System.IO.UnixFileMode");
        private static readonly MethodInfo? SetMode = UnixFileModeType == null ? null : typeof(File).GetMethod("SetUnixFileMode", new[] { typeof(string), UnixFileModeType });
        private static readonly MethodInfo? GetMode = typeof(File).GetMethod("GetUnixFileMode", new[] { typeof(string) });

        /// <summary>Whether files are given owner-only modes here (Linux, macOS).</summary>
        public static bool Applies => OnUnix;

        /// <summary>
        /// Gives a file or folder the module just created exactly <paramref name="mode"/>. Best effort: a file system
        /// without Unix modes (a FAT stick, some network shares) keeps what it has, and the history still works.
        /// </summary>
        public static void Restrict(string path, int mode)
        {
            if (!OnUnix) return;
            try
            {
                if (SetMode != null)
                {
                    SetMode.Invoke(null, new[] { path, Enum.ToObject(UnixFileModeType!, mode) });
                    return;
                }
                Chmod(path, mode);
            }
            catch (Exception ex) when (ex is TargetInvocationException || ex is IOException || ex is UnauthorizedAccessException || ex is DllNotFoundException || ex is EntryPointNotFoundException)
            {
            }
        }

        /// <summary>The mode of an existing file when group or others may read or write it; null when private, on Windows, or when it cannot be read.</summary>
        public static int? OpenToOthers(string path)
        {
            if (!OnUnix || GetMode == null) return null;
            try
            {
                var mode = Convert.ToInt32(GetMode.Invoke(null, new object[] { path }), System.Globalization.CultureInfo.InvariantCulture);
                return (mode & GroupAndOthers) != 0 ? mode : (int?)null;
            }
            catch (TargetInvocationException)
            {
                return null;
            }
        }

        /// <summary>A mode as chmod writes it: 0644.</summary>
        public static string Octal(int mode) => "0" + Convert.ToString(mode & 0xFFF, 8);

        private static void Chmod(string path, int mode)
        {
            try
            {
                NativeMethods.chmod(path, (uint)mode);
            }
            catch (DllNotFoundException)
            {
                NativeMethods.chmod_so6(path, (uint)mode);
            }
        }

        private static class NativeMethods
        {
            [DllImport("libc", SetLastError = true)]
            internal static extern int chmod(string path, uint mode);

            // Where "libc" is not found by that name (a Linux without the C development files).
            [DllImport("libc.so.6", EntryPoint = "chmod", SetLastError = true)]
            internal static extern int chmod_so6(string path, uint mode);
        }
    }
}
