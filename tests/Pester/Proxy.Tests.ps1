# The proxy a user never names: HTTP_PROXY and NO_PROXY, honoured by PowerShell 7's HttpClient.DefaultProxy. It is
# read once per process, so each case runs the staged module in a fresh pwsh with its own environment. .NET does not
# skip loopback for an environment proxy, so the emulator on 127.0.0.1 is reached through the test proxy honestly.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $emulator = Start-ViduEmulator -ArgumentList '--job-seconds', '1', '--forward-proxy'
    $work = New-TestFolder
    $pictures = Join-Path $work 'pictures'
    $null = New-Item -ItemType Directory $pictures
    $null = Copy-SampleImages $pictures 1

    # The proxy's recordings, read from its own address (origin-form), never through any proxy. Invoke-RestMethod
    # emits a JSON array as one object; ForEach-Object unrolls it.
    function Get-ProxiedRequest { @(Invoke-RestMethod -NoProxy -Uri "$($emulator.ProxyUri)/_proxy/requests" | ForEach-Object { $_ }) }
    function Get-EmulatorRequest { @(Invoke-EmulatorControl -Emulator $emulator -Name requests | ForEach-Object { $_ }) }

    # A free port with nothing listening: a proxy there would fail every request that took it.
    function Get-DeadPort {
        $listener = [Net.Sockets.TcpListener]::new([Net.IPAddress]::Loopback, 0)
        $listener.Start(); $port = $listener.LocalEndpoint.Port; $listener.Stop(); $port
    }

    # Runs New | Wait | Save in a child pwsh whose proxy variables are exactly $Proxy; returns what it saved, said and failed.
    function Invoke-ProxiedBatch([string] $Name, [hashtable] $Proxy, [string] $Parameters = '') {
        $result = Join-Path $work "$Name.json"
        $script = @"
Import-Module '$ModulePath'
`$all = & { Get-ChildItem '$pictures' -Filter *.png | New-ViduVideoJob -Prompt x -Verbose $Parameters |
    Wait-ViduVideoJob -PollInterval 0.2 -Verbose $Parameters | Save-ViduVideo -Path '$(Join-Path $work $Name)' -Verbose $Parameters } *>&1
[pscustomobject]@{
    Saved   = @(`$all | Where-Object { `$_ -is [IO.FileInfo] }).Count
    Verbose = @(`$all | Where-Object { `$_ -is [Management.Automation.VerboseRecord] } | ForEach-Object Message)
    Errors  = @(`$Error | ForEach-Object { `$_.FullyQualifiedErrorId + ': ' + `$_ })
} | ConvertTo-Json -Depth 3 | Set-Content '$result'
"@
        $environment = @{
            SHORTAPI_BASE_URL = $emulator.BaseUri; SHORTAPI_KEY = $emulator.ApiKey; SHORTAPI_HISTORY_PATH = (Join-Path $work "$Name.jsonl")
            HTTP_PROXY = ''; HTTPS_PROXY = ''; ALL_PROXY = ''; NO_PROXY = ''
        }
        # On Unix the lower-case names win over the upper-case ones; on Windows the names are one and the same.
        if (-not $IsWindows) { foreach ($name in 'http_proxy', 'https_proxy', 'all_proxy', 'no_proxy') { $environment[$name] = '' } }
        foreach ($key in $Proxy.Keys) { $environment[$key] = $Proxy[$key] }
        $before = (Get-ProxiedRequest).Count
        $child = Invoke-ChildPwshWithin -Command $script -Environment $environment -TimeoutSec 120
        if (-not (Test-Path $result)) { throw "The child wrote no result: $($child.Output) $($child.Error)" }
        $outcome = Get-Content -Raw $result | ConvertFrom-Json
        [pscustomobject]@{
            Saved    = $outcome.Saved
            Verbose  = @($outcome.Verbose)
            Errors   = @($outcome.Errors)
            Proxied  = @(Get-ProxiedRequest | Select-Object -Skip $before)
        }
    }
}

AfterAll {
    $emulator | Stop-ViduEmulator
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The environment proxy, when no -Proxy is given' {
    It 'HTTP_PROXY carries every create, query and download, and only the API requests carry the key' {
        $before = (Get-EmulatorRequest).Count
        $run = Invoke-ProxiedBatch 'env' @{ HTTP_PROXY = $emulator.ProxyUri }
        $run.Errors | Should -BeNullOrEmpty
        $run.Saved | Should -Be 1

        $methods = @($run.Proxied | ForEach-Object { $_.method + ' ' + ([uri]$_.target).AbsolutePath })
        $methods | Should -Contain 'POST /api/v1/job/create'
        $methods | Should -Contain 'GET /api/v1/job/query'
        @($run.Proxied | Where-Object { ([uri]$_.target).AbsolutePath -like '/files/*.mp4' }) | Should -HaveCount 1
        foreach ($request in $run.Proxied) {
            $isApi = ([uri]$request.target).AbsolutePath -like '/api/*'
            [bool]$request.authorization | Should -Be $isApi -Because "$($request.method) $($request.target)"
        }
        # Nothing reached the emulator except through the proxy.
        $reached = @(Get-EmulatorRequest | Select-Object -Skip $before)
        $reached.Count | Should -Be $run.Proxied.Count
        $run.Verbose | Where-Object { $_ -like "POST *via the system proxy $($emulator.ProxyUri)/" } | Should -Not -BeNullOrEmpty
    }

    It 'NO_PROXY naming the host sends it direct' {
        $run = Invoke-ProxiedBatch 'noproxy' @{ HTTP_PROXY = "http://127.0.0.1:$(Get-DeadPort)"; NO_PROXY = '127.0.0.1' }
        $run.Errors | Should -BeNullOrEmpty
        $run.Saved | Should -Be 1
        $run.Proxied | Should -BeNullOrEmpty
        $run.Verbose | Where-Object { $_ -like '*via*proxy*' } | Should -BeNullOrEmpty
    }

    It '-Proxy wins over HTTP_PROXY' {
        $run = Invoke-ProxiedBatch 'explicit' @{ HTTP_PROXY = "http://127.0.0.1:$(Get-DeadPort)" } "-Proxy '$($emulator.ProxyUri)'"
        $run.Errors | Should -BeNullOrEmpty
        $run.Saved | Should -Be 1
        @($run.Proxied | Where-Object method -EQ 'POST') | Should -HaveCount 1
        $run.Verbose | Where-Object { $_ -like "POST *via proxy $($emulator.ProxyUri)/" } | Should -Not -BeNullOrEmpty
    }
}
