# Development helpers shared by build.ps1, the Pester tests and the benchmark: how to start a child PowerShell
# and the emulator. Not part of the shipped module.
Set-StrictMode -Version Latest

$script:RepoRoot = Split-Path -Parent $PSScriptRoot

function Get-PwshCommand {
    <# The program and leading arguments that start a PowerShell like this one (under 'dotnet pwsh' that is dotnet + pwsh.dll). #>
    [CmdletBinding()]
    param()
    $process = [Environment]::ProcessPath
    if ([IO.Path]::GetFileNameWithoutExtension($process) -eq 'dotnet') {
        return [pscustomobject]@{ FilePath = $process; Prefix = @((Join-Path $PSHOME 'pwsh.dll')) }
    }
    [pscustomobject]@{ FilePath = $process; Prefix = @() }
}

function Invoke-ChildPwsh {
    <# Runs a script in a fresh 'pwsh -NoProfile' and returns its exit code; output goes to the given files. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Command,
        [hashtable] $Environment = @{},
        [string] $StandardOutput,
        [string] $StandardError,
        [string] $WorkingDirectory,
        [switch] $PassThru
    )
    $pwsh = Get-PwshCommand
    $info = [Diagnostics.ProcessStartInfo]::new($pwsh.FilePath)
    foreach ($a in $pwsh.Prefix) { $info.ArgumentList.Add($a) }
    foreach ($a in @('-NoProfile', '-NonInteractive', '-Command', $Command)) { $info.ArgumentList.Add($a) }
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    if ($WorkingDirectory) { $info.WorkingDirectory = $WorkingDirectory }
    $info.Environment['NO_COLOR'] = '1' # plain text errors, readable in test messages
    foreach ($key in $Environment.Keys) { $info.Environment[$key] = [string]$Environment[$key] }
    $process = [Diagnostics.Process]::Start($info)
    if ($PassThru) { return $process }
    $stdout = $process.StandardOutput.ReadToEndAsync()
    $stderr = $process.StandardError.ReadToEndAsync()
    $process.WaitForExit()
    if ($StandardOutput) { Set-Content -LiteralPath $StandardOutput -Value $stdout.Result }
    if ($StandardError) { Set-Content -LiteralPath $StandardError -Value $stderr.Result }
    [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout.Result; Error = $stderr.Result }
}

function Start-ViduEmulator {
    <#
    Starts the built emulator on free loopback ports and returns its address and key. Extra arguments pass through
    (for example '--job-seconds', '2'); with '--forward-proxy' the result's ProxyUri is its test proxy. It exits when
    its standard input closes, so it never outlives this session.
    #>
    [CmdletBinding()]
    param(
        [string[]] $ArgumentList = @(),
        [int] $Port = 0,
        [string] $EmulatorPath = (Join-Path $script:RepoRoot 'out/emulator/ShortApi.Vidu.Emulator.dll')
    )
    if (-not (Test-Path -LiteralPath $EmulatorPath)) { throw "The emulator is not built at '$EmulatorPath'. Run ./build.ps1 Build first." }
    $dotnet = if ([IO.Path]::GetFileNameWithoutExtension([Environment]::ProcessPath) -eq 'dotnet') { [Environment]::ProcessPath } else { 'dotnet' }
    $info = [Diagnostics.ProcessStartInfo]::new($dotnet)
    $info.ArgumentList.Add($EmulatorPath)
    foreach ($a in @('--port', "$Port", '--exit-on-stdin-close') + $ArgumentList) { $info.ArgumentList.Add($a) }
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardInput = $true
    $process = [Diagnostics.Process]::Start($info)
    $values = @{}
    $expected = if ($ArgumentList -contains '--forward-proxy') { 3 } else { 2 }
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ($values.Count -lt $expected) {
        $read = $process.StandardOutput.ReadLineAsync()
        if (-not $read.Wait([Math]::Max(0, ($deadline - [DateTime]::UtcNow).TotalMilliseconds)) -or $null -eq $read.Result) {
            try { $process.Kill() } catch { }
            throw 'The emulator did not report its address within 30 s.'
        }
        if ($read.Result -match '^(SHORTAPI_BASE_URL|SHORTAPI_KEY|HTTP_PROXY)=(.+)$') { $values[$Matches[1]] = $Matches[2] }
    }
    # Keep reading whatever else it prints so its output pipe never fills.
    $null = $process.StandardOutput.ReadToEndAsync()
    [pscustomobject]@{
        PSTypeName = 'ShortApi.Vidu.Dev.Emulator'
        Process    = $process
        BaseUri    = $values['SHORTAPI_BASE_URL']
        ApiKey     = $values['SHORTAPI_KEY']
        ProxyUri   = $values['HTTP_PROXY']
    }
}

function Stop-ViduEmulator {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Emulator)
    process {
        try { $Emulator.Process.StandardInput.Close() } catch { }
        if (-not $Emulator.Process.WaitForExit(5000)) { try { $Emulator.Process.Kill($true) } catch { } }
    }
}

function Invoke-EmulatorControl {
    <# Calls one of the emulator's /_emulator/ endpoints: stats, requests, faults, options, reset, callbacks. #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Emulator,
        [Parameter(Mandatory)] [string] $Name,
        [object] $Body
    )
    $uri = "$($Emulator.BaseUri.TrimEnd('/'))/_emulator/$Name"
    if ($PSBoundParameters.ContainsKey('Body')) {
        Invoke-RestMethod -Method Post -Uri $uri -Body ($Body | ConvertTo-Json -Depth 5) -ContentType 'application/json'
    }
    else {
        Invoke-RestMethod -Method Get -Uri $uri
    }
}

Export-ModuleMember -Function Get-PwshCommand, Invoke-ChildPwsh, Start-ViduEmulator, Stop-ViduEmulator, Invoke-EmulatorControl
