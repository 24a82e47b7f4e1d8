using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Commands;

namespace ShortApi.Vidu.Tests.Support
{
    /// <summary>
    /// Holds the commands of one test (those given its emulator's -BaseUri) at a named step of <see cref="StepHook"/>,
    /// and says when each step was reached, so a stop can be landed at exactly that step. Other tests' commands pass by.
    /// </summary>
    internal sealed class StepHold : IDisposable
    {
        private static readonly object Installed = new object();
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
        private readonly string _baseUri;
        private readonly string? _holdAt;
        private readonly ConcurrentDictionary<string, TaskCompletionSource<bool>> _reached = new ConcurrentDictionary<string, TaskCompletionSource<bool>>();
        private readonly ManualResetEventSlim _release = new ManualResetEventSlim(false);
        private int _held;

        public StepHold(Uri baseUri, string? holdAt)
        {
            _baseUri = baseUri.AbsoluteUri;
            _holdAt = holdAt;
            lock (Installed)
            {
                if (StepHook.Reached != null) throw new InvalidOperationException("Another StepHold is installed; tests that hold steps must not run at once.");
                StepHook.Reached = OnStep;
            }
        }

        /// <summary>Completes when a command of this test has reached <paramref name="step"/> (and, for the held step, is held there).</summary>
        public Task Reached(string step) => Step(step).Task.WaitAsync(Patience);

        /// <summary>Lets the held command go on.</summary>
        public void Release() => _release.Set();

        public void Dispose()
        {
            _release.Set();
            lock (Installed) StepHook.Reached = null;
        }

        private TaskCompletionSource<bool> Step(string step) =>
            _reached.GetOrAdd(step, _ => new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));

        private void OnStep(ViduCmdlet command, string step)
        {
            if (!(command is ViduApiCmdlet api) || !string.Equals(api.BaseUri, _baseUri, StringComparison.Ordinal)) return;
            Step(step).TrySetResult(true);
            // Held once, with patience, so a test that never releases fails instead of hanging the run.
            if (step == _holdAt && Interlocked.Exchange(ref _held, 1) == 0) _release.Wait(Patience);
        }
    }
}
