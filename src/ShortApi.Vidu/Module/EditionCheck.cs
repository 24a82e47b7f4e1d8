using System;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// Which PowerShell can run the module. The core is built on System.Text.Json 8.0. PowerShell 7.0-7.3 run on
    /// .NET Core 3.1, .NET 5, 6 and 7, whose own System.Text.Json (4.0.1, 5.0, 6.0, 7.0) owns that name in the one
    /// load context modules share, so the shipped 8.0 cannot be loaded beside it (FileLoadException 0x80131621 at the
    /// first JSON call). PowerShell 7.4+ (.NET 8+) brings 8.0 or later; Windows PowerShell loads the shipped copy.
    /// One manifest PowerShellVersion cannot say "5.1 for Desktop, 7.4 for Core", so the module says it at import.
    /// </summary>
    internal static class EditionCheck
    {
        /// <summary>The first PowerShell (Core edition) whose runtime carries System.Text.Json 8.0 or later.</summary>
        public static readonly Version MinimumCore = new Version(7, 4);

        /// <summary>The only Windows PowerShell the module supports (it needs .NET Framework 4.7.2's netstandard2.0 support).</summary>
        public static readonly Version MinimumDesktop = new Version(5, 1);

        /// <summary>Why this PowerShell cannot run the module, or null when it can. Pure, for the unit tests.</summary>
        /// <param name="edition">"Desktop" (Windows PowerShell) or "Core" (PowerShell 6+), as in $PSEdition.</param>
        /// <param name="version">$PSVersionTable.PSVersion.</param>
        public static string? Refusal(string edition, Version version)
        {
            var desktop = string.Equals(edition, "Desktop", StringComparison.OrdinalIgnoreCase);
            var minimum = desktop ? MinimumDesktop : MinimumCore;
            if (version >= minimum) return null;
            var name = desktop ? "Windows PowerShell" : "PowerShell";
            return $"ShortApi.Vidu needs PowerShell 7.4 or later, or Windows PowerShell 5.1; this is {name} {version}. " +
                   (desktop
                       ? "Install Windows Management Framework 5.1, or PowerShell 7.4 or later."
                       : "PowerShell 7.0-7.3 run on .NET versions whose own System.Text.Json is older than the 8.0 this module " +
                         "is built on, and a module cannot load a newer one beside it. Update PowerShell (7.4 LTS or later: " +
                         "'winget install --id Microsoft.PowerShell' on Windows; see " +
                         "https://learn.microsoft.com/powershell/scripting/install/installing-powershell), or use Windows PowerShell 5.1.");
        }
    }
}
