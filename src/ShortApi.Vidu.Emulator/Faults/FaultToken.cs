using System;
using System.Globalization;

namespace ShortApi.Vidu.Emulator;

/// <summary>One parsed scripted fault, e.g. <c>429</c>, <c>429:5</c>, <c>gateway:502</c>, <c>slow:1500</c> or <c>code:1001:msg</c>.</summary>
internal sealed record FaultToken(FaultKind Kind, int Number, string Field, string Text)
{
    private static readonly int[] GatewayStatuses = { 500, 502, 503, 504 };

    /// <summary>Seconds for <c>Retry-After</c> named by the token itself (<c>429:5</c>); null means the RetryAfterSeconds option.</summary>
    public int? RetryAfterSeconds { get; init; }

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
        FaultEndpoint.Create => "Create tokens: pass; refusals in the service's envelope, no job: 400, 401, 402, 403, 429, 429:<seconds>, 500, 502, 503, 503:<seconds>, 504; "
            + "job made, then the answer fails: gateway:<500|502|503|504>, drop, late:<ms>, bad-charset; "
            + "no job: slow:<ms> (if the client leaves), html, empty, truncated, code:<n>:<field>, echo-auth.",
        FaultEndpoint.Query => "Query tokens: pass, 401, 404, 429, 429:<seconds>, 500, 502, 503, 504, gateway:<500|502|503|504>, drop, slow:<ms>, "
            + "html, empty, truncated, code:<n>:<field>, echo-auth, status:<n>, nourl.",
        _ => "Download tokens: pass, 403, 404, 410, 500, 503, html, html-as-video, drop-half, slow:<ms>.",
    };

    private static FaultToken? ParseCreate(string token) =>
        ParseStatus(token, 400, 401, 402, 403, 429, 500, 502, 503, 504)
        ?? ParseStatusWithRetryAfter(token, 429, 503)
        ?? ParseGateway(token)
        ?? ParseWait(token, "late:", FaultKind.Late)
        ?? ParseShared(token);

    private static FaultToken? ParseQuery(string token)
    {
        FaultToken? parsed = ParseStatus(token, 401, 404, 429, 500, 502, 503, 504)
            ?? ParseStatusWithRetryAfter(token, 429)
            ?? ParseGateway(token)
            ?? ParseShared(token);
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
        switch (token)
        {
            case "pass":
                return new FaultToken(FaultKind.Pass, 0, "", token);
            case "drop-half":
                return new FaultToken(FaultKind.DropHalf, 0, "", token);
            case "html":
                return new FaultToken(FaultKind.Html, 0, "", token);
            case "html-as-video":
                return new FaultToken(FaultKind.HtmlAsVideo, 0, "", token);
        }

        return ParseStatus(token, 403, 404, 410, 500, 503) ?? ParseWait(token, "slow:", FaultKind.Slow);
    }

    private static FaultToken? ParseShared(string token)
    {
        switch (token)
        {
            case "pass":
                return new FaultToken(FaultKind.Pass, 0, "", token);
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

        return ParseWait(token, "slow:", FaultKind.Slow);
    }

    /// <summary><c>slow:&lt;ms&gt;</c> or <c>late:&lt;ms&gt;</c>: a wait in whole milliseconds, never negative.</summary>
    private static FaultToken? ParseWait(string token, string prefix, FaultKind kind)
    {
        if (token.StartsWith(prefix, StringComparison.Ordinal) && TryInt(token[prefix.Length..], out int milliseconds) && milliseconds >= 0)
        {
            return new FaultToken(kind, milliseconds, "", token);
        }

        return null;
    }

    /// <summary><c>gateway:&lt;status&gt;</c>, for the 5xx statuses a gateway in front of the service answers with its own page.</summary>
    private static FaultToken? ParseGateway(string token)
    {
        const string Prefix = "gateway:";
        if (token.StartsWith(Prefix, StringComparison.Ordinal)
            && int.TryParse(token[Prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out int status)
            && Array.IndexOf(GatewayStatuses, status) >= 0)
        {
            return new FaultToken(FaultKind.Gateway, status, "", token);
        }

        return null;
    }

    /// <summary><c>&lt;status&gt;:&lt;seconds&gt;</c>: a refusal whose <c>Retry-After</c> the token names.</summary>
    private static FaultToken? ParseStatusWithRetryAfter(string token, params int[] allowed)
    {
        string[] parts = token.Split(':');
        if (parts.Length == 2
            && ParseStatus(parts[0], allowed) is FaultToken status
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int seconds))
        {
            return status with { Text = token, RetryAfterSeconds = seconds };
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
