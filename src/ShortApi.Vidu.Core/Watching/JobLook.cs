using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Pipeline;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Watching
{
    /// <summary>
    /// One look at many jobs (Get-ViduVideoJob's refresh): each is asked about once, a few at a time, each answer is
    /// handed to the history, and the notes about odd answers are the same words the watch uses.
    /// </summary>
    internal static class JobLook
    {
        /// <summary>How many queries one look keeps in flight.</summary>
        public const int Concurrency = 4;

        /// <summary>A job as the service answers for it now, or the error that kept the answer away.</summary>
        public sealed class Result
        {
            public Result(VideoJob before, VideoJob? now, ShortApiException? error, string? note)
            {
                Before = before;
                Now = now;
                Error = error;
                Note = note;
            }

            public VideoJob Before { get; }

            public VideoJob? Now { get; }

            public ShortApiException? Error { get; }

            /// <summary>What is odd about the answer (finished without a link, an undocumented status), or null.</summary>
            public string? Note { get; }
        }

        /// <summary>Asks about every job once and returns the results in the order given.</summary>
        public static async Task<IReadOnlyList<Result>> RefreshAsync(ApiClient client, IReadOnlyList<VideoJob> jobs, IJobEvents events,
            TimeProvider clock, CancellationToken cancellationToken)
        {
            using var slots = new SemaphoreSlim(Concurrency);
            var looks = jobs.Select(async job =>
            {
                await slots.WaitAsync(cancellationToken).ConfigureAwait(false);
                try
                {
                    var state = await client.QueryJobAsync(job.JobId, cancellationToken).ConfigureAwait(false);
                    var now = job.WithState(state, clock.GetUtcNow());
                    events.Observed(job, now);
                    return new Result(job, now, null, Note(job.JobId, state, willAskAgain: false));
                }
                catch (ShortApiException ex)
                {
                    return new Result(job, null, ex, null);
                }
                finally
                {
                    slots.Release();
                }
            }).ToList();
            return await Task.WhenAll(looks).ConfigureAwait(false);
        }

        /// <summary>
        /// What is odd about an answer, in words shared by the watch (which asks again) and a single look (which tells
        /// the user to): a finished job without a link, or a status the API does not document. Null when nothing is.
        /// </summary>
        public static string? Note(string jobId, JobSnapshot state, bool willAskAgain)
        {
            if (state.Status == JobStatus.Succeeded && state.VideoUrls.Length == 0)
                return $"Job '{jobId}' is reported finished but the answer carries no video URL; " + (willAskAgain ? "asking again." : "ask again in a moment.");
            if (state.Status == JobStatus.Unknown)
                return $"Job '{jobId}' has status {state.StatusCode}, which is not documented; " +
                       (willAskAgain ? "treating it as still running until it changes or the wait times out." : "treat it as still running.");
            return null;
        }
    }
}
