using System.Linq;

namespace ShortApi.Vidu.Emulator;

/// <summary>The counters as <c>/_emulator/stats</c> (and <c>/_emulator/wait</c>) report them.</summary>
internal static class StatsView
{
    public static object Of(EmulatorState state) => new
    {
        createsReceived = state.CreatesReceived,
        createsAccepted = state.CreatesAccepted,
        createsRefused = state.CreatesRefused,
        acceptedJobIds = state.AcceptedJobIds,
        queriesReceived = state.QueriesReceived,
        downloadsServed = state.DownloadsServed,
        peakQueriesPerSecond = state.PeakQueriesPerSecond,
        createsInFlight = state.CreatesInFlight,
        downloadsInFlight = state.DownloadsInFlight,
        callbacks = state.RecordedCallbacks.Count,
        callbackSinkReceived = state.CallbackSinkBodies.Count,
        cdnRequests = state.CdnRequests.Count,
        cdnRequestsWithAuthorization = state.CdnRequests.Count(request => request.Authorization is not null),
        balanceRemaining = state.BalanceRemaining,
        pendingFaults = new
        {
            create = state.Faults.Pending(FaultEndpoint.Create),
            query = state.Faults.Pending(FaultEndpoint.Query),
            download = state.Faults.Pending(FaultEndpoint.Download),
        },
    };
}
