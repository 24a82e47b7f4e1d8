using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Threading.Tasks;

namespace ShortApi.Vidu.Tests.Support
{
    /// <summary>
    /// Hosts the module's cmdlets in a fresh runspace (no profile, no environment changes) and collects every stream.
    /// Only the engine's core cmdlets exist here; scripts use .NET calls where they would use Utility cmdlets.
    /// </summary>
    internal sealed class PowerShellRun : IDisposable
    {
        private static readonly string ModulePath = typeof(ShortApi.Vidu.Commands.NewViduVideoJobCommand).Assembly.Location;
        private readonly Runspace _runspace;

        public PowerShellRun()
        {
            var state = InitialSessionState.CreateDefault2();
            state.ImportPSModule(new[] { ModulePath });
            _runspace = RunspaceFactory.CreateRunspace(state);
            _runspace.Open();
        }

        public IList<PSObject> Output { get; } = new List<PSObject>();
        public List<ErrorRecord> Errors { get; } = new List<ErrorRecord>();
        public List<string> Warnings { get; } = new List<string>();
        public List<string> Verbose { get; } = new List<string>();
        public List<string> Debug { get; } = new List<string>();
        public List<string> Information { get; } = new List<string>();
        public List<ProgressRecord> Progress { get; } = new List<ProgressRecord>();
        public Exception? Terminating { get; private set; }

        /// <summary>Every text the run produced, for searching (for example for a leaked key).</summary>
        public string AllText =>
            string.Join("\n", Output.Select(o => o?.ToString()).Concat(Errors.Select(e => e.ToString() + " " + e.Exception)).Concat(Warnings).Concat(Verbose).Concat(Debug).Concat(Information)) +
            "\n" + Terminating;

        public PowerShellRun Run(string script, IDictionary<string, object?>? variables = null) => RunAsync(script, variables).GetAwaiter().GetResult();

        public async Task<PowerShellRun> RunAsync(string script, IDictionary<string, object?>? variables = null, Action<PowerShell>? started = null)
        {
            using var shell = PowerShell.Create();
            shell.Runspace = _runspace;
            if (variables != null)
                foreach (var pair in variables) _runspace.SessionStateProxy.SetVariable(pair.Key, pair.Value);
            shell.AddScript(script);
            shell.Streams.Warning.DataAdded += (s, e) => Warnings.Add(shell.Streams.Warning[e.Index].Message);
            shell.Streams.Verbose.DataAdded += (s, e) => Verbose.Add(shell.Streams.Verbose[e.Index].Message);
            shell.Streams.Debug.DataAdded += (s, e) => Debug.Add(shell.Streams.Debug[e.Index].Message);
            shell.Streams.Information.DataAdded += (s, e) => Information.Add(shell.Streams.Information[e.Index].ToString());
            shell.Streams.Progress.DataAdded += (s, e) => { lock (Progress) Progress.Add(shell.Streams.Progress[e.Index]); };
            var output = new PSDataCollection<PSObject>();
            output.DataAdded += (s, e) => { lock (Output) Output.Add(output[e.Index]); };
            try
            {
                var invocation = shell.InvokeAsync<PSObject, PSObject>(null, output);
                started?.Invoke(shell);
                await invocation.ConfigureAwait(false);
            }
            catch (RuntimeException ex)
            {
                // Includes PipelineStoppedException and ActionPreferenceStopException.
                Terminating = ex;
            }
            Errors.AddRange(shell.Streams.Error);
            return this;
        }

        public IEnumerable<T> OutputOf<T>() => Output.Select(o => o.BaseObject).OfType<T>();

        public void Dispose() => _runspace.Dispose();
    }
}
