using System;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;

namespace ShortApi.Vidu.Pipeline
{
    /// <summary>
    /// Bounds each try, so a silent server cannot hang a session. A try that runs out of time becomes a Timeout
    /// failure that says whether its body had completely left (a create whose body did not cannot have been acted on).
    /// </summary>
    internal sealed class PerTryTimeoutPolicy : PipelinePolicy
    {
        private readonly TimeSpan _timeout;

        public PerTryTimeoutPolicy(TimeSpan timeout)
        {
            _timeout = timeout;
        }

        public override async Task ProcessAsync(PipelineMessage message, PipelineNext next)
        {
            using var timer = CancellationTokenSource.CreateLinkedTokenSource(message.SendToken);
            timer.CancelAfter(_timeout);
            message.TryToken = timer.Token;
            message.ExtendTry = () => timer.CancelAfter(_timeout);
            try
            {
                await next.InvokeAsync(message).ConfigureAwait(false);
            }
            catch (Exception ex) when (IsOurTimeout(ex, timer, message))
            {
                var host = message.Request?.RequestUri?.Host ?? "the server";
                var seconds = _timeout.TotalSeconds.ToString("0.#", CultureInfo.InvariantCulture);
                var incomplete = message.HasBody && !message.Body.Complete;
                // A body cut short cannot have made a job: say so, rather than leave the user wondering whether it was paid.
                var finding = incomplete
                    ? $"The upload to {host} did not finish within {seconds} s, so nothing was created."
                    : $"No answer from {host} within {seconds} s.";
                var advice = incomplete
                    ? "Raise -RequestTimeoutSec (a large picture on a slow link needs longer), then submit it again."
                    : "Raise -RequestTimeoutSec, or try again later.";
                throw new ShortApiException(ShortApiErrorKind.Timeout, finding + " " + advice, jobId: message.JobId, innerException: ex, finding: finding)
                {
                    RequestIncomplete = incomplete,
                };
            }
            finally
            {
                message.ExtendTry = null;
                message.TryToken = CancellationToken.None;
            }
        }

        // .NET Framework's streams end a cancelled read by disposing, so an ObjectDisposedException after our timer fired
        // is the same timeout.
        private static bool IsOurTimeout(Exception ex, CancellationTokenSource timer, PipelineMessage message) =>
            (ex is OperationCanceledException || ex is ObjectDisposedException || ex is System.IO.IOException) &&
            timer.IsCancellationRequested && !message.SendToken.IsCancellationRequested;
    }
}
