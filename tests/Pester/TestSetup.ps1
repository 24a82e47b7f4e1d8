# Dot-sourced by every *.Tests.ps1 in BeforeAll: imports the staged module (out/ShortApi.Vidu, built by
# build.ps1) and the development helpers, and gives each file its own emulator and temporary folder.
# Runs under Windows PowerShell 5.1 too (tools/Invoke-PesterSuite.ps1 from powershell.exe): no 7-only syntax or APIs.
$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '../..')).Path
$script:ModulePath = Join-Path $RepoRoot 'out/ShortApi.Vidu'
Import-Module (Join-Path $RepoRoot 'tools/ViduDev.psm1') -Force
Import-Module $ModulePath -Force

function New-TestFolder {
    $path = Join-Path ([IO.Path]::GetTempPath()) ('vidu-pester-' + [guid]::NewGuid().ToString('N').Substring(0, 10))
    New-Item -ItemType Directory -Path $path | Select-Object -ExpandProperty FullName
}

function Copy-SampleImages([string] $Destination, [int] $Count = 3) {
    $samples = @(Get-ChildItem (Join-Path $RepoRoot 'samples/images') -Filter *.png)
    for ($i = 0; $i -lt $Count; $i++) {
        $source = $samples[$i % $samples.Count]
        $name = if ($Count -le $samples.Count) { $source.Name } else { '{0}-{1:000}.png' -f $source.BaseName, $i }
        Copy-Item $source.FullName (Join-Path $Destination $name)
    }
    Get-ChildItem $Destination -Filter *.png
}

function Test-Mp4([string] $Path) {
    $bytes = [IO.File]::ReadAllBytes($Path)
    $bytes.Length -gt 1000 -and [Text.Encoding]::ASCII.GetString($bytes, 4, 4) -eq 'ftyp'
}

function Get-EmulatorStats($Emulator) { Invoke-EmulatorControl -Emulator $Emulator -Name stats }

# One emulator and one temporary folder for a test file, and the parameters that point the cmdlets at them:
#   $emulator, $work, $api = New-EmulatorContext '--job-seconds', '2'
function New-EmulatorContext([string[]] $EmulatorArguments = @(), [hashtable] $Extra = @{}) {
    $emulator = Start-ViduEmulator -ArgumentList $EmulatorArguments
    $work = New-TestFolder
    $emulator, $work, (@{ BaseUri = $emulator.BaseUri; ApiKey = $emulator.ApiKey; HistoryPath = (Join-Path $work 'history.jsonl') } + $Extra)
}

function Remove-EmulatorContext($Emulator, [string] $Work) {
    $Emulator | Stop-ViduEmulator
    Remove-Item $Work -Recurse -Force -ErrorAction SilentlyContinue
}

# The folder pipeline over $Count sample pictures, with the errors of all three cmdlets collected;
# $Throttle and $MaxQueryRate tune it for large batches.
function Invoke-SampleBatch([int] $Count, [hashtable] $Api, [string] $Work, [int] $Throttle = 4, [double] $MaxQueryRate = 100) {
    $pictures = Join-Path $Work 'pictures'
    $null = New-Item -ItemType Directory $pictures
    $files = Copy-SampleImages $pictures $Count
    $saved = $files |
        New-ViduVideoJob @Api -Prompt 'slow dolly in' -ThrottleLimit $Throttle -ErrorVariable failures |
        Wait-ViduVideoJob @Api -PollInterval 0.5 -MaxQueryRate $MaxQueryRate -ErrorVariable +failures |
        Save-ViduVideo @Api -Path (Join-Path $Work 'videos') -ThrottleLimit $Throttle -ErrorVariable +failures
    [pscustomobject]@{ Files = @($files); Saved = @($saved); Failures = @($failures) }
}

# Events to wait on, instead of sleeping.

# Blocks on the emulator's own /_emulator/wait until every named count reaches its number, or falls to it when
# named with the suffix AtMost, e.g. Wait-EmulatorCount $emulator @{ createsAccepted = 3; createsInFlightAtMost = 0 };
# returns the stats then, and throws with the counts on timeout.
function Wait-EmulatorCount($Emulator, [hashtable] $Count, [int] $TimeoutMs = 60000) {
    $query = ($Count.GetEnumerator() | ForEach-Object { "$($_.Key)=$($_.Value)" }) -join '&'
    $uri = "$($Emulator.BaseUri.TrimEnd('/'))/_emulator/wait?$query&timeoutMs=$TimeoutMs"
    # HttpClient, not Invoke-WebRequest: it reads a 408 without throwing on both editions (-SkipHttpErrorCheck is 7+).
    Add-Type -AssemblyName System.Net.Http
    $client = [Net.Http.HttpClient]::new()
    try {
        $client.Timeout = [TimeSpan]::FromMilliseconds($TimeoutMs + 30000)
        $response = $client.GetAsync($uri).GetAwaiter().GetResult()
        $content = $response.Content.ReadAsStringAsync().GetAwaiter().GetResult()
    }
    finally { $client.Dispose() }
    if ([int]$response.StatusCode -ne 200) { throw "The emulator did not reach $query within $TimeoutMs ms (HTTP $([int]$response.StatusCode)): $content" }
    $content | ConvertFrom-Json
}

# Reads a child's standard output line by line until a line matches $Pattern; every line read is added to $Lines.
# Throws (with what was read) when the child ends or $TimeoutSec passes first.
function Wait-ChildLine([Diagnostics.Process] $Process, [string] $Pattern, [Collections.Generic.List[string]] $Lines, [int] $TimeoutSec = 60) {
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while ($true) {
        $read = $Process.StandardOutput.ReadLineAsync()
        $left = [Math]::Max(0, ($deadline - [DateTime]::UtcNow).TotalMilliseconds)
        if (-not $read.Wait([int]$left)) { throw "No line matching '$Pattern' within $TimeoutSec s. Read so far:`n$($Lines -join "`n")" }
        if ($null -eq $read.Result) { throw "The child ended before printing a line matching '$Pattern'. Read:`n$($Lines -join "`n")`n$($Process.StandardError.ReadToEnd())" }
        $Lines.Add($read.Result)
        if ($read.Result -match $Pattern) { return $read.Result }
    }
}

# Invoke-ChildPwsh with a bound: a child still running after $TimeoutSec is killed (with its children) and reported
# as TimedOut, so a hang fails the test instead of the run.
function Invoke-ChildPwshWithin([string] $Command, [hashtable] $Environment = @{}, [string] $WorkingDirectory, [int] $TimeoutSec = 60) {
    $process = Invoke-ChildPwsh -Command $Command -Environment $Environment -WorkingDirectory $WorkingDirectory -PassThru
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    $timedOut = -not $process.WaitForExit($TimeoutSec * 1000)
    if ($timedOut) { Stop-ProcessTree $process }
    $process.WaitForExit()
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Error = $stderr.Result; TimedOut = $timedOut }
}
