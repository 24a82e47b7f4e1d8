<#
.SYNOPSIS
    Packs the staged module (out/ShortApi.Vidu) into a .nupkg that Install-PSResource takes from a local folder.
.DESCRIPTION
    Uses Compress-PSResource from Microsoft.PowerShell.PSResourceGet (shipped with PowerShell 7.4+), which
    validates the manifest and writes the same package Publish-PSResource would, without registering a
    repository. To install from the result:
        Register-PSResourceRepository -Name ViduLocal -Uri <OutputFolder> -Trusted
        Install-PSResource -Name ShortApi.Vidu -Repository ViduLocal
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModuleFolder,
    [Parameter(Mandatory)] [string] $OutputFolder
)
$ErrorActionPreference = 'Stop'
Import-Module (Join-Path $PSScriptRoot 'ViduDev.psm1')
# Plain text when the output is redirected or NO_COLOR is set. Not undone on the way out: the package object this
# returns is formatted by the caller afterwards, and in a redirected process that table must stay plain too.
$null = Enter-ViduPlainOutput
if (Test-Path $OutputFolder) { Remove-Item $OutputFolder -Recurse -Force }
$null = New-Item -ItemType Directory $OutputFolder
Compress-PSResource -Path $ModuleFolder -DestinationPath $OutputFolder
$package = Get-ChildItem $OutputFolder -Filter *.nupkg
if (-not $package) { throw "Compress-PSResource wrote no package to $OutputFolder." }
Write-Host "Package: $($package.FullName)"
$package
