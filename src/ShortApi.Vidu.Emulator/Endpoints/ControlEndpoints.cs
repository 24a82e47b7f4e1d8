using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ShortApi.Vidu.Emulator;

/// <summary>The <c>/_emulator/*</c> endpoints: counters, recordings, faults and options for tests in other processes (no key needed).</summary>
internal sealed class ControlEndpoints
{
    private static readonly JsonSerializerOptions OutputOptions = new(JsonSerializerDefaults.Web)
    {
        // Recorded bodies are JSON themselves; relaxed escaping keeps them readable ("code", not \u0022code\u0022).
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly EmulatorRuntime runtime;

    public ControlEndpoints(EmulatorRuntime runtime)
    {
        this.runtime = runtime;
    }

    public void MapTo(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/_emulator/stats", (RequestDelegate)(http => WriteAsync(http, Stats())));
        routes.MapGet("/_emulator/requests", (RequestDelegate)(http => WriteAsync(http, runtime.State.RecordedRequests)));
        routes.MapGet("/_emulator/cdn-requests", (RequestDelegate)(http => WriteAsync(http, runtime.State.CdnRequests)));
        routes.MapGet("/_emulator/callbacks", (RequestDelegate)(http => WriteAsync(http, runtime.State.RecordedCallbacks)));
        routes.MapGet("/_emulator/callback-sink", (RequestDelegate)(http => WriteAsync(http, runtime.State.CallbackSinkBodies)));
        routes.MapPost("/_emulator/callback-sink", (RequestDelegate)ReceiveCallbackAsync);
        routes.MapPost("/_emulator/faults", (RequestDelegate)EnqueueFaultsAsync);
        routes.MapGet("/_emulator/options", (RequestDelegate)(http => WriteAsync(http, OptionsView())));
        routes.MapPost("/_emulator/options", (RequestDelegate)ChangeOptionsAsync);
        routes.MapPost("/_emulator/reset", (RequestDelegate)(http =>
        {
            runtime.State.Reset();
            return WriteAsync(http, new { reset = true });
        }));
    }

    private object Stats()
    {
        EmulatorState state = runtime.State;
        return new
        {
            createsReceived = state.CreatesReceived,
            createsAccepted = state.CreatesAccepted,
            acceptedJobIds = state.AcceptedJobIds,
            queriesReceived = state.QueriesReceived,
            downloadsServed = state.DownloadsServed,
            peakQueriesPerSecond = state.PeakQueriesPerSecond,
            createsInFlight = state.CreatesInFlight,
            callbacks = state.RecordedCallbacks.Count,
            callbackSinkReceived = state.CallbackSinkBodies.Count,
            cdnRequests = state.CdnRequests.Count,
            cdnRequestsWithAuthorization = state.CdnRequests.Count(request => request.Authorization is not null),
            pendingFaults = new
            {
                create = state.Faults.Pending(FaultEndpoint.Create),
                query = state.Faults.Pending(FaultEndpoint.Query),
                download = state.Faults.Pending(FaultEndpoint.Download),
            },
        };
    }

    private object OptionsView()
    {
        EmulatorOptions options = runtime.Options;
        return new
        {
            jobSeconds = options.JobDuration.TotalSeconds,
            createDelayMs = options.CreateDelay.TotalMilliseconds,
            failJobRate = options.FailJobRate,
            createFaultRate = options.CreateFaultRate,
            queryFaultRate = options.QueryFaultRate,
            retryAfterSeconds = options.RetryAfterSeconds,
            resultField = options.ResultField,
            audioSurcharge = options.AudioSurcharge,
            maxRequestBodyBytes = options.MaxRequestBodyBytes,
        };
    }

    private async Task ReceiveCallbackAsync(HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        runtime.State.RecordSinkBody(await reader.ReadToEndAsync(http.RequestAborted));
        await WriteAsync(http, new { received = true });
    }

    private async Task EnqueueFaultsAsync(HttpContext http)
    {
        using JsonDocument? document = await ReadJsonAsync(http);
        if (document is null)
        {
            return;
        }

        try
        {
            // Check every list before queueing any, so a typo leaves the queues as they were.
            var lists = new List<(FaultEndpoint Endpoint, string[] Tokens)>();
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException("the body must be a JSON object such as {\"create\":[\"429\"]}");
            }

            foreach (JsonProperty property in document.RootElement.EnumerateObject())
            {
                FaultEndpoint endpoint = FaultScript.EndpointNamed(property.Name);
                string[] tokens = TokensOf(property);
                foreach (string token in tokens)
                {
                    FaultToken.Parse(endpoint, token);
                }

                lists.Add((endpoint, tokens));
            }

            foreach ((FaultEndpoint endpoint, string[] tokens) in lists)
            {
                runtime.State.Faults.Enqueue(endpoint, tokens);
            }
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            await JsonReplies.WriteErrorAsync(http, StatusCodes.Status400BadRequest, exception.Message);
            return;
        }

        await WriteAsync(http, Stats());
    }

    private static string[] TokensOf(JsonProperty property)
    {
        if (property.Value.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{property.Name} must be an array of strings");
        }

        return property.Value.EnumerateArray()
            .Select(token => token.ValueKind == JsonValueKind.String ? token.GetString()! : throw new FormatException($"{property.Name} must be an array of strings"))
            .ToArray();
    }

    private async Task ChangeOptionsAsync(HttpContext http)
    {
        using JsonDocument? document = await ReadJsonAsync(http);
        if (document is null)
        {
            return;
        }

        try
        {
            OptionsPatch patch = OptionsPatch.Read(document.RootElement);
            EmulatorOptions trial = runtime.Options.Clone();
            patch.ApplyTo(trial);
            trial.Validate();
            patch.ApplyTo(runtime.Options);
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException)
        {
            await JsonReplies.WriteErrorAsync(http, StatusCodes.Status400BadRequest, exception.Message);
            return;
        }

        await WriteAsync(http, OptionsView());
    }

    /// <summary>Parses the body, or answers 400 and returns null.</summary>
    private static async Task<JsonDocument?> ReadJsonAsync(HttpContext http)
    {
        try
        {
            return await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException exception)
        {
            await JsonReplies.WriteErrorAsync(http, StatusCodes.Status400BadRequest, $"the body is not valid JSON: {exception.Message}");
            return null;
        }
    }

    private static async Task WriteAsync<T>(HttpContext http, T value)
    {
        byte[] json = JsonSerializer.SerializeToUtf8Bytes(value, OutputOptions);
        await JsonReplies.WriteBytesAsync(http, StatusCodes.Status200OK, json);
    }
}
