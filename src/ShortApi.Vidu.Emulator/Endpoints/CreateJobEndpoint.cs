using System;
using System.IO;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ShortApi.Vidu.Emulator;

/// <summary><c>POST /api/v1/job/create</c>: key, size, faults, delay, validation, then a job and its price.</summary>
internal sealed class CreateJobEndpoint
{
    private readonly EmulatorRuntime runtime;

    public CreateJobEndpoint(EmulatorRuntime runtime)
    {
        this.runtime = runtime;
    }

    public async Task HandleAsync(HttpContext http)
    {
        runtime.State.CreateArrived();
        try
        {
            await runtime.AnswerUnlessGoneAsync(http, AnswerAsync);
        }
        finally
        {
            runtime.State.CreateAnswered();
        }
    }

    private async Task AnswerAsync(HttpContext http, CancellationToken abort)
    {
        EmulatorOptions options = runtime.Options;
        DateTimeOffset arrived = runtime.Clock.GetUtcNow();
        if (!BearerKeyCheck.Accepts(http.Request, options.ApiKey))
        {
            runtime.Record(http, arrived, bodyLength: http.Request.ContentLength);
            await JsonReplies.WriteErrorAsync(http, StatusCodes.Status401Unauthorized, "missing or invalid API key (send Authorization: Bearer <key>)");
            return;
        }

        BodyReadResult body = await RequestBodyReader.ReadAsync(http.Request, options.MaxRequestBodyBytes, abort);
        if (body.TooLarge)
        {
            runtime.Record(http, arrived, bodyLength: body.Length);
            await JsonReplies.WriteErrorAsync(http, StatusCodes.Status413PayloadTooLarge, $"request body is larger than {options.MaxRequestBodyBytes} bytes");
            return;
        }

        using JsonDocument? document = TryParse(body.Bytes);
        string recordedBody = document is null ? RecordedBodyText.FromRaw(body.Bytes.Span) : RecordedBodyText.FromJson(document.RootElement);
        runtime.Record(http, arrived, recordedBody, body.Length);

        FaultToken? fault = runtime.State.Faults.TakeNext(FaultEndpoint.Create);
        if (await TryRefuseUnactedAsync(http, fault))
        {
            return;
        }

        TimeSpan wait = options.CreateDelay + (fault?.Kind == FaultKind.Slow ? TimeSpan.FromMilliseconds(fault.Number) : TimeSpan.Zero);
        if (wait > TimeSpan.Zero)
        {
            // If the client gives up during the wait, the cancellation ends the request here: the server never acted.
            await Task.Delay(wait, runtime.Clock, abort);
        }

        if (document is null)
        {
            await JsonReplies.WriteErrorAsync(http, StatusCodes.Status400BadRequest, "the body is not valid JSON");
            return;
        }

        if (!CreateRequestValidator.TryRead(document.RootElement, out JobArguments? arguments, out string? error))
        {
            await JsonReplies.WriteErrorAsync(http, StatusCodes.Status400BadRequest, error);
            return;
        }

        EmulatedJob job = CreateJob(arguments, options);
        await AnswerCreatedAsync(http, job, fault);
    }

    private static JsonDocument? TryParse(ReadOnlyMemory<byte> body)
    {
        try
        {
            return JsonDocument.Parse(body);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Faults that refuse before anything is done: 429, 503, malformed 200s, and the random create faults.</summary>
    private async Task<bool> TryRefuseUnactedAsync(HttpContext http, FaultToken? fault)
    {
        int retryAfter = runtime.Options.RetryAfterSeconds;
        if (fault is null)
        {
            if (!runtime.Random.Chance(runtime.Options.CreateFaultRate))
            {
                return false;
            }

            await FaultReplies.WriteStatusAsync(http, runtime.Random.Pick(StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable), retryAfter);
            return true;
        }

        if (fault.Kind == FaultKind.HttpStatus && fault.Number is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable)
        {
            await FaultReplies.WriteStatusAsync(http, fault.Number, retryAfter);
            return true;
        }

        return await FaultReplies.TryWriteMalformedAsync(http, fault);
    }

    private EmulatedJob CreateJob(JobArguments arguments, EmulatorOptions options)
    {
        string? failure = null;
        if (PromptMarkers.AsksToFail(arguments.Prompt))
        {
            failure = $"emulated failure: the prompt contains {PromptMarkers.Fail}";
        }
        else if (runtime.Random.Chance(options.FailJobRate))
        {
            failure = $"emulated failure: random failure (FailJobRate {options.FailJobRate.ToString(System.Globalization.CultureInfo.InvariantCulture)})";
        }

        decimal amount = ViduPriceTable.PriceOf(arguments.Mode, arguments.Resolution, arguments.DurationSeconds)
            + (arguments.GenerateAudio ? options.AudioSurcharge : 0m);
        var job = new EmulatedJob(
            Guid.NewGuid().ToString("N"),
            runtime.Clock.GetTimestamp(),
            options.JobDuration,
            amount,
            failure,
            PromptMarkers.ReportedStatus(arguments.Prompt),
            arguments.CallbackUrl);
        runtime.State.Accept(job);
        runtime.Callbacks.Schedule(job);
        return job;
    }

    /// <summary>The normal answer, or the faults that strike after the job exists (the ambiguous cases a client must not resend).</summary>
    private async Task AnswerCreatedAsync(HttpContext http, EmulatedJob job, FaultToken? fault)
    {
        if (fault?.Kind == FaultKind.Drop)
        {
            http.Abort();
            return;
        }

        if (fault?.Kind == FaultKind.HttpStatus)
        {
            await FaultReplies.WriteStatusAsync(http, fault.Number, runtime.Options.RetryAfterSeconds);
            return;
        }

        byte[] answer = JsonReplies.Build(writer =>
        {
            writer.WriteStartObject();
            writer.WriteNumber("code", 0);
            writer.WriteStartObject("data");
            writer.WriteString("amount", AmountText.Of(job.Amount));
            writer.WriteString("job_id", job.Id);
            writer.WriteEndObject();
            writer.WriteEndObject();
        });
        string contentType = fault?.Kind == FaultKind.BadCharset ? "application/json; charset=utf8mb4" : "application/json";
        await JsonReplies.WriteBytesAsync(http, StatusCodes.Status200OK, answer, contentType);
    }
}
