using System;
using System.Threading.Tasks;
using ShortApi.Vidu.Transport;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Pipeline
{
    /// <summary>
    /// One verbose line per try, masked: the method, the address (result links without their signed query), whether the
    /// key went along, and the proxy it goes through (an explicit one, or the one the platform's default picks for it),
    /// so someone behind a corporate proxy can see which path a request took.
    /// </summary>
    internal sealed class LoggingPolicy : PipelinePolicy
    {
        private readonly Action<string> _log;
        private readonly System.Net.IWebProxy? _explicit;

        public LoggingPolicy(Action<string> log, ProxySettings? proxy = null)
        {
            _log = log;
            _explicit = proxy?.CreateWebProxy();
        }

        public override Task ProcessAsync(PipelineMessage message, PipelineNext next)
        {
            var request = message.Request!;
            var address = message.Kind == RequestKind.Download ? request.RequestUri!.GetLeftPart(UriPartial.Path) : request.RequestUri!.ToString();
            var credentials = request.Headers.Authorization != null ? $" (Authorization: Bearer {ApiKey.Mask})" : message.Kind == RequestKind.Download ? " (no credentials)" : string.Empty;
            var attempt = message.Attempt > 1 ? $" (attempt {message.Attempt})" : string.Empty;
            _log($"{request.Method} {address}{credentials}{Route(request.RequestUri!)}{attempt}");
            return next.InvokeAsync(message);
        }

        private string Route(Uri destination)
        {
            var via = _explicit != null ? SystemProxy.Through(_explicit, destination) : SystemProxy.For(destination);
            if (via == null) return _explicit != null ? " (direct: the proxy is bypassed for this address)" : string.Empty;
            return (_explicit != null ? " via proxy " : " via the system proxy ") + ProxySettings.WithoutUserInfo(via);
        }
    }
}
