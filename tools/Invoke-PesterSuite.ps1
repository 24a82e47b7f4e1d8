<#
.SYNOPSIS
    Runs the Pester suite (tests/Pester) against the staged module, in whichever PowerShell runs this script.
.DESCRIPTION
    build.ps1 Test runs it under PowerShell 7. On Windows, after a build, the same suite runs under Windows PowerShell
    5.1 with
        powershell.exe -NoProfile -ExecutionPolicy Bypass -File tools\Invoke-PesterSuite.ps1
    and every child session the tests start is then powershell.exe too. Pester 5.7.1 comes from NuGet
    (tests/PesterRestore), so the PowerShell Gallery is not needed. Prints "Pester (<edition> <version>): N passed,
    N failed" and exits 1 when anything failed or nothing ran. Written for both editions: no 7-only syntax.
#>
[CmdletBinding()]
param(
    # Test files or folders; the whole suite by default.
    [string[]] $Path,
    # Also write the counts here as JSON ({ "Passed": N, "Failed": N }), for build.ps1.
    [string] $SummaryPath
)

$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
if (-not $Path) { $Path = @(Join-Path $root 'tests/Pester') }
if (-not (Test-Path (Join-Path $root 'out/ShortApi.Vidu/ShortApi.Vidu.psd1'))) { throw 'Build first: dotnet pwsh ./build.ps1 Build' }

& dotnet restore (Join-Path $root 'tests/PesterRestore/PesterRestore.csproj') --nologo -v quiet
if ($LASTEXITCODE -ne 0) { throw "dotnet restore of tests/PesterRestore failed (exit code $LASTEXITCODE)." }
$packages = ((& dotnet nuget locals global-packages -l) -replace '^global-packages:\s*', '').Trim()
Import-Module (Join-Path $packages 'pester/5.7.1/tools/Pester.psd1') -RequiredVersion 5.7.1

# Plain text where output is redirected or NO_COLOR is set; Pester's own "Auto" would pick ANSI colours whenever
# the host can show them, redirected or not.
Import-Module (Join-Path $PSScriptRoot 'ViduDev.psm1')
$style = Enter-ViduPlainOutput

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Output.Verbosity = 'Detailed'
$configuration.Output.RenderMode = if ($style.Plain) { 'Plaintext' } else { 'Auto' }
try {
    $result = Invoke-Pester -Configuration $configuration
    $passed = $result.PassedCount
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
}
catch {
    # A run that reports nothing counts as a failure: a suite must never pass because its tests did not run.
    Write-Host "Pester itself failed: $_"
    $passed = 0
    $failed = 1
}
if ($SummaryPath) { @{ Passed = $passed; Failed = $failed } | ConvertTo-Json | Set-Content -LiteralPath $SummaryPath }
Write-Host "Pester ($($PSVersionTable.PSEdition) $($PSVersionTable.PSVersion)): $passed passed, $failed failed"
if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
exit 0
