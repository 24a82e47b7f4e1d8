using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace ShortApi.Vidu.Tests.Support
{
    /// <summary>The emulator as a user starts it: its own process, with a command line, read through its printed lines.</summary>
    internal static class EmulatorProcess
    {
        /// <summary>Starts the built emulator with these arguments; every stream redirected.</summary>
        public static Process Start(params string[] arguments)
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "ShortApi.Vidu.Emulator.dll"));
            foreach (var argument in arguments) start.ArgumentList.Add(argument);
            return Process.Start(start)!;
        }

        /// <summary>The first printed line, always <c>$env:SHORTAPI_BASE_URL = '...'</c>, as an address.</summary>
        public static async Task<Uri> ReadBaseUriAsync(Process emulator)
        {
            var firstLine = await emulator.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
            if (firstLine == null || !firstLine.StartsWith("$env:SHORTAPI_BASE_URL = '", StringComparison.Ordinal))
                throw new InvalidOperationException("The emulator's first line is not its address: " + firstLine);
            return new Uri(firstLine.Split('\'')[1]);
        }

        /// <summary>Kills it if it still runs (a test that failed half-way must not leave it on its port).</summary>
        public static void Stop(Process emulator)
        {
            try
            {
                if (!emulator.HasExited) emulator.Kill();
            }
            catch (InvalidOperationException)
            {
                // never started, or already gone
            }
        }
    }
}
