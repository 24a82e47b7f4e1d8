<#
.SYNOPSIS
    The Mono checks of build.ps1 Test: the .NET Framework side of Windows PowerShell 5.1, run on Mono.
.DESCRIPTION
    Windows PowerShell cannot run here, but the assemblies it would load can: out/mono-check holds the net472
    ClientSample.exe beside exactly what the staged module ships (ShortApi.Vidu.Core.dll at the top, the rest under
    dependencies/), and the sample resolves them with the module initializer's own code. It runs create, wait and
    download against the emulator, then again after a stand-in for another module (out/mono-other) loaded an older
    System.Text.Json into the process. Prints one line per check and returns the counts (build.ps1 prints them in
    its summary); without mono on PATH it runs nothing and says so in Note.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $OutFolder,
    [int] $TimeoutSec = 60
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
$repo = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
Import-Module (Join-Path $repo 'tools/ViduDev.psm1') -Force

$mono = Get-Command mono -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
if (-not $mono) { return [pscustomobject]@{ Passed = 0; Failed = 0; Note = 'skipped (mono not installed)' } }

$sample = Join-Path $OutFolder 'mono-check/ClientSample.exe'
$other = Join-Path $OutFolder 'mono-other/OtherModuleFirst.exe'
$work = Join-Path ([IO.Path]::GetTempPath()) ('vidu-mono-' + [guid]::NewGuid().ToString('N').Substring(0, 10))
$null = New-Item -ItemType Directory $work
$results = [Collections.Generic.List[object]]::new()

# One named check: the script block throws to fail; its message is shown.
function Test-Check([string] $Name, [scriptblock] $Body) {
    try { & $Body; $results.Add([pscustomobject]@{ Name = $Name; Passed = $true }); Write-Host "  [+] $Name" }
    catch { $results.Add([pscustomobject]@{ Name = $Name; Passed = $false }); Write-Host "  [-] $Name`n      $($_.Exception.Message)" -ForegroundColor Red }
}

# Runs mono with these arguments, bounded in time; returns the exit code and everything it printed.
function Invoke-Mono([string[]] $Arguments, [string] $ApiKey) {
    $info = [Diagnostics.ProcessStartInfo]::new($mono.Source)
    foreach ($a in $Arguments) { $info.ArgumentList.Add($a) }
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.Environment['SHORTAPI_KEY'] = $ApiKey
    $process = [Diagnostics.Process]::Start($info)
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    if (-not $process.WaitForExit($TimeoutSec * 1000)) { $process.Kill($true); $process.WaitForExit(); return [pscustomobject]@{ ExitCode = -1; Output = "timed out after $TimeoutSec s`n" + $stdout.Result + $stderr.Result } }
    $process.WaitForExit()
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result + $stderr.Result }
}

function Assert-That([bool] $Condition, [string] $Message) { if (-not $Condition) { throw $Message } }

Write-Host "== Mono ($((& $mono.Source --version | Select-Object -First 1)))" -ForegroundColor Cyan
$emulator = Start-ViduEmulator -ArgumentList '--job-seconds', '0.3'
try {
    $picture = Join-Path $repo 'samples/images/meadow.png'
    $plain = Join-Path $work 'plain'
    $history = Join-Path $plain 'history.jsonl'
    $run = Invoke-Mono @($sample, $emulator.BaseUri, $picture, (Join-Path $plain 'videos'), $history) $emulator.ApiKey

    Test-Check 'the core creates, waits and downloads on Mono with exactly the shipped assemblies' {
        # Debian's mono-runtime alone lacks the netstandard facade that .NET Framework 4.7.2 has built in.
        $hint = if ($run.Output -match "assembly 'netstandard") { "`n(Mono has no netstandard.dll facade: on Debian install mono-devel, as .ci/run does)" } else { '' }
        Assert-That ($run.ExitCode -eq 0) "exit code $($run.ExitCode):`n$($run.Output)$hint"
        Assert-That ($run.Output -match '(?m)^json 8\.0\.0\.0 .*[/\\]dependencies[/\\]System\.Text\.Json\.dll') "System.Text.Json did not come from dependencies/:`n$($run.Output)"
        Assert-That ($run.Output -match '(?m)^saved ') "no saved line:`n$($run.Output)"
    }
    Test-Check 'the saved video is an MP4' {
        $videos = @(Get-ChildItem (Join-Path $plain 'videos') -Filter *.mp4 -ErrorAction SilentlyContinue)
        Assert-That ($videos.Count -eq 1) "expected one video, found $($videos.Count)"
        $bytes = [IO.File]::ReadAllBytes($videos[0].FullName)
        Assert-That ($bytes.Length -gt 1000 -and [Text.Encoding]::ASCII.GetString($bytes, 4, 4) -eq 'ftyp') "$($videos[0].Name) is not an MP4"
    }
    Test-Check 'the history records the save and holds no key' {
        Assert-That (Test-Path $history) 'no history file'
        $text = [IO.File]::ReadAllText($history)
        Assert-That ($text.Contains('"event":"saved"')) "no saved event in the history:`n$text"
        Assert-That (-not $text.Contains($emulator.ApiKey)) 'the history holds the key'
    }

    $side = Join-Path $work 'versioned'
    $run = Invoke-Mono @($other, 'versioned', $sample, $emulator.BaseUri, $picture, (Join-Path $side 'videos'), (Join-Path $side 'history.jsonl')) $emulator.ApiKey
    Test-Check 'an older System.Text.Json loaded first, by a resolver that respects versions (as Az.Accounts does): 8.0 runs beside it' {
        Assert-That ($run.ExitCode -eq 0) "exit code $($run.ExitCode):`n$($run.Output)"
        Assert-That ($run.Output -match '(?m)^other module: System\.Text\.Json 4\.0\.1\.2') "the other module did not load its System.Text.Json:`n$($run.Output)"
        Assert-That ($run.Output -match '(?m)^json 8\.0\.0\.0 ') "the core did not get 8.0:`n$($run.Output)"
        Assert-That (@(Get-ChildItem (Join-Path $side 'videos') -Filter *.mp4 -ErrorAction SilentlyContinue).Count -eq 1) "no video saved:`n$($run.Output)"
    }

    $before = (Invoke-EmulatorControl -Emulator $emulator -Name stats).createsReceived
    $run = Invoke-Mono @($other, 'any', $sample, $emulator.BaseUri, $picture, (Join-Path $work 'any/videos')) $emulator.ApiKey
    Test-Check 'an older System.Text.Json handed out by another module''s resolver: a clear refusal, and nothing sent' {
        Assert-That ($run.ExitCode -eq 3) "exit code $($run.ExitCode), expected 3 (refused):`n$($run.Output)"
        Assert-That ($run.Output -match 'refused: ShortApi\.Vidu needs System\.Text\.Json 8\.0\.0\.0 or later, but another module loaded System\.Text\.Json 4\.0\.1\.2 from .+ import ShortApi\.Vidu before that module') "not the promised message:`n$($run.Output)"
        $after = (Invoke-EmulatorControl -Emulator $emulator -Name stats).createsReceived
        Assert-That ($after -eq $before) "$($after - $before) create(s) reached the emulator"
    }
}
finally {
    $emulator | Stop-ViduEmulator
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

$passed = @($results | Where-Object Passed).Count
[pscustomobject]@{ Passed = $passed; Failed = $results.Count - $passed; Note = '' }
