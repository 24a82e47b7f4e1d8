using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;

namespace ShortApi.Vidu.Emulator;

/// <summary>A host lifetime that ignores Ctrl+C and SIGTERM: an emulator inside a test process must not hijack them; Program.cs handles signals itself.</summary>
internal sealed class QuietHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
