using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;

namespace ShortApi.Vidu.Commands
{
    /// <summary>The job ids this session has seen, newest last, for tab completion of -JobId.</summary>
    internal static class SessionJobs
    {
        private const int Capacity = 500;
        private static readonly ConcurrentDictionary<string, (long Order, VideoJob Job)> Known =
            new ConcurrentDictionary<string, (long, VideoJob)>();
        private static long _order;

        public static void Remember(VideoJob job)
        {
            var order = System.Threading.Interlocked.Increment(ref _order);
            Known[job.JobId] = (order, job);
            if (Known.Count > Capacity)
            {
                foreach (var stale in Known.OrderBy(k => k.Value.Order).Take(Known.Count - Capacity).ToList())
                    Known.TryRemove(stale.Key, out _);
            }
        }

        public static IReadOnlyList<VideoJob> NewestFirst() =>
            Known.Values.OrderByDescending(v => v.Order).Select(v => v.Job).ToList();
    }
}
