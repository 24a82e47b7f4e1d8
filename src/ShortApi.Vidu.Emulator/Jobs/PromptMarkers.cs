using System;
using System.Globalization;

namespace ShortApi.Vidu.Emulator;

/// <summary>Words in a prompt that steer how an emulated job ends, so tests need no extra API.</summary>
internal static class PromptMarkers
{
    /// <summary>The job fails with status 3.</summary>
    public const string Fail = "#fail";

    /// <summary>Followed by a number: the job reports that status forever once it would have finished.</summary>
    public const string Status = "#status=";

    public static bool AsksToFail(string prompt) => prompt.Contains(Fail, StringComparison.Ordinal);

    /// <summary>The number after <c>#status=</c>, or null; 2 is the normal ending and so means nothing special.</summary>
    public static int? ReportedStatus(string prompt)
    {
        int at = prompt.IndexOf(Status, StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        ReadOnlySpan<char> rest = prompt.AsSpan(at + Status.Length);
        int length = 0;
        if (length < rest.Length && rest[length] == '-')
        {
            length++;
        }

        while (length < rest.Length && char.IsAsciiDigit(rest[length]))
        {
            length++;
        }

        if (!int.TryParse(rest[..length], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int status))
        {
            return null;
        }

        return status == JobStatusNumbers.Succeeded ? null : status;
    }
}
