using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace ShortApi.Vidu.Emulator;

/// <summary>The <c>/_emulator/*</c> endpoints: counters, recordings, faults and options for tests in other processes (no key needed).</summary>
internal sealed class ControlEndpoints
{
    private readonly EmulatorRuntime runtime;

    public ControlEndpoints(EmulatorRuntime runtime)
    {
        this.runtime = runtime;
    }

    public void MapTo(IEndpointRouteBuilder routes)
    {
        routes.MapGet("/_emulator/stats", (RequestDelegate)(http => WriteAsync(http, StatsView.Of(runtime.State))));
        routes.MapGet("/_emulator/wait", (RequestDelegate)new WaitEndpoint(runtime).HandleAsync);
        routes.MapGet("/_emulator/requests", (RequestDelegate)(http => WriteAsync(http, runtime.State.RecordedRequests)));
        routes.MapGet("/_emulator/jobs", (RequestDelegate)(http => WriteAsync(http, runtime.State.AcceptedJobs)));
        routes.MapGet("/_emulator/cdn-requests", (RequestDelegate)(http => WriteAsync(http, runtime.State.CdnRequests)));
        routes.MapGet("/_emulator/callbacks", (RequestDelegate)(http => WriteAsync(http, runtime.State.RecordedCallbacks)));
        routes.MapGet("/_emulator/callback-sink", (RequestDelegate)(http => WriteAsync(http, runtime.State.CallbackSinkBodies)));
        routes.MapPost("/_emulator/callback-sink", (RequestDelegate)ReceiveCallbackAsync);
        routes.MapPost("/_emulator/faults", (RequestDelegate)EnqueueFaultsAsync);
        routes.MapGet("/_emulator/options", (RequestDelegate)(http => WriteAsync(http, OptionsView())));
        routes.MapPost("/_emulator/options", (RequestDelegate)ChangeOptionsAsync);
        routes.MapPost("/_emulator/finish-jobs", (RequestDelegate)(http =>
            WriteAsync(http, new { finished = runtime.State.Jobs.FinishAll() })));
        routes.MapPost("/_emulator/reset", (RequestDelegate)(http =>
        {
            runtime.State.Reset();
            return WriteAsync(http, new { reset = true });
        }));
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
            resultFieldByModel = options.ResultFieldByModel,
            q2TextCharge720pStart = options.Q2TextCharge720pStart,
            audioSurcharge = options.AudioSurcharge,
            balance = options.Balance,
            flatAnswers = options.FlatAnswers,
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

        await WriteAsync(http, StatsView.Of(runtime.State));
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
            if (patch.NamesBalance)
            {
                // Naming the balance gives the account that much to spend, even when the value is unchanged.
                runtime.State.RestoreBalance();
            }
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

    private static Task WriteAsync<T>(HttpContext http, T value) => ControlJson.WriteAsync(http, value);
}
