BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $work = New-TestFolder
}

AfterAll {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The job history' {
    BeforeAll {
        $emulator = Start-ViduEmulator -ArgumentList '--job-seconds', '1'
        $history = Join-Path $work 'history-list.jsonl'
        $api = @{ BaseUri = $emulator.BaseUri; ApiKey = $emulator.ApiKey; HistoryPath = $history }
        $pictures = Join-Path $work 'list-pictures'
        $null = New-Item -ItemType Directory $pictures
        $null = Copy-SampleImages $pictures 3
        $first = New-ViduVideoJob @api -Image (Join-Path $pictures 'sunset.png') -Prompt 'one'
        # The batch must be dated after the first job, so newest-first has one answer: go on once the clock has moved.
        while ([DateTimeOffset]::UtcNow -le $first.CreatedAt) { }
        $batch = Get-ChildItem $pictures -Filter *.png | New-ViduVideoJob @api -Prompt 'two' -ThrottleLimit 1
    }
    AfterAll { $emulator | Stop-ViduEmulator }

    It 'records every accepted job before it is emitted, and never the key' {
        $lines = Get-Content $history
        ($lines | ConvertFrom-Json | Where-Object event -EQ 'created').jobId | Should -HaveCount 4
        (Get-Content -Raw $history).Contains($emulator.ApiKey) | Should -BeFalse
    }

    It 'lists jobs newest first, refreshing the unfinished ones' {
        # The jobs end now, on the emulator's word, rather than after a sleep longer than their second.
        $null = Invoke-EmulatorControl -Emulator $emulator -Name finish-jobs -Body @{}
        $listed = Get-ViduVideoJob @api
        $listed | Should -HaveCount 4
        $listed[-1].JobId | Should -Be $first.JobId
        ($listed.Status | Sort-Object -Unique) | Should -Be 'Succeeded'
        $listed[0].Image | Should -Not -BeNullOrEmpty
    }

    It 'filters by -LastBatch, -Last, -Status and -Since' {
        (Get-ViduVideoJob @api -LastBatch -NoRefresh).JobId | Sort-Object | Should -Be ($batch.JobId | Sort-Object)
        Get-ViduVideoJob @api -Last 2 -NoRefresh | Should -HaveCount 2
        Get-ViduVideoJob @api -Status Failed | Should -BeNullOrEmpty
        Get-ViduVideoJob @api -Since (Get-Date).AddMinutes(5) | Should -BeNullOrEmpty
    }

    It 'pipes listed jobs into Save-ViduVideo, and -Unsaved then lists nothing from that batch' {
        $saved = Get-ViduVideoJob @api -LastBatch -Unsaved | Save-ViduVideo @api -Path (Join-Path $work 'list-videos')
        $saved | Should -HaveCount 3
        Get-ViduVideoJob @api -LastBatch -Unsaved | Should -BeNullOrEmpty
        (Get-ViduVideoJob @api -LastBatch -NoRefresh).SavedPath | Should -Not -Contain $null
    }

    It 'is not written with -NoHistory or SHORTAPI_NO_HISTORY' {
        $other = Join-Path $work 'never.jsonl'
        $null = New-ViduVideoJob -BaseUri $emulator.BaseUri -ApiKey $emulator.ApiKey -HistoryPath $other -NoHistory -Image (Join-Path $pictures 'meadow.png') -Prompt x
        $env:SHORTAPI_NO_HISTORY = '1'
        try { $null = New-ViduVideoJob -BaseUri $emulator.BaseUri -ApiKey $emulator.ApiKey -HistoryPath $other -Image (Join-Path $pictures 'meadow.png') -Prompt x }
        finally { Remove-Item Env:SHORTAPI_NO_HISTORY }
        Test-Path $other | Should -BeFalse
    }

    It 'skips a torn last line and keeps appending after it' {
        $torn = Join-Path $work 'torn.jsonl'
        Copy-Item $history $torn
        [IO.File]::AppendAllText($torn, '{"v":1,"event":"created","jobId":"half')
        Get-ViduVideoJob -HistoryPath $torn -NoRefresh | Should -HaveCount 4
        $null = New-ViduVideoJob -BaseUri $emulator.BaseUri -ApiKey $emulator.ApiKey -HistoryPath $torn -Image (Join-Path $pictures 'meadow.png') -Prompt x
        Get-ViduVideoJob -HistoryPath $torn -NoRefresh | Should -HaveCount 5
    }
}

Describe 'Two sessions writing at once' {
    It 'lose no line' {
        $emulator = Start-ViduEmulator
        try {
            $history = Join-Path $work 'shared.jsonl'
            $pictures = Join-Path $work 'shared-pictures'
            $null = New-Item -ItemType Directory $pictures
            $null = Copy-SampleImages $pictures 60
            $script = "Import-Module '$ModulePath'; Get-ChildItem '$pictures' -Filter *.png | New-ViduVideoJob -Prompt x -ThrottleLimit 8 -BaseUri '$($emulator.BaseUri)' -ApiKey '$($emulator.ApiKey)' -HistoryPath '$history' | Out-Null"
            $sessions = 1..2 | ForEach-Object { Invoke-ChildPwsh -Command $script -PassThru }
            foreach ($s in $sessions) { $null = $s.StandardOutput.ReadToEnd(); $s.WaitForExit(); $s.ExitCode | Should -Be 0 }
            $recorded = @(Get-Content $history | ConvertFrom-Json | Where-Object event -EQ 'created')
            $recorded | Should -HaveCount 120
            ($recorded.jobId | Sort-Object) | Should -Be ((Get-EmulatorStats $emulator).acceptedJobIds | Sort-Object)
        }
        finally { $emulator | Stop-ViduEmulator }
    }
}

Describe 'A batch whose session dies' {
    It 'is collected in full by a new session: accepted creates equal saved videos' {
        # Every query is refused (429/5xx) while the first session lives, so it cannot save anything; the sixth
        # create is held inside the emulator until its client goes away, so the kill lands at a known point.
        $emulator = Start-ViduEmulator -ArgumentList '--job-seconds', '1', '--query-fault-rate', '1'
        try {
            $history = Join-Path $work 'crash.jsonl'
            $pictures = Join-Path $work 'crash-pictures'
            $videos = Join-Path $work 'crash-videos'
            $null = New-Item -ItemType Directory $pictures
            $null = Copy-SampleImages $pictures 24
            Invoke-EmulatorControl -Emulator $emulator -Name faults -Body @{ create = @('pass') * 5 + @('slow:600000') } | Out-Null
            $environment = @{ SHORTAPI_BASE_URL = $emulator.BaseUri; SHORTAPI_KEY = $emulator.ApiKey; SHORTAPI_HISTORY_PATH = $history }
            $batch = "Import-Module '$ModulePath'; Get-ChildItem '$pictures' -Filter *.png | New-ViduVideoJob -Prompt x -ThrottleLimit 1 | Wait-ViduVideoJob -PollInterval 0.3 | Save-ViduVideo -Path '$videos'"
            $session = Invoke-ChildPwsh -Command $batch -Environment $environment -PassThru

            # Killed in the middle: five creates accepted, the sixth on the wire, eighteen never sent, nothing saved.
            $null = Wait-EmulatorCount $emulator @{ createsReceived = 6 }
            Stop-ProcessTree $session
            $session.WaitForExit()
            $null = Wait-EmulatorCount $emulator @{ createsInFlightAtMost = 0 }
            $atKill = Get-EmulatorStats $emulator
            $atKill.createsAccepted | Should -Be 5 -Because 'the held create went with its client'
            @(Get-ChildItem $videos -Filter *.mp4 -ErrorAction SilentlyContinue).Count | Should -Be 0

            # A new session: one line collects every unfinished or unsaved job of the last batch.
            Invoke-EmulatorControl -Emulator $emulator -Name options -Body @{ queryFaultRate = 0 } | Out-Null
            $resume = "Import-Module '$ModulePath'; Get-ViduVideoJob -LastBatch -Unsaved | Save-ViduVideo -Path '$videos' -PollInterval 0.3 | Out-Null"
            $result = Invoke-ChildPwsh -Command $resume -Environment $environment
            $result.ExitCode | Should -Be 0
            $result.Error | Should -BeNullOrEmpty

            $stats = Get-EmulatorStats $emulator
            $stats.createsAccepted | Should -Be 5
            $saved = @(Get-ChildItem $videos -Filter *.mp4)
            $saved.Count | Should -Be $stats.createsAccepted
            foreach ($file in $saved) { Test-Mp4 $file.FullName | Should -BeTrue }
        }
        finally { $emulator | Stop-ViduEmulator }
    }
}
