using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Xunit;
using static ShortApi.Vidu.Tests.Emulator.EmulatorCalls;

namespace ShortApi.Vidu.Tests.Emulator
{
    /// <summary>The emulator as a program: the new options work from its command line, for scripts in other processes.</summary>
    public class CommandLineTests
    {
        [Fact]
        public async Task Balance_and_flat_answers_can_be_set_on_the_command_line()
        {
            var dll = Path.Combine(AppContext.BaseDirectory, "ShortApi.Vidu.Emulator.dll");
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in new[] { dll, "--balance", "0.3", "--flat-answers", "--exit-on-stdin-close" }) start.ArgumentList.Add(argument);
            using var emulator = Process.Start(start)!;
            try
            {
                var firstLine = await emulator.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.StartsWith("SHORTAPI_BASE_URL=", firstLine);
                var baseUri = new Uri(firstLine!["SHORTAPI_BASE_URL=".Length..]);

                using var options = JsonDocument.Parse(await WireClient.GetStringAsync(new Uri(baseUri, "/_emulator/options")));
                Assert.Equal(0.3m, options.RootElement.GetProperty("balance").GetDecimal());
                Assert.True(options.RootElement.GetProperty("flatAnswers").GetBoolean());

                using var first = await WireClient.SendAsync(Create(baseUri));
                using var second = await WireClient.SendAsync(Create(baseUri));
                Assert.StartsWith("{\"code\":0,\"job_id\":", await first.Content.ReadAsStringAsync());
                Assert.Equal(HttpStatusCode.PaymentRequired, second.StatusCode);

                emulator.StandardInput.Close();
                await emulator.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(0, emulator.ExitCode);
            }
            finally
            {
                if (!emulator.HasExited) emulator.Kill();
            }
        }

        private static HttpRequestMessage Create(Uri baseUri) =>
            new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, "/api/v1/job/create"))
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "emulator-key") },
                Content = new StringContent(ValidBody, Encoding.UTF8, "application/json"),
            };
    }
}
