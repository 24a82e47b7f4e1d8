# Development helpers shared by build.ps1, the Pester tests and the benchmark: how to start a child PowerShell
# and the emulator, and when to write plain text. Not part of the shipped module. Written for Windows PowerShell 5.1 as
# well as PowerShell 7 (the Pester suite runs under powershell.exe too): no ?? or ?:, and only .NET APIs that .NET
# Framework 4.7.2 has.
Set-StrictMode -Version Latest

$script:RepoRoot = Split-Path -Parent $PSScriptRoot

function Test-ViduPlainOutput {
    <#
    Whether output must be plain text, with no ANSI escape codes: when standard output is not a terminal (a file, a
    pipe, a CI log), when NO_COLOR is set to anything (https://no-color.org; PowerShell and Pester read it the same
    way, an empty value included), or when $PSStyle.OutputRendering is PlainText. The parameters default to this
    process's own state; a test can give them.
    #>
    [CmdletBinding()]
    [OutputType([bool])]
    param(
        [bool] $OutputRedirected = [Console]::IsOutputRedirected,
        # Untyped, so $null (unset) stays apart from '' (set, empty).
        [AllowNull()] $NoColor = [Environment]::GetEnvironmentVariable('NO_COLOR'),
        # Windows PowerShell has no $PSStyle: there the rendering is ''.
        [string] $OutputRendering = $(if ($PSStyle) { $PSStyle.OutputRendering } else { '' })
    )
    $OutputRedirected -or $null -ne $NoColor -or $OutputRendering -eq 'PlainText'
}

function Enter-ViduPlainOutput {
    <#
    When Test-ViduPlainOutput says so, makes this session write plain text ($PSStyle.OutputRendering = 'PlainText',
    which also drops Write-Host's colours) and every process it starts afterwards too (NO_COLOR=1 in the environment
    they inherit: PowerShell, Pester and the dotnet CLI honour it). On a terminal, without NO_COLOR, nothing changes.
    Returns what Exit-ViduPlainOutput needs to put things back; its Plain property tells which way it went.
    #>
    [CmdletBinding()]
    param()
    $state = [pscustomobject]@{
        PSTypeName      = 'ShortApi.Vidu.Dev.OutputStyle'
        Plain           = Test-ViduPlainOutput
        Redirected      = [Console]::IsOutputRedirected
        OutputRendering = $(if ($PSStyle) { $PSStyle.OutputRendering } else { '' })
        NoColor         = [Environment]::GetEnvironmentVariable('NO_COLOR')
    }
    if ($state.Plain) {
        if ($PSStyle) { $PSStyle.OutputRendering = 'PlainText' }
        if ($null -eq $state.NoColor) { [Environment]::SetEnvironmentVariable('NO_COLOR', '1') }
    }
    $state
}

function Exit-ViduPlainOutput {
    <#
    Undoes Enter-ViduPlainOutput, so a script run from an interactive session leaves it as it was. Where the output
    is redirected, $PSStyle stays PlainText: such a process ends with the script, and the error that ended it is
    shown after the script's finally blocks have run, so it must still find PlainText.
    #>
    [CmdletBinding()]
    param([Parameter(Mandatory)] $State)
    if ($State.Plain) {
        if ($PSStyle -and -not $State.Redirected) { $PSStyle.OutputRendering = $State.OutputRendering }
        # Not SetEnvironmentVariable(name, $null): PowerShell passes $null to a string argument as '', which sets it.
        if ($null -eq $State.NoColor) { Remove-Item Env:NO_COLOR -ErrorAction Ignore } else { [Environment]::SetEnvironmentVariable('NO_COLOR', $State.NoColor) }
    }
}

function Get-PesterSuiteCommand {
    <#
    The command build.ps1 runs in a child PowerShell to run the Pester suite over $Path: tools/Invoke-PesterSuite.ps1,
    the same runner Windows users start from powershell.exe. It writes {Passed, Failed} as JSON to $SummaryPath and
    decides plain text for itself as build.ps1 does (it inherits NO_COLOR from a parent that chose plain text).
    #>
    [CmdletBinding()]
    [OutputType([string])]
    param(
        [Parameter(Mandatory)] [string[]] $Path,
        [Parameter(Mandatory)] [string] $SummaryPath
    )
    $quote = { param([string] $Text) "'" + [Management.Automation.Language.CodeGeneration]::EscapeSingleQuotedStringContent($Text) + "'" }
    $suite = Join-Path (Split-Path -Parent $PSCommandPath) 'Invoke-PesterSuite.ps1'
    "& $(& $quote $suite) -Path $(($Path | ForEach-Object { & $quote $_ }) -join ', ') -SummaryPath $(& $quote $SummaryPath); exit `$LASTEXITCODE"
}

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

function Get-CommandProcessId {
    <#
    The processes whose end is the end of the command this PowerShell runs: this process, and the launcher that
    started it if it was started as a .NET tool ('dotnet pwsh' or 'dotnet tool run pwsh', which runs PowerShell's
    Microsoft.PowerShell.GlobalTool.Shim, which runs pwsh). The launcher does not pass SIGTERM on: killing it
    would leave this PowerShell, and whatever it started, running. For the emulator's --parent-pid.
    #>
    [CmdletBinding()]
    [OutputType([int])]
    param()
    $PID
    $process = try { (Get-Process -Id $PID).Parent } catch { $null }
    while ($null -ne $process -and $process.ProcessName -eq 'dotnet') {
        # Linux and Windows tell the command line; where it is unknown (macOS) the launcher is left out.
        $commandLine = try { [string]$process.CommandLine } catch { '' }
        # Matched on the program and its first arguments only, never on text further on (such as a -Command script).
        $isLauncher = $commandLine -match '^(?:"(?:[^"]*[\\/])?dotnet(?:\.exe)?"|(?:[^"\s]*[\\/])?dotnet(?:\.exe)?)\s+(?:tool\s+run\s+)?pwsh(?:\s|$)' -or
            $commandLine -match '^(?:"[^"]*"|\S+)\s+(?:"[^"]*[\\/]|[^"\s]*[\\/])?Microsoft\.PowerShell\.GlobalTool\.Shim\.dll'
        if (-not $isLauncher) { break }
        $process.Id
        $process = try { $process.Parent } catch { $null }
    }
}

function Invoke-ChildPwsh {
    <#
    Runs a script in a fresh 'pwsh -NoProfile' and returns its exit code; output goes to the given files. The child
    gets NO_COLOR=1 (its output is captured, so it must be plain text) and -Environment on top; a $null value there
    removes the variable (e.g. @{ NO_COLOR = $null } to see what a child does without it).
    #>
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Command,
        [hashtable] $Environment = @{},
        [string] $StandardOutput,
        [string] $StandardError,
        [string] $WorkingDirectory,
        # With -PassThru: the child's standard input stays open for the caller to write to (a line it waits for).
        [switch] $RedirectInput,
        [switch] $PassThru
    )
    $pwsh = Get-PwshCommand
    $info = [Diagnostics.ProcessStartInfo]::new($pwsh.FilePath)
    Add-ProcessArgument $info (@($pwsh.Prefix) + @('-NoProfile', '-NonInteractive', '-Command', $Command))
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $info.RedirectStandardInput = [bool]$RedirectInput
    if ($WorkingDirectory) { $info.WorkingDirectory = $WorkingDirectory }
    $info.Environment['NO_COLOR'] = '1' # plain text errors, readable in test messages
    foreach ($key in $Environment.Keys) {
        if ($null -eq $Environment[$key]) { $null = $info.Environment.Remove($key) } else { $info.Environment[$key] = [string]$Environment[$key] }
    }
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
    its standard input closes or when this process ends (--parent-pid), so it never outlives this session.
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
    Add-ProcessArgument $info (@($EmulatorPath, '--port', "$Port", '--exit-on-stdin-close', '--parent-pid', "$PID") + $ArgumentList)
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
        # $env:SHORTAPI_BASE_URL = '...': read as PowerShell reads it, so a key with quotes in it comes back whole.
        if ($read.Result -match '^\$env:(SHORTAPI_BASE_URL|SHORTAPI_KEY|HTTP_PROXY) = ') {
            $name = $Matches[1]
            $ast = [Management.Automation.Language.Parser]::ParseInput($read.Result, [ref]$null, [ref]$null)
            $values[$name] = $ast.Find({ param($node) $node -is [Management.Automation.Language.StringConstantExpressionAst] }, $true).Value
        }
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

Export-ModuleMember -Function Test-ViduPlainOutput, Enter-ViduPlainOutput, Exit-ViduPlainOutput, Get-PesterSuiteCommand,
    Get-PwshCommand, Get-CommandProcessId, Invoke-ChildPwsh, Start-ViduEmulator, Stop-ViduEmulator, Invoke-EmulatorControl, Stop-ProcessTree
