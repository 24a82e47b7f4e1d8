using System;
using System.Collections.Generic;

namespace ShortApi.Vidu.Emulator;

/// <summary>Keeps query arrival times to report the busiest sliding one-second window (tests of polling politeness).</summary>
internal sealed class QueryRateMeter
{
    private readonly object gate = new();
    private readonly List<long> arrivals = new();
    private readonly TimeProvider clock;

    public QueryRateMeter(TimeProvider clock)
    {
        this.clock = clock;
    }

    /// <summary>Notes one query arriving now.</summary>
    public void Arrived()
    {
        lock (gate)
        {
            // Taking the timestamp inside the lock keeps the list sorted, which the window scan relies on.
            arrivals.Add(clock.GetTimestamp());
        }
    }

    /// <summary>The largest number of queries that arrived within any one second.</summary>
    public int Peak()
    {
        lock (gate)
        {
            long window = clock.TimestampFrequency;
            int best = 0;
            int start = 0;
            for (int end = 0; end < arrivals.Count; end++)
            {
                while (arrivals[end] - arrivals[start] >= window)
                {
                    start++;
                }

                best = Math.Max(best, end - start + 1);
            }

            return best;
        }
    }

    /// <summary>Forgets every arrival.</summary>
    public void Clear()
    {
        lock (gate)
        {
            arrivals.Clear();
        }
    }
}
