using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ShortApi.Vidu.Emulator;
using Xunit;

namespace ShortApi.Vidu.Tests.Support
{
    /// <summary>
    /// One emulator, one temporary folder and one runspace per test. Scripts see $Base, $Key, $Folder and
    /// $History, and $Api, a splat of -BaseUri, -ApiKey and -HistoryPath, so no test depends on environment variables.
    /// </summary>
    public abstract class CmdletTest : IAsyncLifetime
    {
        private readonly Action<EmulatorOptions>? _configure;
        private readonly TimeProvider _clock;

        /// <param name="clock">The emulator's clock: a test clock holds its waits (slow:, late:) and jobs until the test moves it.</param>
        protected CmdletTest(Action<EmulatorOptions>? configure = null, TimeProvider? clock = null)
        {
            _configure = configure;
            _clock = clock ?? TimeProvider.System;
        }

        /// <summary>An emulator on <paramref name="clock"/> (a test clock): its late answers and delays end only when the test moves it.</summary>
        protected CmdletTest(TimeProvider clock, Action<EmulatorOptions>? configure = null)
            : this(configure, clock)
        {
        }

        internal EmulatorServer Emulator { get; private set; } = null!;
        internal TestFolder Folder { get; } = new TestFolder();
        internal string HistoryPath => Folder.File("history.jsonl");

        public async Task InitializeAsync() => Emulator = await Emulators.StartAsync(_clock, _configure);

        public virtual async Task DisposeAsync()
        {
            await Emulator.DisposeAsync();
            Folder.Dispose();
        }

        internal PowerShellRun Run(string script, IDictionary<string, object?>? extra = null) =>
            RunAsync(script, extra).GetAwaiter().GetResult();

        internal async Task<PowerShellRun> RunAsync(string script, IDictionary<string, object?>? extra = null, Action<PowerShell>? started = null)
        {
            var run = new PowerShellRun();
            var variables = new Dictionary<string, object?>
            {
                ["Base"] = Emulator.BaseUri.AbsoluteUri,
                ["Key"] = Emulator.ApiKey,
                ["Folder"] = Folder.Path,
                ["History"] = HistoryPath,
                ["Api"] = new System.Collections.Hashtable { ["BaseUri"] = Emulator.BaseUri.AbsoluteUri, ["ApiKey"] = Emulator.ApiKey, ["HistoryPath"] = HistoryPath },
            };
            if (extra != null) foreach (var pair in extra) variables[pair.Key] = pair.Value;
            return await run.RunAsync("$null = $ExecutionContext.SessionState.Path.SetLocation($Folder)\n" + script, variables, started);
        }

        internal static void AssertErrorId(PowerShellRun run, string id)
        {
            Assert.True(run.Errors.Any(e => e.FullyQualifiedErrorId.StartsWith(id + ",", StringComparison.Ordinal) || e.FullyQualifiedErrorId == id),
                $"expected error {id}, got: {string.Join(" | ", run.Errors.Select(e => e.FullyQualifiedErrorId + ": " + e))} {run.Terminating}");
        }

        /// <summary>Runs a command inside try/catch with -ErrorAction SilentlyContinue: only a terminating error is caught.</summary>
        internal ErrorRecord RunTerminating(string command)
        {
            var run = Run("try { " + command + " -ErrorAction SilentlyContinue; 'not terminated' } catch { $_ }");
            Assert.DoesNotContain(run.Output, o => "not terminated".Equals(o?.BaseObject));
            return Assert.IsType<ErrorRecord>(run.Output.Last().BaseObject);
        }

        internal void AssertNothingSent() => Assert.Equal(0, Emulator.State.CreatesReceived);
    }
}
