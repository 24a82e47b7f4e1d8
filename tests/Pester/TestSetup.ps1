# Dot-sourced by every *.Tests.ps1 in BeforeAll: imports the staged module (out/ShortApi.Vidu, built by
# build.ps1) and the development helpers, and gives each file its own emulator and temporary folder.
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
