using System;
using Microsoft.AspNetCore.Http;

namespace ShortApi.Vidu.Emulator;

/// <summary>Checks <c>Authorization: Bearer &lt;key&gt;</c>; the scheme is case-insensitive as HTTP says, the key is exact.</summary>
internal static class BearerKeyCheck
{
    private const string Scheme = "Bearer ";

    public static bool Accepts(HttpRequest request, string expectedKey)
    {
        var values = request.Headers.Authorization;
        if (values.Count != 1)
        {
            return false;
        }

        string? header = values[0];
        return header is not null
            && header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(header[Scheme.Length..].Trim(), expectedKey, StringComparison.Ordinal);
    }
}
