using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ShortApi.Vidu.Emulator;

/// <summary><c>GET /api/v1/job/query?id=</c>: key, faults, then the job's status worked out from the clock.</summary>
internal sealed class QueryJobEndpoint
{
    private static readonly int[] RandomFaultStatuses = { 500, 502, 503, 504 };

    private readonly EmulatorRuntime runtime;

    public QueryJobEndpoint(EmulatorRuntime runtime)
    {
        this.runtime = runtime;
    }

    public Task HandleAsync(HttpContext http) => runtime.AnswerUnlessGoneAsync(http, AnswerAsync);

    private async Task AnswerAsync(HttpContext http, CancellationToken abort)
    {
        runtime.State.QueryArrived();
        runtime.Record(http, runtime.Clock.GetUtcNow());
        EmulatorOptions options = runtime.Options;
        if (!BearerKeyCheck.Accepts(http.Request, options.ApiKey))
        {
            await JsonReplies.WriteErrorAsync(http, StatusCodes.Status401Unauthorized, "missing or invalid API key (send Authorization: Bearer <key>)");
            return;
        }

        FaultToken? fault = runtime.State.Faults.TakeNext(FaultEndpoint.Query);
        if (fault is null && runtime.Random.Chance(options.QueryFaultRate))
        {
            await FaultReplies.WriteRefusalAsync(http, runtime.Random.Pick(RandomFaultStatuses), retryAfterSeconds: null);
            return;
        }

        if (fault is not null && await TryAnswerFaultAsync(http, fault, abort))
        {
            return;
        }

        string? id = http.Request.Query["id"];
        if (string.IsNullOrEmpty(id))
        {
            await JsonReplies.WriteErrorAsync(http, StatusCodes.Status400BadRequest, "id is required (GET /api/v1/job/query?id=<job_id>)");
            return;
        }

        if (!runtime.State.Jobs.TryGet(id, out EmulatedJob? job))
        {
            await JsonReplies.WriteErrorAsync(http, StatusCodes.Status404NotFound, $"job {id} not found");
            return;
        }

        TimeSpan elapsed = runtime.Clock.GetElapsedTime(job.CreatedTimestamp);
        await JsonReplies.WriteBytesAsync(http, StatusCodes.Status200OK, JobAnswer.For(job, elapsed, options.ResultFieldFor(job.Model), runtime.CdnUri, options.FlatAnswers));
    }

    /// <summary>Answers as <paramref name="fault"/> says; false when the request should go on normally (<c>pass</c>, or after a <c>slow</c> wait).</summary>
    private async Task<bool> TryAnswerFaultAsync(HttpContext http, FaultToken fault, CancellationToken abort)
    {
        bool flat = runtime.Options.FlatAnswers;
        switch (fault.Kind)
        {
            case FaultKind.Pass:
                return false;
            case FaultKind.HttpStatus:
                int? retryAfter = fault.Number == StatusCodes.Status429TooManyRequests ? fault.RetryAfterSeconds ?? runtime.Options.RetryAfterSeconds : null;
                await FaultReplies.WriteRefusalAsync(http, fault.Number, retryAfter);
                return true;
            case FaultKind.Gateway:
                await FaultReplies.WriteGatewayPageAsync(http, fault.Number);
                return true;
            case FaultKind.Drop:
                http.Abort();
                return true;
            case FaultKind.Slow:
                await Task.Delay(TimeSpan.FromMilliseconds(fault.Number), runtime.Clock, abort);
                return false;
            case FaultKind.ReportStatus:
                await JsonReplies.WriteBytesAsync(http, StatusCodes.Status200OK, JobAnswer.StatusOnly(fault.Number, flat));
                return true;
            case FaultKind.NoUrl:
                await JsonReplies.WriteBytesAsync(http, StatusCodes.Status200OK, JobAnswer.Succeeded(NoUrlFieldFor(http), null, flat));
                return true;
            default:
                return await FaultReplies.TryWriteMalformedAsync(http, fault);
        }
    }

    /// <summary>The list name a <c>nourl</c> answer uses: the queried job's model's, when the id names a job; else <see cref="EmulatorOptions.ResultField"/>.</summary>
    private string NoUrlFieldFor(HttpContext http)
    {
        string? id = http.Request.Query["id"];
        EmulatorOptions options = runtime.Options;
        return !string.IsNullOrEmpty(id) && runtime.State.Jobs.TryGet(id, out EmulatedJob? job) ? options.ResultFieldFor(job.Model) : options.ResultField;
    }
}
