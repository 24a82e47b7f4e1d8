using System.Collections.Generic;

namespace ShortApi.Vidu.Emulator;

/// <summary>What the command line asked for: options to run with, help, or an error to report with exit code 2.</summary>
internal sealed class CommandLineRequest
{
    public EmulatorOptions Options { get; } = new();

    public bool ShowHelp { get; set; }

    /// <summary>Stop when stdin reaches its end, so a parent script's exit takes the emulator with it.</summary>
    public bool ExitOnStdinClose { get; set; }

    /// <summary>Stop when any of these processes ends, however it ends (--parent-pid, repeatable); a parent that is SIGKILLed cannot stop its child itself.</summary>
    public List<int> ParentProcessIds { get; } = [];

    /// <summary>Also run a <see cref="ForwardProxy"/> (no credentials), for testing clients that honour HTTP_PROXY.</summary>
    public bool ForwardProxy { get; set; }

    public string? Error { get; set; }
}
