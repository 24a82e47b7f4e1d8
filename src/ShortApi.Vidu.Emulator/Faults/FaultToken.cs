using System;
using System.Globalization;

namespace ShortApi.Vidu.Emulator;

/// <summary>One parsed scripted fault, e.g. <c>429</c>, <c>slow:1500</c> or <c>code:1001:msg</c>.</summary>
internal sealed record FaultToken(FaultKind Kind, int Number, string Field, string Text)
{
    /// <summary>Parses a token meant for <paramref name="endpoint"/>; throws <see cref="FormatException"/> for one that endpoint does not know.</summary>
    public static FaultToken Parse(FaultEndpoint endpoint, string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        string token = text.Trim();
        FaultToken? parsed = endpoint switch
        {
            FaultEndpoint.Create => ParseCreate(token),
            FaultEndpoint.Query => ParseQuery(token),
            _ => ParseDownload(token),
        };
        return parsed ?? throw new FormatException($"'{text}' is not a {endpoint.ToString().ToLowerInvariant()} fault token. {Known(endpoint)}");
    }

    /// <summary>The tokens an endpoint accepts, for error messages.</summary>
    public static string Known(FaultEndpoint endpoint) => endpoint switch
    {
        FaultEndpoint.Create => "Create tokens: 429, 503, 500, 502, 504, drop, slow:<ms>, html, empty, truncated, code:<n>:<field>.",
        FaultEndpoint.Query => "Query tokens: 429, 500, 502, 503, 504, drop, slow:<ms>, html, empty, truncated, code:<n>:<field>, status:<n>, nourl.",
        _ => "Download tokens: drop-half, 404, 500, slow:<ms>.",
    };

    private static FaultToken? ParseCreate(string token) =>
        ParseStatus(token, 429, 503, 500, 502, 504) ?? ParseShared(token);

    private static FaultToken? ParseQuery(string token)
    {
        FaultToken? parsed = ParseStatus(token, 429, 500, 502, 503, 504) ?? ParseShared(token);
        if (parsed is not null)
        {
            return parsed;
        }

        if (token == "nourl")
        {
            return new FaultToken(FaultKind.NoUrl, 0, "", token);
        }

        if (token.StartsWith("status:", StringComparison.Ordinal) && TryInt(token["status:".Length..], out int status))
        {
            return new FaultToken(FaultKind.ReportStatus, status, "", token);
        }

        return null;
    }

    private static FaultToken? ParseDownload(string token)
    {
        if (token == "drop-half")
        {
            return new FaultToken(FaultKind.DropHalf, 0, "", token);
        }

        return ParseStatus(token, 404, 500) ?? ParseSlow(token);
    }

    private static FaultToken? ParseShared(string token)
    {
        switch (token)
        {
            case "drop":
                return new FaultToken(FaultKind.Drop, 0, "", token);
            case "html":
                return new FaultToken(FaultKind.Html, 0, "", token);
            case "empty":
                return new FaultToken(FaultKind.Empty, 0, "", token);
            case "truncated":
                return new FaultToken(FaultKind.Truncated, 0, "", token);
            case "echo-auth":
                return new FaultToken(FaultKind.EchoAuthorization, 0, "", token);
            case "bad-charset":
                return new FaultToken(FaultKind.BadCharset, 0, "", token);
        }

        if (token.StartsWith("code:", StringComparison.Ordinal))
        {
            // code:<n>:<field>; the field may itself hold a dot (error.message), never a colon.
            string[] parts = token.Split(':');
            if (parts.Length == 3 && TryInt(parts[1], out int code) && parts[2].Length > 0)
            {
                return new FaultToken(FaultKind.ErrorCode, code, parts[2], token);
            }

            return null;
        }

        return ParseSlow(token);
    }

    private static FaultToken? ParseSlow(string token)
    {
        if (token.StartsWith("slow:", StringComparison.Ordinal) && TryInt(token["slow:".Length..], out int milliseconds) && milliseconds >= 0)
        {
            return new FaultToken(FaultKind.Slow, milliseconds, "", token);
        }

        return null;
    }

    private static FaultToken? ParseStatus(string token, params int[] allowed)
    {
        if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out int status) && Array.IndexOf(allowed, status) >= 0)
        {
            return new FaultToken(FaultKind.HttpStatus, status, "", token);
        }

        return null;
    }

    private static bool TryInt(string text, out int value) =>
        int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
