using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>
    /// The core's public surface, used from a plain C# program that gets no access to internals
    /// (samples/ClientSample): create, wait and download against the emulator.
    /// </summary>
    public class PublicClientTests
    {
        private static string SamplePath => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../samples/ClientSample/bin/Release/net10.0/ClientSample.dll"));

        [Fact]
        public async Task A_plain_csharp_program_turns_a_picture_into_a_saved_video_with_the_public_client()
        {
            Assert.True(File.Exists(SamplePath), $"build the solution first: {SamplePath}");
            await using var emulator = await Emulators.StartAsync(o => o.JobDuration = TimeSpan.FromMilliseconds(300));
            using var folder = new TestFolder();
            var picture = folder.Png("cat.png");
            var history = folder.File("history.jsonl");
            var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { SamplePath, emulator.BaseUri.AbsoluteUri, picture, folder.File("videos"), history }) info.ArgumentList.Add(arg);
            info.Environment["SHORTAPI_KEY"] = emulator.ApiKey;
            using var process = Process.Start(info)!;
            var output = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, output + await process.StandardError.ReadToEndAsync());
            Assert.Contains("estimate 0.15", output); // turbo 720p 4 s: $0.05 for 2 s + 2 x $0.05
            var saved = Directory.GetFiles(folder.File("videos"), "*.mp4").Single();
            Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(saved), 4, 4));
            Assert.Contains("\"event\":\"saved\"", File.ReadAllText(history));
            Assert.DoesNotContain(emulator.ApiKey, File.ReadAllText(history));
        }
    }
}
