using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Text;

namespace ShortApi.Vidu.Emulator;

/// <summary>
/// The lines the emulator prints on start: PowerShell statements that can be pasted as they are (the informational
/// lines are comments), the first two always the address and the key, for scripts that read them.
/// </summary>
internal static class SettingLines
{
    public static IReadOnlyList<string> For(Uri baseUri, string apiKey, Uri cdnUri, int modelCount, Uri? forwardProxy = null)
    {
        string address = string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{baseUri.Port}");
        string history = Path.Combine(Path.GetTempPath(), "vidu-emulator-history.jsonl");
        var lines = new List<string>
        {
            $"$env:SHORTAPI_BASE_URL = {PowerShellQuote(address)}",
            $"$env:SHORTAPI_KEY = {PowerShellQuote(apiKey)}",
        };
        if (forwardProxy is not null)
        {
            // Only with --forward-proxy: a session that pastes this sends everything through the test proxy.
            lines.Add($"$env:HTTP_PROXY = {PowerShellQuote(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{forwardProxy.Port}"))}");
        }

        lines.AddRange(
        [
            "# Keep the emulator's jobs out of your real job history: a history file of their own, or none ($env:SHORTAPI_NO_HISTORY = 1).",
            $"$env:SHORTAPI_HISTORY_PATH = {PowerShellQuote(history)}",
            $"# bash: export SHORTAPI_BASE_URL={ShellQuote(address)} SHORTAPI_KEY={ShellQuote(apiKey)} SHORTAPI_HISTORY_PATH={ShellQuote(history)}",
            string.Create(CultureInfo.InvariantCulture, $"# ShortAPI emulator for {modelCount} Vidu models (--help lists them); results served from http://127.0.0.1:{cdnUri.Port}"),
            "# Press Ctrl+C to stop.",
        ]);
        return lines;
    }

    /// <summary>A PowerShell single-quoted string. PowerShell reads the typographic single quotes as quotes too, so each is doubled as well.</summary>
    public static string PowerShellQuote(string value)
    {
        var quoted = new StringBuilder("'", value.Length + 2);
        foreach (char c in value)
        {
            quoted.Append(c);
            if (c is '\'' or '\u2018' or '\u2019' or '\u201A' or '\u201B')
            {
                quoted.Append(c);
            }
        }

        return quoted.Append('\'').ToString();
    }

    /// <summary>A POSIX shell single-quoted string: a quote inside closes, escapes and reopens.</summary>
    public static string ShellQuote(string value) => "'" + value.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
