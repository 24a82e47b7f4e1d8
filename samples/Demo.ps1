<#
.SYNOPSIS
    The main job, end to end against the local emulator: price the sample pictures, submit them, wait, download;
    then one start-end video (Q3) and a review page of everything.
.DESCRIPTION
    Run through ./build.ps1 Demo, which builds first. Uses its own job history under the output folder so the
    demo never mixes emulator jobs into your real history.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutputFolder
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot '../tools/ViduDev.psm1') -Force
# Plain text when the output is redirected or NO_COLOR is set (the table's headers, and any error, would carry colour
# codes otherwise).
$outputStyle = Enter-ViduPlainOutput

$saved = @{}
foreach ($name in 'SHORTAPI_BASE_URL', 'SHORTAPI_KEY', 'SHORTAPI_HISTORY_PATH') { $saved[$name] = [Environment]::GetEnvironmentVariable($name) }
$emulator = $null
try {
    Import-Module $ModulePath -Force
    $videos = Join-Path $OutputFolder 'videos'
    if (Test-Path $OutputFolder) { Remove-Item $OutputFolder -Recurse -Force }
    $null = New-Item -ItemType Directory -Path $videos

    $emulator = Start-ViduEmulator -ArgumentList '--job-seconds', '4'
    $env:SHORTAPI_BASE_URL = $emulator.BaseUri
    $env:SHORTAPI_KEY = $emulator.ApiKey
    $env:SHORTAPI_HISTORY_PATH = Join-Path $OutputFolder 'history.jsonl'
    Write-Host "Emulator at $($emulator.BaseUri)"

    $pictures = Get-ChildItem (Join-Path $PSScriptRoot 'images') -Filter *.png
    $plan = $pictures | Select-Object @{ n = 'Image'; e = { $_.Name } }, @{ n = 'Mode'; e = { 'pro' } }, @{ n = 'Resolution'; e = { '720p' } }, @{ n = 'Duration'; e = { 4 } }
    $estimate = ($plan | Get-ViduPrice | Measure-Object -Property Price -Sum).Sum
    Write-Host ("Estimated cost for {0} pictures: `${1}" -f $pictures.Count, $estimate)

    $started = Get-Date
    $files = $pictures |
        New-ViduVideoJob -Prompt 'slow dolly in, gentle parallax, soft evening light' -Duration 4 -MaxCost 2 |
        Wait-ViduVideoJob -PollInterval 1 -Timeout 120 |
        Save-ViduVideo -Path $videos
    $elapsed = (Get-Date) - $started

    $files | Sort-Object Name | Format-Table -AutoSize @(
        @{ n = 'Video'; e = { $_.Name } }
        @{ n = 'Bytes'; e = { $_.Length } }
        @{ n = 'MP4'; e = { $b = [IO.File]::ReadAllBytes($_.FullName); [Text.Encoding]::ASCII.GetString($b, 4, 4) -eq 'ftyp' } }
        @{ n = 'JobId'; e = { $_.JobId } }
        @{ n = 'Source'; e = { Split-Path $_.SourceImage -Leaf } }
    ) | Out-Host
    Write-Host ("{0} videos in {1:0.0} s; charged `${2} in total." -f @($files).Count, $elapsed.TotalSeconds,
        ((Get-ViduVideoJob -LastBatch -NoRefresh | Measure-Object -Property Amount -Sum).Sum))
    # One start-end video as well (Q3): the first sample picture as the first frame, the last as the last frame.
    $first, $last = $pictures[0], $pictures[-1]
    Write-Host ("Start-end video (Q3) from {0} to {1}: estimated `${2}" -f $first.Name, $last.Name,
        (Get-ViduPrice -Model Q3 -Kind StartEnd -Duration 4).Price)
    $startEnd = New-ViduVideoJob -Model Q3 -Image $first.FullName -EndImage $last.FullName -Prompt 'day turns to dusk as the camera drifts' -Duration 4 |
        Save-ViduVideo -Path $videos -NameTemplate 'start-end-{Name}' -PollInterval 1
    Write-Host ("{0}: {1:N0} bytes, job {2}" -f $startEnd.Name, $startEnd.Length, $startEnd.JobId)
    Write-Host "Videos are in $videos"
    $gallery = @($files) + @($startEnd) | Export-ViduGallery -Path (Join-Path $OutputFolder 'gallery.html') -Title 'Demo: sample pictures to videos, and one start-end video' -PassThru
    Write-Host "Review them side by side in $($gallery.FullName)"
    if (@($files).Count -ne $pictures.Count) { throw "Expected $($pictures.Count) videos, got $(@($files).Count)." }
    if (@($startEnd).Count -ne 1) { throw 'Expected one start-end video.' }
}
finally {
    if ($emulator) { $emulator | Stop-ViduEmulator }
    # Not SetEnvironmentVariable(name, $null): PowerShell passes $null to a string argument as '', which sets it.
    foreach ($name in $saved.Keys) {
        if ($null -eq $saved[$name]) { Remove-Item "Env:$name" -ErrorAction Ignore } else { [Environment]::SetEnvironmentVariable($name, $saved[$name]) }
    }
    Exit-ViduPlainOutput $outputStyle
}
