BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $secret = 'sk-test-' + [guid]::NewGuid().ToString('N')
    $emulator = Start-ViduEmulator -ArgumentList '--key', $secret, '--job-seconds', '1'
    $work = New-TestFolder
    $pictures = Join-Path $work 'pictures'
    $null = New-Item -ItemType Directory $pictures
    $null = Copy-SampleImages $pictures 3
    $api = @{ BaseUri = $emulator.BaseUri; ApiKey = $secret; HistoryPath = (Join-Path $work 'history.jsonl') }
}

AfterAll {
    $emulator | Stop-ViduEmulator
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The API key' {
    BeforeAll {
        $Error.Clear()
        $DebugPreference = 'Continue'
        # Everything a user could see or keep: every stream of a full run, errors from a server that echoes the key,
        # the history, exported objects and the saved videos.
        $streams = & {
            $jobs = Get-ChildItem $pictures -Filter *.png | New-ViduVideoJob @api -Prompt 'x' -Verbose
            $jobs | Export-Clixml (Join-Path $work 'jobs.clixml')
            $jobs | Export-Csv (Join-Path $work 'jobs.csv')
            $jobs | ConvertTo-Json | Set-Content (Join-Path $work 'jobs.json')
            $jobs | Format-List * | Out-String
            $jobs | Wait-ViduVideoJob @api -PollInterval 0.2 -Verbose | Save-ViduVideo @api -Path (Join-Path $work 'videos') -Verbose

            Invoke-EmulatorControl -Emulator $emulator -Name faults -Body @{ create = @('echo-auth'); query = @('echo-auth') } | Out-Null
            New-ViduVideoJob @api -Image 'https://example.com/a.png' -Prompt 'x' -Verbose -ErrorAction SilentlyContinue
            Get-ViduVideoJob @api -JobId $jobs[0].JobId -Verbose -ErrorAction SilentlyContinue
            Get-ViduVideoJob -HistoryPath $api.HistoryPath -NoRefresh | Format-List * | Out-String
        } *>&1 | Out-String -Width 1000
        $DebugPreference = 'SilentlyContinue'
        $errorText = ($Error | ForEach-Object { $_.ToString(); $_.Exception.ToString(); $_.ErrorDetails.Message; $_.TargetObject | Out-String }) -join "`n"
    }

    It 'reached the service, and the echoing server did answer with it' {
        $streams | Should -Match 'ShortApi|Job|job'
        $requests = Invoke-EmulatorControl -Emulator $emulator -Name requests
        ($requests | Where-Object authorization -EQ "Bearer $secret").Count | Should -BeGreaterThan 3
        $Error.Count | Should -BeGreaterOrEqual 2
        $errorText | Should -Match '\*\*\*\*' -Because 'the echoed key is masked'
    }

    It 'never appears in any output, verbose, debug, warning or error text' {
        $streams | Should -Not -BeNullOrEmpty
        $streams.Contains($secret) | Should -BeFalse
        $errorText.Contains($secret) | Should -BeFalse
    }

    It 'never appears in any file the module or an export wrote' {
        $files = Get-ChildItem $work -Recurse -File
        $files.Name | Should -Contain 'history.jsonl'
        $files.Name | Should -Contain 'jobs.clixml'
        ($files | Where-Object Extension -EQ '.mp4') | Should -HaveCount 3
        foreach ($file in $files) {
            [Text.Encoding]::UTF8.GetString([IO.File]::ReadAllBytes($file.FullName)).Contains($secret) | Should -BeFalse -Because $file.Name
        }
    }

    It 'is sent only to the API, never to the result host' {
        $stats = Get-EmulatorStats $emulator
        $stats.cdnRequests | Should -BeGreaterOrEqual 3
        $stats.cdnRequestsWithAuthorization | Should -Be 0
    }

    It 'is not sent over plain http to a remote host' {
        { New-ViduVideoJob -Image 'https://example.com/a.png' -Prompt x -ApiKey $secret -BaseUri 'http://api.example.com' -NoHistory -ErrorAction Stop } |
            Should -Throw -ErrorId 'ShortApi.InvalidBaseUri,ShortApi.Vidu.Commands.NewViduVideoJobCommand'
    }
}
