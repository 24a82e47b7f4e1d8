using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Tasks;

namespace ShortApi.Vidu.Emulator;

/// <summary>Runs one emulator from the command line until Ctrl+C, SIGTERM or (optionally) the end of stdin or of a parent process.</summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        CommandLineRequest request = CommandLineParser.Parse(args);
        if (request.Error is not null)
        {
            Console.Error.WriteLine($"error: {request.Error}");
            Console.Error.WriteLine("Run with --help for the list of options.");
            return 2;
        }

        if (request.ShowHelp)
        {
            Console.Out.Write(CommandLineParser.Usage);
            return 0;
        }

        // The parent must be alive now, or it was never there (a mistyped id): then say so rather than stop at once unexplained.
        DateTime startedAt = Process.GetCurrentProcess().StartTime;
        foreach (int parent in request.ParentProcessIds)
        {
            if (!ParentProcessWatch.IsRunning(parent, startedAt))
            {
                Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"error: --parent-pid {parent}: no such process is running"));
                return 2;
            }
        }

        var stopRequested = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Action<PosixSignalContext> onSignal = context =>
        {
            // Cancel the default termination so the listeners close cleanly first.
            context.Cancel = true;
            stopRequested.TrySetResult();
        };
        using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, onSignal);
        using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, onSignal);

        EmulatorServer server;
        try
        {
            server = await EmulatorServer.StartAsync(request.Options);
        }
        catch (IOException exception)
        {
            Console.Error.WriteLine($"error: could not listen: {exception.Message}");
            return 1;
        }

        ForwardProxy? proxy = request.ForwardProxy ? await ForwardProxy.StartAsync() : null;
        await using (server)
        {
            foreach (string line in SettingLines.For(server.BaseUri, server.ApiKey, server.CdnUri, ModelCatalogue.Ids.Count, proxy?.Uri))
            {
                WriteLine(line);
            }

            if (request.ExitOnStdinClose)
            {
                WatchStdin(stopRequested);
            }

            if (request.ParentProcessIds.Count > 0)
            {
                _ = ParentProcessWatch.WatchAsync(request.ParentProcessIds, startedAt, stopRequested);
            }

            await stopRequested.Task;
            if (proxy is not null)
            {
                await proxy.StopAsync();
            }

            await server.StopAsync();
        }

        return 0;
    }

    /// <summary>Scripts parse these lines as they come, so each one is flushed at once.</summary>
    private static void WriteLine(string line)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }

    private static void WatchStdin(TaskCompletionSource stopRequested)
    {
        // A blocking read belongs on its own thread; the thread is a background one so it never holds the process open.
        var watcher = new Thread(() =>
        {
            using Stream input = Console.OpenStandardInput();
            byte[] buffer = new byte[256];
            while (input.Read(buffer, 0, buffer.Length) > 0)
            {
            }

            stopRequested.TrySetResult();
        })
        {
            IsBackground = true,
            Name = "stdin watcher",
        };
        watcher.Start();
    }
}
