using System;
using System.Globalization;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ShortApi.Vidu.Emulator;

/// <summary><c>POST /api/v1/job/create</c>: key, size, faults, delay, validation by the model's rules, balance, then a job and its price.</summary>
/// <remarks>
/// Every answer falls on one side of the line a client's money rule depends on: refused before anything was made
/// (counted in <see cref="EmulatorState.CreatesRefused"/>), or made and charged, whatever the answer then looks like.
/// </remarks>
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
            await RefuseAsync(http, StatusCodes.Status401Unauthorized, "missing or invalid API key (send Authorization: Bearer <key>)");
            return;
        }

        BodyReadResult body = await RequestBodyReader.ReadAsync(http.Request, options.MaxRequestBodyBytes, abort);
        if (body.TooLarge)
        {
            runtime.Record(http, arrived, bodyLength: body.Length);
            await RefuseAsync(http, StatusCodes.Status413PayloadTooLarge, $"request body is larger than {options.MaxRequestBodyBytes} bytes");
            return;
        }

        using JsonDocument? document = TryParse(body.Bytes);
        string recordedBody = document is null ? RecordedBodyText.FromRaw(body.Bytes.Span) : RecordedBodyText.FromJson(document.RootElement);
        RecordedRequest recorded = runtime.Record(http, arrived, recordedBody, body.Length);

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
            await RefuseAsync(http, StatusCodes.Status400BadRequest, "the body is not valid JSON");
            return;
        }

        if (!CreateRequestValidator.TryRead(document.RootElement, out ValidatedCreate? create, out string? error))
        {
            await RefuseAsync(http, StatusCodes.Status400BadRequest, error);
            return;
        }

        EmulatedJob job = NewJob(create, options);
        if (!runtime.State.TryAccept(job, recorded, out decimal? balanceLeft))
        {
            string left = AmountText.Of(balanceLeft ?? 0m);
            await RefuseAsync(http, StatusCodes.Status402PaymentRequired,
                $"insufficient balance: this job costs {AmountText.Of(job.Amount)} USD and {left} USD is left");
            return;
        }

        runtime.Callbacks.Schedule(job);
        await AnswerCreatedAsync(http, job, fault, abort);
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

    /// <summary>Counts the refusal before writing it, so a client that has read the answer finds it counted.</summary>
    private Task RefuseAsync(HttpContext http, int statusCode, string message)
    {
        runtime.State.CreateRefused();
        return JsonReplies.WriteErrorAsync(http, statusCode, message);
    }

    /// <summary>Faults that refuse before anything is done: envelope refusals, malformed 200s, and the random create faults.</summary>
    private async Task<bool> TryRefuseUnactedAsync(HttpContext http, FaultToken? fault)
    {
        if (fault is null)
        {
            if (!runtime.Random.Chance(runtime.Options.CreateFaultRate))
            {
                return false;
            }

            int status = runtime.Random.Pick(StatusCodes.Status429TooManyRequests, StatusCodes.Status503ServiceUnavailable);
            runtime.State.CreateRefused();
            await FaultReplies.WriteRefusalAsync(http, status, runtime.Options.RetryAfterSeconds);
            return true;
        }

        switch (fault.Kind)
        {
            case FaultKind.HttpStatus:
                runtime.State.CreateRefused();
                await FaultReplies.WriteRefusalAsync(http, fault.Number, RetryAfterFor(fault));
                return true;
            case FaultKind.Html or FaultKind.Empty or FaultKind.Truncated or FaultKind.ErrorCode or FaultKind.EchoAuthorization:
                runtime.State.CreateRefused();
                return await FaultReplies.TryWriteMalformedAsync(http, fault);
            default:
                return false;
        }
    }

    /// <summary>The service says when to come back on a 429 or a 503 refusal: the token's own seconds, else the option.</summary>
    private int? RetryAfterFor(FaultToken fault) =>
        fault.Number is StatusCodes.Status429TooManyRequests or StatusCodes.Status503ServiceUnavailable
            ? fault.RetryAfterSeconds ?? runtime.Options.RetryAfterSeconds
            : null;

    /// <summary>A job for this create, priced by its model's rule and with its ending decided; not yet accepted or charged.</summary>
    private EmulatedJob NewJob(ValidatedCreate create, EmulatorOptions options)
    {
        CreateArguments arguments = create.Arguments;
        string? failure = null;
        if (PromptMarkers.AsksToFail(arguments.Prompt))
        {
            failure = $"emulated failure: the prompt contains {PromptMarkers.Fail}";
        }
        else if (runtime.Random.Chance(options.FailJobRate))
        {
            failure = $"emulated failure: random failure (FailJobRate {options.FailJobRate.ToString(CultureInfo.InvariantCulture)})";
        }

        // Only models that list generate_audio can have it true, so the surcharge follows the model's own fields.
        decimal amount = ModelPrices.PriceOf(create.Model, arguments, options)
            + (arguments.GenerateAudio ? options.AudioSurcharge : 0m);
        return new EmulatedJob(
            Guid.NewGuid().ToString("N"),
            arguments,
            runtime.Clock.GetTimestamp(),
            options.JobDuration,
            amount,
            failure,
            PromptMarkers.ReportedStatus(arguments.Prompt),
            create.CallbackUrl);
    }

    /// <summary>The normal answer, or the faults that strike after the job exists (the ambiguous cases a client must not resend).</summary>
    private async Task AnswerCreatedAsync(HttpContext http, EmulatedJob job, FaultToken? fault, CancellationToken abort)
    {
        switch (fault?.Kind)
        {
            case FaultKind.Drop:
                http.Abort();
                return;
            case FaultKind.Gateway:
                await FaultReplies.WriteGatewayPageAsync(http, fault.Number);
                return;
            case FaultKind.Late:
                // The job already exists; a client that leaves now has paid for it without hearing so.
                await Task.Delay(TimeSpan.FromMilliseconds(fault.Number), runtime.Clock, abort);
                break;
        }

        string contentType = fault?.Kind == FaultKind.BadCharset ? "application/json; charset=utf8mb4" : "application/json";
        await JsonReplies.WriteBytesAsync(http, StatusCodes.Status200OK, CreateAnswer.For(job, runtime.Options.FlatAnswers), contentType);
    }
}
