<#
.SYNOPSIS
    An example of a script a user might write around the module: tonight's pictures in, videos out, on a budget.
.DESCRIPTION
    tests/Pester/UserScript.Tests.ps1 shows how to test a script like this one: with Pester's Mock, so the
    test never calls the service, and against the emulator, so the whole path runs offline over real HTTP.
#>
function Invoke-NightlyBatch {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Pictures,
        [Parameter(Mandatory)] [string] $Videos,
        [decimal] $Budget = 10,
        [string] $Prompt = 'slow dolly in, soft light'
    )
    Get-ChildItem -Path $Pictures -Filter *.png |
        New-ViduVideoJob -Prompt $Prompt -Mode turbo -Duration 4 -MaxCost $Budget |
        Wait-ViduVideoJob -Timeout 3600 |
        Save-ViduVideo -Path $Videos
}
