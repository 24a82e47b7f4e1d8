using System.Threading.Tasks;

namespace ShortApi.Vidu.Pipeline
{
    /// <summary>
    /// Lets a try onto the wire only through its batch's gate, and runs the message's first-send hook right before the
    /// first try leaves (the job store's "sending" line is on disk before any byte of a paid create is).
    /// </summary>
    internal sealed class SendGatePolicy : PipelinePolicy
    {
        public override async Task ProcessAsync(PipelineMessage message, PipelineNext next)
        {
            var gate = message.Gate;
            if (gate != null && !gate.TryEnter())
            {
                throw new ShortApiException(ShortApiErrorKind.NotSent,
                    $"{message.What}: not sent, because the command was stopped. Nothing was created or charged.")
                { RequestIncomplete = true };
            }
            try
            {
                if (message.Attempt == 1) message.BeforeFirstSend?.Invoke();
                await next.InvokeAsync(message).ConfigureAwait(false);
            }
            finally
            {
                gate?.Leave();
            }
        }
    }
}
