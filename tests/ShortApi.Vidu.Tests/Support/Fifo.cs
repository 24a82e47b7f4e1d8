using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading.Tasks;
using Xunit;

namespace ShortApi.Vidu.Tests.Support
{
    /// <summary>Real FIFOs (named pipes in the file system), made with mkfifo.</summary>
    internal static class Fifo
    {
        /// <summary>The mkfifo program, or null where there is none (Windows has no FIFOs in the file system).</summary>
        public static string? MkfifoPath { get; } = Find();

        public static void Make(string path)
        {
            using var process = Process.Start(new ProcessStartInfo(MkfifoPath!) { ArgumentList = { path }, UseShellExecute = false })!;
            Assert.True(process.WaitForExit(10_000), "mkfifo did not finish");
            Assert.Equal(0, process.ExitCode);
        }

        /// <summary>
        /// Frees a thread stuck opening the FIFO for reading (it waits for a writer): opens it for writing and closes
        /// it, so the reader gets end-of-file. Bounded, so a cleanup never hangs the test run itself.
        /// </summary>
        public static void ReleaseStuckReader(string path) =>
            Task.Run(() =>
            {
                using var writer = new FileStream(path, FileMode.Open, FileAccess.Write);
            }).Wait(TimeSpan.FromSeconds(5));

        private static string? Find()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return null;
            return (Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin")
                .Split(Path.PathSeparator)
                .Select(folder => Path.Combine(folder, "mkfifo"))
                .FirstOrDefault(File.Exists);
        }
    }

    /// <summary>A fact that needs a real FIFO; skipped, saying why, where mkfifo is missing.</summary>
    public sealed class FifoFactAttribute : FactAttribute
    {
        public FifoFactAttribute()
        {
            if (Fifo.MkfifoPath == null)
                Skip = "mkfifo is not on PATH here (Windows has no FIFOs in the file system), so no real FIFO can be made.";
        }
    }

    /// <summary>A fact about Unix device files; skipped on Windows, which has none in the file system.</summary>
    public sealed class UnixFactAttribute : FactAttribute
    {
        public UnixFactAttribute()
        {
            if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
                Skip = "Windows has no device files such as /dev/null in its file system.";
        }
    }
}
