using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Management.Automation.Language;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using ShortApi.Vidu.Tests.Support;
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
            using var emulator = Start("--balance", "0.3", "--flat-answers", "--exit-on-stdin-close");
            try
            {
                var firstLine = await emulator.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
                var match = Regex.Match(firstLine!, @"^\$env:SHORTAPI_BASE_URL = '(http://127\.0\.0\.1:\d+)'$");
                Assert.True(match.Success, firstLine);
                var baseUri = new Uri(match.Groups[1].Value);

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

        [Fact]
        public async Task Its_first_lines_paste_into_PowerShell_as_settings_even_for_a_key_with_quotes()
        {
            const string key = "it's \u2019quoted\u2019 $not-a-variable";
            using var emulator = Start("--key", key, "--exit-on-stdin-close");
            try
            {
                var lines = new System.Collections.Generic.List<string>();
                while (lines.Count == 0 || !lines[^1].StartsWith("# Press Ctrl+C", StringComparison.Ordinal))
                {
                    var line = await emulator.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
                    Assert.True(line is not null, "the emulator ended early: " + string.Join("\n", lines));
                    lines.Add(line!);
                }

                var ast = Parser.ParseInput(string.Join("\n", lines), out _, out ParseError[] errors);
                Assert.Empty(errors);
                var settings = new System.Collections.Generic.Dictionary<string, string>();
                foreach (var statement in ast.EndBlock.Statements)
                {
                    // Every statement is $env:NAME = 'constant'; everything else is a comment.
                    var assignment = Assert.IsType<AssignmentStatementAst>(statement);
                    var variable = Assert.IsType<VariableExpressionAst>(assignment.Left);
                    Assert.Equal("env", variable.VariablePath.DriveName);
                    var value = Assert.IsType<StringConstantExpressionAst>(Assert.IsType<CommandExpressionAst>(assignment.Right).Expression);
                    Assert.Equal(StringConstantType.SingleQuoted, value.StringConstantType);
                    settings[variable.VariablePath.UserPath["env:".Length..]] = value.Value;
                }

                Assert.Equal(new[] { "SHORTAPI_BASE_URL", "SHORTAPI_KEY", "SHORTAPI_HISTORY_PATH" }, settings.Keys);
                Assert.Matches(@"^\$env:SHORTAPI_BASE_URL = ", lines[0]);
                Assert.Matches(@"^\$env:SHORTAPI_KEY = ", lines[1]);
                Assert.Equal(key, settings["SHORTAPI_KEY"]);
                Assert.Equal(Path.Combine(Path.GetTempPath(), "vidu-emulator-history.jsonl"), settings["SHORTAPI_HISTORY_PATH"]);
                Assert.Contains(lines, l => l.StartsWith("# Keep the emulator's jobs out of your real job history", StringComparison.Ordinal) && l.Contains("$env:SHORTAPI_NO_HISTORY = 1", StringComparison.Ordinal));
                var bash = Assert.Single(lines, l => l.StartsWith("# bash: export ", StringComparison.Ordinal));
                Assert.Contains("SHORTAPI_BASE_URL='" + settings["SHORTAPI_BASE_URL"] + "'", bash, StringComparison.Ordinal);
                Assert.Contains("SHORTAPI_KEY='it'\\''s", bash, StringComparison.Ordinal);

                using var stats = await WireClient.GetAsync(new Uri(new Uri(settings["SHORTAPI_BASE_URL"]), "/_emulator/stats"));
                Assert.Equal(HttpStatusCode.OK, stats.StatusCode);
            }
            finally
            {
                Stop(emulator);
            }
        }

        [Fact]
        public async Task With_parent_pid_it_stops_when_that_process_is_killed()
        {
            // The "parent" is any process this test can kill outright: another emulator, so the test runs everywhere .NET does.
            using var parent = Start("--exit-on-stdin-close");
            using var child = Start("--parent-pid", parent.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            try
            {
                await parent.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
                var first = await child.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.StartsWith("$env:SHORTAPI_BASE_URL = ", first);
                Assert.False(child.HasExited);

                parent.Kill(); // SIGKILL: nothing of the parent's runs, so only the child's own watch can stop it
                await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(0, child.ExitCode);
            }
            finally
            {
                Stop(parent);
                Stop(child);
            }
        }

        [Fact]
        public async Task A_parent_pid_that_names_no_process_is_an_error()
        {
            using var emulator = Start("--parent-pid", "2147483647");
            try
            {
                string error = await emulator.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
                await emulator.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(2, emulator.ExitCode);
                Assert.Contains("--parent-pid 2147483647: no such process is running", error, StringComparison.Ordinal);
            }
            finally
            {
                Stop(emulator);
            }
        }

        private static Process Start(params string[] arguments) => EmulatorProcess.Start(arguments);

        private static void Stop(Process emulator) => EmulatorProcess.Stop(emulator);

        private static HttpRequestMessage Create(Uri baseUri) =>
            new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, "/api/v1/job/create"))
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "emulator-key") },
                Content = new StringContent(ValidBody, Encoding.UTF8, "application/json"),
            };
    }
}
