# Development helpers shared by build.ps1, the Pester tests and the benchmark: how to start a child PowerShell
# and the emulator. Not part of the shipped module. Written for Windows PowerShell 5.1 as well as PowerShell 7
# (the Pester suite runs under powershell.exe too): no ?? or ?:, and only .NET APIs that .NET Framework 4.7.2 has.
Set-StrictMode -Version Latest

$script:RepoRoot = Split-Path -Parent $PSScriptRoot

# The running program ([Environment]::ProcessPath is .NET 6+).
function Get-ProcessPath { [Diagnostics.Process]::GetCurrentProcess().MainModule.FileName }

# Adds arguments to a ProcessStartInfo: ArgumentList where it exists (.NET Core 2.1+), else one command line quoted
# the way Windows programs split it (backslashes double only before a quote).
function Add-ProcessArgument([Diagnostics.ProcessStartInfo] $Info, [string[]] $Arguments) {
    if ($null -ne $Info.PSObject.Properties['ArgumentList']) { foreach ($a in $Arguments) { $Info.ArgumentList.Add($a) }; return }
    $quoted = foreach ($a in $Arguments) {
        if ($a -ne '' -and $a -notmatch '[\s"]') { $a; continue }
        '"' + ($a -replace '(\\*)"', '$1$1\"' -replace '(\\+)$', '$1$1') + '"'
    }
    $Info.Arguments = (@($Info.Arguments) + @($quoted) | Where-Object { $_ }) -join ' '
}

function Stop-ProcessTree {
    <# Kills a process and its children where the runtime can (.NET Core 3+); on .NET Framework the process alone. #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] [Diagnostics.Process] $Process)
    try { if ($Process.HasExited) { return } } catch { return }
    try { $Process.Kill($true) } catch [Management.Automation.MethodException] { $Process.Kill() }
}

function Get-PwshCommand {
    <# The program and leading arguments that start a PowerShell like this one (under 'dotnet pwsh' that is dotnet + pwsh.dll; under Windows PowerShell, powershell.exe). #>
    [CmdletBinding()]
    param()
    $process = Get-ProcessPath
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
    Add-ProcessArgument $info (@($pwsh.Prefix) + @('-NoProfile', '-NonInteractive', '-Command', $Command))
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
    (for example '--job-seconds', '2'). It exits when its standard input closes, so it never outlives this session.
    #>
    [CmdletBinding()]
    param(
        [string[]] $ArgumentList = @(),
        [int] $Port = 0,
        [string] $EmulatorPath = (Join-Path $script:RepoRoot 'out/emulator/ShortApi.Vidu.Emulator.dll')
    )
    if (-not (Test-Path -LiteralPath $EmulatorPath)) { throw "The emulator is not built at '$EmulatorPath'. Run ./build.ps1 Build first." }
    $dotnet = if ([IO.Path]::GetFileNameWithoutExtension((Get-ProcessPath)) -eq 'dotnet') { Get-ProcessPath } else { 'dotnet' }
    $info = [Diagnostics.ProcessStartInfo]::new($dotnet)
    Add-ProcessArgument $info (@($EmulatorPath, '--port', "$Port", '--exit-on-stdin-close') + $ArgumentList)
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardInput = $true
    $process = [Diagnostics.Process]::Start($info)
    $values = @{}
    $deadline = [DateTime]::UtcNow.AddSeconds(30)
    while ($values.Count -lt 2) {
        $read = $process.StandardOutput.ReadLineAsync()
        if (-not $read.Wait([Math]::Max(0, ($deadline - [DateTime]::UtcNow).TotalMilliseconds)) -or $null -eq $read.Result) {
            try { $process.Kill() } catch { }
            throw 'The emulator did not report its address within 30 s.'
        }
        if ($read.Result -match '^(SHORTAPI_BASE_URL|SHORTAPI_KEY)=(.+)$') { $values[$Matches[1]] = $Matches[2] }
    }
    # Keep reading whatever else it prints so its output pipe never fills.
    $null = $process.StandardOutput.ReadToEndAsync()
    [pscustomobject]@{
        PSTypeName = 'ShortApi.Vidu.Dev.Emulator'
        Process    = $process
        BaseUri    = $values['SHORTAPI_BASE_URL']
        ApiKey     = $values['SHORTAPI_KEY']
    }
}

function Stop-ViduEmulator {
    [CmdletBinding()]
    param([Parameter(Mandatory, ValueFromPipeline)] $Emulator)
    process {
        try { $Emulator.Process.StandardInput.Close() } catch { }
        if (-not $Emulator.Process.WaitForExit(5000)) { try { Stop-ProcessTree $Emulator.Process } catch { } }
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

Export-ModuleMember -Function Get-PwshCommand, Invoke-ChildPwsh, Start-ViduEmulator, Stop-ViduEmulator, Invoke-EmulatorControl, Stop-ProcessTree
