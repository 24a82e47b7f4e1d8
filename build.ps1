#Requires -Version 7.2
<#
.SYNOPSIS
    Builds, tests, demonstrates, packages and benchmarks ShortApi.Vidu.
.DESCRIPTION
    Tasks:
      Build     Compiles everything and stages an importable module at out/ShortApi.Vidu (and the emulator at out/emulator).
      Test      Build everything, failing on any build warning, then every xunit and Pester test, and the Mono checks
                where mono is installed; ends with one line "N passed, N failed".
      Demo      Build the module and the emulator only (no test fixture), start the emulator, turn the sample pictures into videos, print a table, stop the emulator.
      Emulator  Build, then run the emulator in the foreground (-Port, default 5080) until Ctrl+C; it stops with this
                script however that ends.
      Package   Build, then produce out/package/ShortApi.Vidu.<version>.nupkg for Install-PSResource.
      Bench     Build, then run the benchmarks in bench/ and print their tables.
    Output is plain text, without ANSI colours, when it is redirected, when NO_COLOR is set, or when
    $PSStyle.OutputRendering is PlainText; the processes started from here inherit that (NO_COLOR=1).
.EXAMPLE
    dotnet tool restore; dotnet pwsh ./build.ps1 Test
#>
[CmdletBinding()]
param(
    [Parameter(Position = 0)]
    [ValidateSet('Build', 'Test', 'Demo', 'Emulator', 'Package', 'Bench', 'Clean')]
    [string] $Task = 'Build',

    # Emulator: the port to listen on.
    [int] $Port = 5080,

    # Test: run only the Pester files whose name matches, and/or xunit tests matching this filter.
    [string] $PesterFilter,
    [string] $XunitFilter,

    # Bench: the size of the large run (1,000 jobs by default).
    [int] $BenchLargeJobs = 1000,

    # Bench: run only these scenarios (Pipeline, Large, Memory, Startup, Soak).
    [string[]] $BenchOnly,

    # Demo, Emulator, Package, Bench: use what out/ already holds instead of building first.
    [switch] $NoBuild
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$Root = $PSScriptRoot
$Out = Join-Path $Root 'out'
$ModuleOut = Join-Path $Out 'ShortApi.Vidu'
$EmulatorOut = Join-Path $Out 'emulator'
$Configuration = 'Release'
Import-Module (Join-Path $Root 'tools/ViduDev.psm1') -Force
# Plain text when stdout is not a terminal, NO_COLOR is set or $PSStyle says so; children inherit it (see ViduDev.psm1).
$outputStyle = Enter-ViduPlainOutput

# A simple function (no param block) so dotnet's own switches such as -v are passed through, not bound by PowerShell.
function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed (exit code $LASTEXITCODE)." }
}

# Build everything (Build, Test) or only what the module and the emulator need (Demo, Emulator, Package, Bench), so a
# new user's first command compiles no test fixture. -WarningsAsErrors (Test, so CI) fails the build on any warning:
# a warning is read as a fault by a new user, so none may creep in.
function Invoke-BuildTask([switch] $ModuleOnly, [switch] $WarningsAsErrors) {
    Write-Host '== Build' -ForegroundColor Cyan
    $strict = @(if ($WarningsAsErrors) { '-warnaserror' })
    $projects = if ($ModuleOnly) { @('src/ShortApi.Vidu/ShortApi.Vidu.csproj', 'src/ShortApi.Vidu.Emulator/ShortApi.Vidu.Emulator.csproj') }
                else { @('ShortApi.Vidu.sln') }
    foreach ($project in $projects) {
        # msbuild rather than build: 'dotnet build' always adds a summary ("0 Warning(s)"), which reads as a fault;
        # this prints nothing unless there is a warning or an error.
        Invoke-Dotnet msbuild (Join-Path $Root $project) -restore "-p:Configuration=$Configuration" '-nologo' '-v:quiet' @strict
    }

    # The module: our two assemblies at the top; everything Windows PowerShell lacks under dependencies/,
    # where only the module initializer (on .NET Framework) looks. PowerShell 7 binds to its own copies, except
    # Microsoft.Bcl.TimeProvider, which the initializer serves from there by that one name.
    $bin = Join-Path $Root "src/ShortApi.Vidu/bin/$Configuration/netstandard2.0"
    if (Test-Path $ModuleOut) { Remove-Item $ModuleOut -Recurse -Force }
    $null = New-Item -ItemType Directory -Path (Join-Path $ModuleOut 'dependencies'), (Join-Path $ModuleOut 'en-US')
    foreach ($own in 'ShortApi.Vidu.dll', 'ShortApi.Vidu.Core.dll') { Copy-Item (Join-Path $bin $own) $ModuleOut }
    Get-ChildItem $bin -Filter *.dll | Where-Object Name -NotIn 'ShortApi.Vidu.dll', 'ShortApi.Vidu.Core.dll' |
        Copy-Item -Destination (Join-Path $ModuleOut 'dependencies')
    Copy-Item (Join-Path $Root 'ShortApi.Vidu.psd1'), (Join-Path $Root 'src/ShortApi.Vidu/ShortApi.Vidu.format.ps1xml'), (Join-Path $Root 'LICENSE') $ModuleOut
    & (Join-Path $Root 'tools/Build-Help.ps1') -SourceFolder (Join-Path $Root 'docs/help') -ModuleFolder $ModuleOut

    if (Test-Path $EmulatorOut) { Remove-Item $EmulatorOut -Recurse -Force }
    Copy-Item (Join-Path $Root "src/ShortApi.Vidu.Emulator/bin/$Configuration/net10.0") $EmulatorOut -Recurse
    Write-Host "Module staged at $ModuleOut"
    if (-not $ModuleOnly) { Invoke-MonoStage }
}

# For the Mono checks (tests/MonoCheck): the net472 ClientSample beside exactly what the staged module ships, laid out
# as the module is (the core at the top, the rest under dependencies/), and nothing from the sample's own bin; and,
# apart from it, the stand-in for another module with its older System.Text.Json under other-module/.
function Invoke-MonoStage {
    $check = Join-Path $Out 'mono-check'
    $other = Join-Path $Out 'mono-other'
    foreach ($folder in $check, $other) { if (Test-Path $folder) { Remove-Item $folder -Recurse -Force } }
    $null = New-Item -ItemType Directory (Join-Path $check 'dependencies'), (Join-Path $other 'other-module')
    Copy-Item (Join-Path $Root "samples/ClientSample/bin/$Configuration/net472/ClientSample.exe"), (Join-Path $ModuleOut 'ShortApi.Vidu.Core.dll') $check
    Copy-Item (Join-Path $ModuleOut 'dependencies/*.dll') (Join-Path $check 'dependencies')
    $otherBin = Join-Path $Root "tests/MonoCheck/OtherModuleFirst/bin/$Configuration/net472"
    Copy-Item (Join-Path $otherBin 'OtherModuleFirst.exe') $other
    Copy-Item (Join-Path $otherBin '*.dll') (Join-Path $other 'other-module')
}

# Demo, Emulator, Package and Bench build the module and the emulator first, Test everything, unless -NoBuild says
# out/ is ready.
function Invoke-BuildUnlessNoBuild([switch] $Everything) {
    if (-not $NoBuild) {
        if ($Everything) { Invoke-BuildTask -WarningsAsErrors } else { Invoke-BuildTask -ModuleOnly }
        return
    }
    foreach ($staged in $ModuleOut, $EmulatorOut) {
        if (-not (Test-Path $staged)) { throw "-NoBuild, but nothing is staged at $staged. Run ./build.ps1 Build first." }
    }
}

function Get-TrxCounts([string] $Path) {
    if (-not (Test-Path $Path)) { return [pscustomobject]@{ Passed = 0; Failed = 1; Note = 'no xunit results file' } }
    [xml] $trx = Get-Content -Raw $Path
    $c = $trx.TestRun.ResultSummary.Counters
    [pscustomobject]@{ Passed = [int]$c.passed; Failed = [int]$c.failed + [int]$c.error + [int]$c.timeout + [int]$c.aborted; Note = '' }
}

function Invoke-TestTask {
    Invoke-BuildUnlessNoBuild -Everything
    # A focused run (-XunitFilter or -PesterFilter) runs only what its filters name: -XunitFilter none or a
    # -PesterFilter that matches no file skips that runner, and the Mono checks are left out.
    $focused = [bool]($XunitFilter -or $PesterFilter)
    $results = Join-Path $Out 'test-results'
    if (Test-Path $results) { Remove-Item $results -Recurse -Force }
    $null = New-Item -ItemType Directory $results

    Write-Host '== xunit' -ForegroundColor Cyan
    $trx = Join-Path $results 'xunit.trx'
    $xunitArgs = @('test', (Join-Path $Root 'tests/ShortApi.Vidu.Tests'), '-c', $Configuration, '--no-build', '--nologo',
        '--logger', "trx;LogFileName=$trx", '--logger', 'console;verbosity=normal', '--results-directory', $results)
    if ($XunitFilter) { $xunitArgs += @('--filter', $XunitFilter) }
    if ($XunitFilter -eq 'none') {
        $xunit = [pscustomobject]@{ Passed = 0; Failed = 0; Note = '(skipped: -XunitFilter none)' }
    } else {
        & dotnet @xunitArgs
        $xunit = Get-TrxCounts $trx
        if ($LASTEXITCODE -ne 0 -and $xunit.Failed -eq 0) { $xunit = [pscustomobject]@{ Passed = $xunit.Passed; Failed = 1; Note = "(dotnet test exited with $LASTEXITCODE)" } }
    }

    Write-Host '== Pester' -ForegroundColor Cyan
    # The same runner Windows users start from powershell.exe (README, "Windows PowerShell"), here in a child pwsh.
    $summary = Join-Path $results 'pester.json'
    $paths = @(if ($PesterFilter) { Get-ChildItem (Join-Path $Root 'tests/Pester') -Filter "*$PesterFilter*.Tests.ps1" | ForEach-Object FullName } else { Join-Path $Root 'tests/Pester' })
    if ($paths.Count -eq 0) {
        Write-Host "No Pester file matches -PesterFilter '$PesterFilter'; Pester skipped."
        $pesterCounts = [pscustomobject]@{ Passed = 0; Failed = 0 }
    } else {
        $runner = Get-PesterSuiteCommand -Path $paths -SummaryPath $summary
        $pwsh = Get-PwshCommand
        & $pwsh.FilePath @($pwsh.Prefix) -NoProfile -NonInteractive -Command $runner
        # A run that reports nothing counts as a failure: CI must never pass because tests did not run.
        $pesterCounts = if (Test-Path $summary) { Get-Content -Raw $summary | ConvertFrom-Json } else { $null }
        if ($null -eq $pesterCounts -or $null -eq $pesterCounts.Passed -or $null -eq $pesterCounts.Failed) { $pesterCounts = [pscustomobject]@{ Passed = 0; Failed = 1 } }
    }

    # The .NET Framework side of Windows PowerShell, on Mono when it is installed (.ci/run installs it).
    $mono = if ($focused) { [pscustomobject]@{ Passed = 0; Failed = 0; Note = 'skipped in a focused run' } }
            else {
                try { & (Join-Path $Root 'tests/MonoCheck/Invoke-MonoChecks.ps1') -OutFolder $Out | Select-Object -Last 1 }
                catch { Write-Host "The Mono checks themselves failed: $_"; [pscustomobject]@{ Passed = 0; Failed = 1; Note = '' } }
            }

    $passed = $xunit.Passed + $pesterCounts.Passed + $mono.Passed
    $failed = $xunit.Failed + $pesterCounts.Failed + $mono.Failed
    Write-Host ''
    Write-Host "xunit: $($xunit.Passed) passed, $($xunit.Failed) failed $($xunit.Note)"
    Write-Host "Pester: $($pesterCounts.Passed) passed, $($pesterCounts.Failed) failed"
    Write-Host $(if ($mono.Note) { "Mono: $($mono.Note)" } else { "Mono: $($mono.Passed) passed, $($mono.Failed) failed" })
    Write-Output "$passed passed, $failed failed"
    if ($failed -gt 0 -or $passed -eq 0) { exit 1 }
}

function Invoke-DemoTask {
    Invoke-BuildUnlessNoBuild
    Write-Host '== Demo' -ForegroundColor Cyan
    & (Join-Path $Root 'samples/Demo.ps1') -ModulePath $ModuleOut -OutputFolder (Join-Path $Out 'demo')
    if (-not $?) { exit 1 }
}

function Invoke-EmulatorTask {
    Invoke-BuildUnlessNoBuild
    Write-Host "== Emulator on port $Port (Ctrl+C to stop)" -ForegroundColor Cyan
    # --parent-pid: the emulator watches this PowerShell (and the 'dotnet pwsh' launcher, if that started it) and stops
    # when it ends, however it ends (Ctrl+C, SIGTERM, SIGKILL, a closed terminal): it never keeps the port after the
    # command that started it.
    $parents = Get-CommandProcessId | ForEach-Object { '--parent-pid', $_ }
    & dotnet (Join-Path $EmulatorOut 'ShortApi.Vidu.Emulator.dll') --port $Port @parents
}

function Invoke-PackageTask {
    Invoke-BuildUnlessNoBuild
    & (Join-Path $Root 'tools/New-ModulePackage.ps1') -ModuleFolder $ModuleOut -OutputFolder (Join-Path $Out 'package')
}

function Invoke-BenchTask {
    Invoke-BuildUnlessNoBuild
    # 'pwsh -File' passes "Pipeline,Large" as one string; accept it as the list it means.
    $only = if ($BenchOnly) { @{ Only = @($BenchOnly -split ',' | ForEach-Object Trim) } } else { @{} }
    & (Join-Path $Root 'bench/Invoke-Benchmarks.ps1') -ModulePath $ModuleOut -OutputFolder (Join-Path $Out 'bench') -LargeJobs $BenchLargeJobs @only
}

try {
    switch ($Task) {
        'Build' { Invoke-BuildTask }
        'Test' { Invoke-TestTask }
        'Demo' { Invoke-DemoTask }
        'Emulator' { Invoke-EmulatorTask }
        'Package' { Invoke-PackageTask }
        'Bench' { Invoke-BenchTask }
        'Clean' { if (Test-Path $Out) { Remove-Item $Out -Recurse -Force } }
    }
}
finally {
    # Run from an interactive session, the script leaves its $PSStyle and NO_COLOR as they were.
    Exit-ViduPlainOutput $outputStyle
}
