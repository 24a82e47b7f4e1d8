using System;
using System.Collections.Generic;
using System.Text.Json;

namespace ShortApi.Vidu.Emulator;

/// <summary>A change to the live options as posted to <c>/_emulator/options</c>; unknown names are refused so typos do not pass silently.</summary>
internal sealed class OptionsPatch
{
    private readonly JsonElement body;

    private OptionsPatch(JsonElement body)
    {
        this.body = body;
    }

    /// <summary>Reads the patch; throws <see cref="FormatException"/> naming the field that is unknown or of the wrong type.</summary>
    public static OptionsPatch Read(JsonElement body)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("the body must be a JSON object");
        }

        var patch = new OptionsPatch(body);
        // Applying to a scratch copy checks names and types before anything live changes.
        patch.ApplyTo(new EmulatorOptions());
        return patch;
    }

    /// <summary>Whether the patch sets <c>balance</c>: the account then starts afresh at that value.</summary>
    public bool NamesBalance => body.TryGetProperty("balance", out _);

    /// <summary>Sets every option the patch names on <paramref name="options"/>.</summary>
    public void ApplyTo(EmulatorOptions options)
    {
        foreach (JsonProperty property in body.EnumerateObject())
        {
            JsonElement value = property.Value;
            switch (property.Name)
            {
                case "jobSeconds":
                    options.JobDuration = TimeSpan.FromSeconds(NumberOf(property));
                    break;
                case "createDelayMs":
                    options.CreateDelay = TimeSpan.FromMilliseconds(NumberOf(property));
                    break;
                case "failJobRate":
                    options.FailJobRate = NumberOf(property);
                    break;
                case "createFaultRate":
                    options.CreateFaultRate = NumberOf(property);
                    break;
                case "queryFaultRate":
                    options.QueryFaultRate = NumberOf(property);
                    break;
                case "retryAfterSeconds":
                    options.RetryAfterSeconds = value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out int seconds)
                        ? seconds
                        : throw new FormatException("retryAfterSeconds must be a whole number");
                    break;
                case "resultField":
                    options.ResultField = value.ValueKind == JsonValueKind.String
                        ? value.GetString()!
                        : throw new FormatException("resultField must be a string");
                    break;
                case "resultFieldByModel":
                    options.ResultFieldByModel = FieldsByModelOf(value);
                    break;
                case "q2TextCharge720pStart":
                    options.Q2TextCharge720pStart = value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out decimal start)
                        ? start
                        : throw new FormatException("q2TextCharge720pStart must be a number (USD)");
                    break;
                case "audioSurcharge":
                    options.AudioSurcharge = value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out decimal surcharge)
                        ? surcharge
                        : throw new FormatException("audioSurcharge must be a number");
                    break;
                case "balance":
                    options.Balance = value.ValueKind switch
                    {
                        JsonValueKind.Null => null,
                        JsonValueKind.Number when value.TryGetDecimal(out decimal balance) => balance,
                        _ => throw new FormatException("balance must be a number (USD) or null for unlimited"),
                    };
                    break;
                case "flatAnswers":
                    options.FlatAnswers = value.ValueKind switch
                    {
                        JsonValueKind.True => true,
                        JsonValueKind.False => false,
                        _ => throw new FormatException("flatAnswers must be true or false"),
                    };
                    break;
                default:
                    throw new FormatException($"unknown option {property.Name}; known: jobSeconds, createDelayMs, failJobRate, createFaultRate, queryFaultRate, retryAfterSeconds, resultField, resultFieldByModel, q2TextCharge720pStart, audioSurcharge, balance, flatAnswers");
            }
        }
    }

    /// <summary>A whole new map (never a change to the live one): <c>{"model id":"videos",...}</c>; null or <c>{}</c> clears it.</summary>
    private static Dictionary<string, string> FieldsByModelOf(JsonElement value)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (value.ValueKind == JsonValueKind.Null)
        {
            return map;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("resultFieldByModel must be an object such as {\"vidu/vidu-q3/text-to-video\":\"videos\"}, or null");
        }

        foreach (JsonProperty entry in value.EnumerateObject())
        {
            map[entry.Name] = entry.Value.ValueKind == JsonValueKind.String
                ? entry.Value.GetString()!
                : throw new FormatException($"resultFieldByModel.{entry.Name} must be a string (images or videos)");
        }

        return map;
    }

    private static double NumberOf(JsonProperty property) =>
        property.Value.ValueKind == JsonValueKind.Number && property.Value.TryGetDouble(out double number) && double.IsFinite(number)
            ? number
            : throw new FormatException($"{property.Name} must be a number");
}
