using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace ShortApi.Vidu.Emulator;

/// <summary>The accepted jobs by id.</summary>
internal sealed class JobTable
{
    private readonly ConcurrentDictionary<string, EmulatedJob> jobs = new();

    public void Add(EmulatedJob job) => jobs[job.Id] = job;

    /// <summary>Ends every job at once (see <see cref="EmulatedJob.FinishNow"/>); returns how many there are.</summary>
    public int FinishAll()
    {
        int count = 0;
        foreach (EmulatedJob job in jobs.Values)
        {
            job.FinishNow();
            count++;
        }
        return count;
    }

    public bool TryGet(string id, [NotNullWhen(true)] out EmulatedJob? job) => jobs.TryGetValue(id, out job);

    /// <summary>Stops every pending callback but keeps the jobs (used when the server stops).</summary>
    public void CancelCallbacks()
    {
        foreach (EmulatedJob job in jobs.Values)
        {
            job.CancelCallback();
        }
    }

    /// <summary>Forgets every job and its pending callback.</summary>
    public void Clear()
    {
        CancelCallbacks();
        jobs.Clear();
    }
}
