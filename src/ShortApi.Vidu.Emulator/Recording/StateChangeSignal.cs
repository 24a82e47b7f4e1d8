using System;
using System.Threading;
using System.Threading.Tasks;

namespace ShortApi.Vidu.Emulator;

/// <summary>Wakes everyone waiting on the state whenever something in it changes, so tests wait on events instead of sleeping.</summary>
internal sealed class StateChangeSignal
{
    private TaskCompletionSource next = NewSource();

    /// <summary>A task that completes at the next change; take it BEFORE checking a condition, so a change in between is not missed.</summary>
    public Task NextChange => Volatile.Read(ref next).Task;

    /// <summary>Completes the current task and arms a fresh one.</summary>
    public void Notify() => Interlocked.Exchange(ref next, NewSource()).TrySetResult();

    // Waiters run their conditions on the thread pool, never inside the request that made the change.
    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
