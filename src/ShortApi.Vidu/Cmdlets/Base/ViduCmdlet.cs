using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Outcomes;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// What every cmdlet of the module shares: a cancellation token that Ctrl+C trips, and a queue through which
    /// background work posts verbose and warning lines, written only from the pipeline thread.
    /// </summary>
    public abstract class ViduCmdlet : PSCmdlet, IDisposable
    {
        private readonly CancellationTokenSource _cancellation = new CancellationTokenSource();
        private readonly ConcurrentQueue<PostedMessage> _messages = new ConcurrentQueue<PostedMessage>();
        private readonly Wakeup _wakeup = new Wakeup();

        /// <summary>Tripped by StopProcessing (Ctrl+C).</summary>
        protected CancellationToken StopToken => _cancellation.Token;

        /// <inheritdoc />
        protected override void StopProcessing()
        {
            _cancellation.Cancel();
            StepHook.At(this, StepHook.Stopped);
        }

        /// <summary>Whether -WhatIf (or $WhatIfPreference) is in force, for work that should be skipped before ShouldProcess can be asked.</summary>
        protected bool WhatIfRequested =>
            MyInvocation.BoundParameters.TryGetValue("WhatIf", out var value)
                ? LanguagePrimitives.IsTrue(value)
                : LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

        /// <summary>
        /// Set by every posted line and by every outcome channel the command gives it to (pass it to the core's
        /// batches), so the pipeline thread sleeps until there is something to write.
        /// </summary>
        internal Wakeup Wakeup => _wakeup;

        /// <summary>Queues a verbose line from any thread.</summary>
        protected void PostVerbose(string message)
        {
            _messages.Enqueue(new PostedMessage(false, message));
            _wakeup.Set();
        }

        /// <summary>Queues a warning from any thread.</summary>
        protected void PostWarning(string message)
        {
            _messages.Enqueue(new PostedMessage(true, message));
            _wakeup.Set();
        }

        /// <summary>
        /// Blocks the pipeline thread until a line is posted, an outcome channel sharing <see cref="Wakeup"/> gets an
        /// outcome, or <paramref name="bound"/> passes (null: no bound); Ctrl+C ends the wait with
        /// <see cref="PipelineStoppedException"/>. Queued lines are written before it returns. The wait clears the signal,
        /// so a caller drains its channels after each wait and again before the next one (drain, wait, drain).
        /// </summary>
        protected void WaitForWork(TimeSpan? bound)
        {
            try
            {
                _wakeup.Wait(bound, StopToken);
            }
            catch (OperationCanceledException)
            {
                FlushMessages();
                throw new PipelineStoppedException();
            }
            FlushMessages();
        }

        /// <summary>Writes the queued lines; call only on the pipeline thread.</summary>
        protected void FlushMessages()
        {
            while (_messages.TryDequeue(out var message))
            {
                if (message.IsWarning) WriteWarning(message.Text);
                else WriteVerbose(message.Text);
            }
        }

        /// <summary>Blocks the pipeline thread on a task, writing queued lines meanwhile; Ctrl+C ends the wait.</summary>
        protected T Await<T>(Task<T> task)
        {
            WaitFor(task);
            return task.GetAwaiter().GetResult();
        }

        /// <summary>Blocks the pipeline thread until the task ends, writing queued lines meanwhile; Ctrl+C ends the wait.</summary>
        protected void WaitFor(Task task)
        {
            // The task's end wakes the wait like a posted line does; the caller reads the result and sees the real exception.
            task.ContinueWith(_ => _wakeup.Set(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            while (!task.IsCompleted) WaitForWork(null);
            FlushMessages();
        }

        /// <summary>
        /// Ends the pipeline when Ctrl+C was pressed. PowerShell marks the pipeline as stopping before it calls
        /// StopProcessing, so both are read: a stop is seen from its first instant, not from when it reaches this command.
        /// </summary>
        protected void ThrowIfStopping()
        {
            if (_cancellation.IsCancellationRequested || Stopping) throw new PipelineStoppedException();
        }

        /// <summary>A file-system path for a path the user typed; throws <see cref="ArgumentException"/> naming the source when it is on another provider.</summary>
        internal string ResolveFileSystemPath(string path, string source)
        {
            string resolved;
            ProviderInfo provider;
            try
            {
                resolved = SessionState.Path.GetUnresolvedProviderPathFromPSPath(path, out provider, out _);
            }
            catch (Exception ex) when (ex is ItemNotFoundException || ex is DriveNotFoundException || ex is ProviderNotFoundException || ex is PSArgumentException || ex is NotSupportedException)
            {
                throw new ArgumentException($"{source} '{path}' is not a usable path: {ex.Message}", ex);
            }
            if (provider.Name != "FileSystem")
                throw new ArgumentException($"{source} '{path}' is on the {provider.Name} provider, not the file system. Give a folder or file on disk.");
            return resolved;
        }

        /// <summary>
        /// The job history named by -HistoryPath, else the environment, else the default; null when it is turned off.
        /// Relative paths mean what they mean at the prompt: PowerShell's current location, not the process's. A path
        /// that cannot hold a history ends the command before anything is done.
        /// </summary>
        internal JobStore? OpenHistory(string? historyPath, bool noHistory)
        {
            if (noHistory || JobStore.IsDisabledByEnvironment()) return null;
            var given = !string.IsNullOrWhiteSpace(historyPath) ? historyPath : Environment.GetEnvironmentVariable(JobStore.PathVariable);
            var source = !string.IsNullOrWhiteSpace(historyPath) ? "-HistoryPath" : "$env:" + JobStore.PathVariable;
            try
            {
                var path = string.IsNullOrWhiteSpace(given) ? JobStore.DefaultPath : ResolveFileSystemPath(given!, source);
                var store = new JobStore(path, PostWarning);
                if (store.OpenToOthersNote() is string note) WriteVerbose(note);
                return store;
            }
            catch (ArgumentException ex)
            {
                ThrowTerminatingError(ErrorRecords.HistoryUnavailable(ex, given));
                return null;
            }
        }

        /// <summary>Releases the cancellation source.</summary>
        public void Dispose()
        {
            Dispose(true);
            GC.SuppressFinalize(this);
        }

        /// <summary>Releases what the cmdlet holds; overrides call the base.</summary>
        protected virtual void Dispose(bool disposing)
        {
            if (disposing)
            {
                _cancellation.Dispose();
                _wakeup.Dispose();
            }
        }

        private readonly struct PostedMessage
        {
            public PostedMessage(bool isWarning, string text)
            {
                IsWarning = isWarning;
                Text = text;
            }

            public bool IsWarning { get; }
            public string Text { get; }
        }
    }
}
