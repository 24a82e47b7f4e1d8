using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;

namespace ShortApi.Vidu.Emulator;

/// <summary>
/// <c>GET /_emulator/wait?createsReceived=N&amp;...&amp;timeoutMs=T</c>: answers the stats once every named count has
/// reached its number (or, named with the suffix <c>AtMost</c>, fallen to it: <c>createsInFlightAtMost=0</c>), or 408
/// with the stats when the time runs out. Lets a test in another process wait on events instead of sleeping.
/// </summary>
internal sealed class WaitEndpoint
{
    private const int DefaultTimeoutMs = 30_000;

    private static readonly Dictionary<string, Func<EmulatorState, int>> Counts = new(StringComparer.Ordinal)
    {
        ["createsReceived"] = state => state.CreatesReceived,
        ["createsAccepted"] = state => state.CreatesAccepted,
        ["createsRefused"] = state => state.CreatesRefused,
        ["queriesReceived"] = state => state.QueriesReceived,
        ["downloadsServed"] = state => state.DownloadsServed,
        ["cdnRequests"] = state => state.CdnRequests.Count,
        ["createsInFlight"] = state => state.CreatesInFlight,
        ["downloadsInFlight"] = state => state.DownloadsInFlight,
    };

    /// <summary>A name ending in this waits for the count to fall to the number (createsInFlightAtMost=0: no create on the wire).</summary>
    private const string AtMostSuffix = "AtMost";

    private readonly EmulatorRuntime runtime;

    public WaitEndpoint(EmulatorRuntime runtime)
    {
        this.runtime = runtime;
    }

    public async Task HandleAsync(HttpContext http)
    {
        List<Target> targets;
        int timeoutMs;
        try
        {
            (targets, timeoutMs) = Read(http.Request.Query);
        }
        catch (FormatException exception)
        {
            await JsonReplies.WriteErrorAsync(http, StatusCodes.Status400BadRequest, exception.Message);
            return;
        }

        await runtime.AnswerUnlessGoneAsync(http, async (context, abort) =>
        {
            int status = StatusCodes.Status200OK;
            try
            {
                await runtime.State.WaitUntilAsync(state => targets.All(target => target.HoldsFor(state)), TimeSpan.FromMilliseconds(timeoutMs), abort);
            }
            catch (TimeoutException)
            {
                status = StatusCodes.Status408RequestTimeout;
            }

            await ControlJson.WriteAsync(context, status, StatsView.Of(runtime.State));
        });
    }

    /// <summary>The counts to wait for and the timeout; throws <see cref="FormatException"/> for an unknown name or a bad number.</summary>
    private static (List<Target> Targets, int TimeoutMs) Read(IQueryCollection query)
    {
        var targets = new List<Target>();
        int timeoutMs = DefaultTimeoutMs;
        foreach ((string name, StringValues values) in query)
        {
            int number = NumberOf(name, values);
            if (name == "timeoutMs")
            {
                timeoutMs = number;
            }
            else if (Counts.TryGetValue(name, out Func<EmulatorState, int>? count))
            {
                targets.Add(new Target(count, number, AtMost: false));
            }
            else if (name.EndsWith(AtMostSuffix, StringComparison.Ordinal) && Counts.TryGetValue(name[..^AtMostSuffix.Length], out Func<EmulatorState, int>? falling))
            {
                targets.Add(new Target(falling, number, AtMost: true));
            }
            else
            {
                throw new FormatException($"unknown parameter {name}; wait for any of {string.Join(", ", Counts.Keys)}, each at least the number or, with the suffix {AtMostSuffix}, at most (and give timeoutMs)");
            }
        }

        if (targets.Count == 0)
        {
            throw new FormatException($"name at least one count to wait for: {string.Join(", ", Counts.Keys)}");
        }

        return (targets, timeoutMs);
    }

    private static int NumberOf(string name, StringValues values) =>
        values.Count == 1 && int.TryParse(values[0], NumberStyles.None, CultureInfo.InvariantCulture, out int number)
            ? number
            : throw new FormatException($"{name} must be given once, as a whole number that is not negative");

    /// <summary>One count to wait for: at least <see cref="Number"/>, or with <see cref="AtMost"/> at most.</summary>
    private sealed record Target(Func<EmulatorState, int> Count, int Number, bool AtMost)
    {
        public bool HoldsFor(EmulatorState state) => AtMost ? Count(state) <= Number : Count(state) >= Number;
    }
}
