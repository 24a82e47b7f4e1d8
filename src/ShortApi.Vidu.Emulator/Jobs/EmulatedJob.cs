using System;
using System.Threading;

namespace ShortApi.Vidu.Emulator;

/// <summary>A job the emulator accepted; its status is worked out from the clock whenever someone asks.</summary>
internal sealed class EmulatedJob
{
    private Timer? callbackTimer;

    public EmulatedJob(string id, CreateArguments arguments, long createdTimestamp, TimeSpan duration, decimal amount, string? failureReason, int? reportedStatus, Uri? callbackUrl)
    {
        Id = id;
        Arguments = arguments;
        CreatedTimestamp = createdTimestamp;
        Duration = duration;
        Amount = amount;
        FailureReason = failureReason;
        ReportedStatus = reportedStatus;
        CallbackUrl = callbackUrl;
    }

    /// <summary>32 lowercase hex digits, like the service's ids.</summary>
    public string Id { get; }

    /// <summary>What the create asked for; its model decides the result list's name.</summary>
    public CreateArguments Arguments { get; }

    /// <summary>The model id the job was created for.</summary>
    public string Model => Arguments.Model;

    /// <summary>Clock timestamp of creation (<see cref="TimeProvider.GetTimestamp"/>).</summary>
    public long CreatedTimestamp { get; }

    /// <summary>Fixed at creation, so changing the option later does not move jobs already running.</summary>
    public TimeSpan Duration { get; }

    /// <summary>USD charged, as answered by the create.</summary>
    public decimal Amount { get; }

    /// <summary>Reason reported once the job ends, when it is meant to fail.</summary>
    public string? FailureReason { get; }

    /// <summary>Status number from a <c>#status=n</c> marker, reported instead of an ending.</summary>
    public int? ReportedStatus { get; }

    /// <summary>Where the finished job is posted, or null.</summary>
    public Uri? CallbackUrl { get; }

    private volatile bool finishedNow;

    /// <summary>Ends the job at once, as if its duration had passed (a test that must not wait for it says so).</summary>
    public void FinishNow() => finishedNow = true;

    private TimeSpan Effective(TimeSpan elapsed) => finishedNow && elapsed < Duration ? Duration : elapsed;

    /// <summary>Status number after <paramref name="elapsed"/> since creation: 0 queued, 1 processing, then the ending.</summary>
    public int StatusAfter(TimeSpan elapsed)
    {
        elapsed = Effective(elapsed);
        if (elapsed < Duration / 2)
        {
            return JobStatusNumbers.Queued;
        }

        if (elapsed < Duration)
        {
            return JobStatusNumbers.Processing;
        }

        if (ReportedStatus is int reported)
        {
            return reported;
        }

        return FailureReason is null ? JobStatusNumbers.Succeeded : JobStatusNumbers.Failed;
    }

    /// <summary>Whether the video can be downloaded after <paramref name="elapsed"/>.</summary>
    public bool HasVideoAfter(TimeSpan elapsed) =>
        Effective(elapsed) >= Duration && ReportedStatus is null && FailureReason is null;

    /// <summary>Keeps the timer that will post the callback, so a reset or stop can cancel it.</summary>
    public void AttachCallbackTimer(Timer timer)
    {
        Interlocked.Exchange(ref callbackTimer, timer)?.Dispose();
    }

    /// <summary>Cancels a pending callback, if any.</summary>
    public void CancelCallback()
    {
        Interlocked.Exchange(ref callbackTimer, null)?.Dispose();
    }
}
