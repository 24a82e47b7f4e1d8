using System;
using System.Threading.Tasks;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Pipeline
{
    /// <summary>One verbose line per try, masked: the method, the address (result links without their signed query) and whether the key went along.</summary>
    internal sealed class LoggingPolicy : PipelinePolicy
    {
        private readonly Action<string> _log;

        public LoggingPolicy(Action<string> log)
        {
            _log = log;
        }

        public override Task ProcessAsync(PipelineMessage message, PipelineNext next)
        {
            var request = message.Request!;
            var address = message.Kind == RequestKind.Download ? request.RequestUri!.GetLeftPart(UriPartial.Path) : request.RequestUri!.ToString();
            var credentials = request.Headers.Authorization != null ? $" (Authorization: Bearer {ApiKey.Mask})" : message.Kind == RequestKind.Download ? " (no credentials)" : string.Empty;
            var attempt = message.Attempt > 1 ? $" (attempt {message.Attempt})" : string.Empty;
            _log($"{request.Method} {address}{credentials}{attempt}");
            return next.InvokeAsync(message);
        }
    }
}
