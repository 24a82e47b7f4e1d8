# 'build.ps1 Emulator' must not leave the emulator behind: it stops with the PowerShell that started it, however that
# PowerShell ends. Each case starts the task in a child pwsh on a free port, waits until the port answers, holds a
# question open on it, ends the child, and waits (bounded) for that connection to end and the emulator process to be gone.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')

    function Get-FreePort {
        $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $listener.Start()
        try { $listener.LocalEndpoint.Port } finally { $listener.Stop() }
    }

    function Test-PortAnswers([int] $Port) {
        try { $null = Invoke-RestMethod -Uri "http://127.0.0.1:$Port/_emulator/stats" -TimeoutSec 15; $true } catch { $false }
    }

    # Running emulators serving this port, found by their command line (a dead, unreaped one has none).
    function Get-EmulatorProcess([int] $Port) {
        Get-Process -ErrorAction SilentlyContinue | Where-Object {
            $line = try { $_.CommandLine } catch { $null }
            $line -match "ShortApi\.Vidu\.Emulator\.dll\s+--port\s+$Port(\s|$)"
        }
    }

    # Polls $Condition every 100 ms; fails with $Because after $TimeoutSec.
    function Wait-Until([scriptblock] $Condition, [string] $Because, [int] $TimeoutSec = 30) {
        $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
        while (-not (& $Condition)) {
            if ([DateTime]::UtcNow -gt $deadline) { throw "Not within $TimeoutSec s: $Because" }
            Start-Sleep -Milliseconds 100
        }
    }

    $kill = Get-Command kill -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
}

Describe 'build.ps1 Emulator stops with the PowerShell that started it' {
    It 'when that PowerShell is sent <Signal>' -ForEach @(
        @{ Signal = 'SIGTERM' }
        @{ Signal = 'SIGKILL' }
    ) {
        if ($Signal -eq 'SIGTERM' -and ($IsWindows -or -not $kill)) { Set-ItResult -Skipped -Because 'SIGTERM needs a Unix kill command'; return }
        $port = Get-FreePort
        $child = Invoke-ChildPwsh -PassThru -Command "& '$RepoRoot/build.ps1' Emulator -NoBuild -Port $port"
        try {
            $lines = [Collections.Generic.List[string]]::new()
            $null = Wait-ChildLine $child "^\`$env:SHORTAPI_BASE_URL = 'http://127\.0\.0\.1:$port'$" $lines 60
            $null = $child.StandardOutput.ReadToEndAsync()
            $null = $child.StandardError.ReadToEndAsync()
            Test-PortAnswers $port | Should -BeTrue -Because 'the emulator printed its address, so it is listening'
            $emulator = @(Get-EmulatorProcess $port)
            $emulator.Count | Should -Be 1 -Because 'the process check must see the emulator while it runs'

            # A question the emulator holds open for ten minutes: its connection ends only when the emulator does,
            # which is the event to wait for (no polling of the port).
            Add-Type -AssemblyName System.Net.Http
            $http = [Net.Http.HttpClient]::new()
            $http.Timeout = [Threading.Timeout]::InfiniteTimeSpan
            $held = $http.GetAsync("http://127.0.0.1:$port/_emulator/wait?createsReceived=1&timeoutMs=600000")

            if ($Signal -eq 'SIGTERM') { & $kill.Source -TERM $child.Id } else { $child.Kill() } # Kill(): SIGKILL, this process only

            $child.WaitForExit(30000) | Should -BeTrue -Because "the PowerShell running build.ps1 ends on $Signal"
            try { $held.Wait([TimeSpan]::FromSeconds(60)) | Should -BeTrue -Because "the emulator should end, and its connections with it, after $Signal to the PowerShell that started it" }
            catch [AggregateException] { } # cut rather than answered as the emulator stopped: an ending all the same
            $http.Dispose()
            # Answered or cut, the question's end says the emulator is stopping; its listener and process go just after.
            Wait-Until { -not (Test-PortAnswers $port) } "port $port should stop answering after $Signal"
            Wait-Until { -not (Get-EmulatorProcess $port) } "no emulator for port $port should remain after $Signal"
        }
        finally {
            if (-not $child.HasExited) { $child.Kill($true) }
            # Should the emulator outlive the test, end the one this test started (found by its port), and only it.
            Get-EmulatorProcess $port | ForEach-Object { $_.Kill() }
        }
    }
}
