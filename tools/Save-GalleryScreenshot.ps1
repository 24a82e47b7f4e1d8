<#
.SYNOPSIS
    Takes the README's screenshot of the gallery the demo writes, with a headless Chromium.
.DESCRIPTION
    Run ./build.ps1 Demo first; it writes out/demo/gallery.html. Chromium is given a few seconds of virtual time so
    the videos show their first frame. Nothing is loaded from the network: the page forbids it.
.EXAMPLE
    dotnet pwsh ./build.ps1 Demo; dotnet pwsh ./tools/Save-GalleryScreenshot.ps1
#>
[CmdletBinding()]
param(
    [string] $Page = (Join-Path $PSScriptRoot '../out/demo/gallery.html'),
    [string] $Destination = (Join-Path $PSScriptRoot '../docs/images/gallery.png'),
    [string] $WindowSize = '1280,1000'
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
. (Join-Path $PSScriptRoot '../tests/Pester/Chromium.ps1')
$chromium = Find-Chromium
if (-not $chromium) { throw 'No Chromium or Chrome found (Debian: apt-get install chromium; or set $env:CHROMIUM_PATH).' }
$pagePath = (Resolve-Path -LiteralPath $Page).Path
$target = [IO.Path]::GetFullPath($Destination)
$null = New-Item -ItemType Directory -Force (Split-Path $target)
$profileFolder = Join-Path ([IO.Path]::GetTempPath()) ('vidu-shot-' + [guid]::NewGuid().ToString('N').Substring(0, 10))
try {
    # --no-sandbox: build machines run as root, where Chromium refuses its sandbox; the page is our own and has no script.
    & $chromium --headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --disable-dev-shm-usage `
        --no-first-run --hide-scrollbars --mute-audio "--user-data-dir=$profileFolder" "--window-size=$WindowSize" `
        --virtual-time-budget=5000 "--screenshot=$target" ([uri]::new($pagePath, [UriKind]::Absolute).AbsoluteUri) 2>&1 |
        Where-Object { $_ -match 'written to file' } | ForEach-Object { Write-Verbose "$_" }
    if (-not (Test-Path -LiteralPath $target)) { throw "Chromium wrote no screenshot to '$target'." }
    Get-Item -LiteralPath $target
}
finally {
    Remove-Item -LiteralPath $profileFolder -Recurse -Force -ErrorAction SilentlyContinue
}
