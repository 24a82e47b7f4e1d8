using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace ShortApi.Vidu.Emulator;

/// <summary>
/// Stops the emulator when the process that started it ends, however it ends: a SIGKILL gives the parent no chance to
/// stop its child, so the child looks instead. Polled, because there is no portable way to be told.
/// </summary>
internal static class ParentProcessWatch
{
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Whether <paramref name="processId"/> still names the parent. It does not when no such process runs, when it
    /// has ended but not yet been reaped (a zombie, which still answers to its id), or when the id now belongs to a
    /// process that started after <paramref name="startedBy"/> (the id was reused, so it cannot be our parent).
    /// </summary>
    public static bool IsRunning(int processId, DateTime startedBy)
    {
        try
        {
            using Process process = Process.GetProcessById(processId);
            if (process.HasExited || IsZombie(processId))
            {
                return false;
            }

            try
            {
                return process.StartTime <= startedBy;
            }
            catch (Exception exception) when (exception is InvalidOperationException or Win32Exception or NotSupportedException)
            {
                // Its start time is not ours to read (another user's process): it exists, which is all we can know.
                return true;
            }
        }
        catch (Exception exception) when (exception is ArgumentException or InvalidOperationException)
        {
            return false; // no process with that id
        }
    }

    /// <summary>Completes <paramref name="stopRequested"/> once any of the parents is gone; checks every <see cref="Interval"/>.</summary>
    public static async Task WatchAsync(IReadOnlyList<int> processIds, DateTime startedBy, TaskCompletionSource stopRequested)
    {
        using var timer = new PeriodicTimer(Interval);
        while (!stopRequested.Task.IsCompleted && await timer.WaitForNextTickAsync().ConfigureAwait(false))
        {
            foreach (int processId in processIds)
            {
                if (!IsRunning(processId, startedBy))
                {
                    stopRequested.TrySetResult();
                    return;
                }
            }
        }
    }

    /// <summary>On Linux, a process that has ended but whose parent has not yet waited for it: state Z (or X) in /proc.</summary>
    private static bool IsZombie(int processId)
    {
        if (!OperatingSystem.IsLinux())
        {
            return false;
        }

        try
        {
            // "pid (comm) S ...": the name may hold spaces and parentheses, so the state follows the last ')'.
            string stat = File.ReadAllText($"/proc/{processId}/stat");
            int close = stat.LastIndexOf(')');
            return close >= 0 && close + 2 < stat.Length && stat[close + 2] is 'Z' or 'X';
        }
        catch (IOException)
        {
            return true; // gone between the two looks
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
