# Edge cases of a batch that stops submitting: the balance runs out half-way (the run goes on with what was accepted),
# and the command is stopped (as by Ctrl+C) while its creates wait out a Retry-After.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $work = New-TestFolder
}

AfterAll {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A 402 half-way through a batch' {
    BeforeAll {
        # Exactly three jobs at the default price (pro, 720p, 5 s: $0.275 each) fit in the balance.
        $emulator = Start-ViduEmulator -ArgumentList '--balance', '0.825', '--job-seconds', '1'
        $pictures = Join-Path $work 'balance-pictures'
        $videos = Join-Path $work 'balance-videos'
        $null = New-Item -ItemType Directory $pictures
        $files = @(Copy-SampleImages $pictures 6 | Sort-Object Name)
        $result = Join-Path $work 'balance.json'
        # -ThrottleLimit 1 makes the refusal land on exactly one picture (the fourth): with more creates in flight,
        # several could be refused at once, each rightly with its own InsufficientBalance.
        $script = @"
Import-Module '$ModulePath'
`$saved = @(Get-ChildItem '$pictures' -Filter *.png | Sort-Object Name |
    New-ViduVideoJob -Prompt x -ThrottleLimit 1 -ErrorVariable failed -ErrorAction SilentlyContinue |
    Wait-ViduVideoJob -PollInterval 0.2 -ErrorVariable +failed -ErrorAction SilentlyContinue |
    Save-ViduVideo -Path '$videos' -PollInterval 0.2 -ErrorVariable +failed -ErrorAction SilentlyContinue)
[pscustomobject]@{
    Saved = @(`$saved | ForEach-Object { [pscustomobject]@{ Path = `$_.FullName; SourceImage = `$_.SourceImage } })
    Errors = @(`$failed | ForEach-Object { [pscustomobject]@{ Id = `$_.FullyQualifiedErrorId; Target = [string]`$_.TargetObject; Message = `$_.Exception.Message; Details = [string]`$_.ErrorDetails.Message } })
    Session = @(@(`$Error) | ForEach-Object { [pscustomobject]@{ Id = `$_.FullyQualifiedErrorId; Text = `$_.Exception.Message + ' ' + `$_.ErrorDetails.Message } })
} | ConvertTo-Json -Depth 4 | Set-Content '$result'
"@
        $child = Invoke-ChildPwshWithin -Command $script -TimeoutSec 120 -Environment @{
            SHORTAPI_BASE_URL = $emulator.BaseUri; SHORTAPI_KEY = $emulator.ApiKey; SHORTAPI_HISTORY_PATH = (Join-Path $work 'balance.jsonl')
        }
        $outcome = if (Test-Path $result) { Get-Content -Raw $result | ConvertFrom-Json } else { [pscustomobject]@{ Saved = @(); Errors = @(); Session = @() } }
        $saved = @($outcome.Saved)
        $errors = @($outcome.Errors)
        $sessionErrors = @($outcome.Session)
        $stats = Get-EmulatorStats $emulator
    }
    AfterAll { $emulator | Stop-ViduEmulator }

    It 'finishes the run' {
        $child.TimedOut | Should -BeFalse
        $child.ExitCode | Should -Be 0 -Because $child.Error
        Test-Path $result | Should -BeTrue -Because "$($child.Output) $($child.Error)"
    }

    It 'saves the three accepted jobs as playable MP4s in the same run' {
        $saved | Should -HaveCount 3 -Because ($errors | ConvertTo-Json)
        $onDisk = @(Get-ChildItem $videos -Filter *.mp4)
        $onDisk | Should -HaveCount 3
        foreach ($file in $onDisk) { Test-Mp4 $file.FullName | Should -BeTrue }
        ($saved.SourceImage | Sort-Object) | Should -Be $files[0..2].FullName
        $stats.downloadsServed | Should -Be 3
    }

    It 'gives the refused picture ShortApi.InsufficientBalance and every later one ShortApi.NotSent' {
        $errors | Should -HaveCount 3 -Because ($errors | ConvertTo-Json)
        # Nothing terminated the statement: the session recorded no error besides these three.
        $sessionErrors | Should -HaveCount 3 -Because ($sessionErrors | ConvertTo-Json)
        $refused = @($errors | Where-Object Id -Like 'ShortApi.InsufficientBalance,*')
        $refused | Should -HaveCount 1
        $refused[0].Target | Should -Be $files[3].FullName
        $notSent = @($errors | Where-Object Id -Like 'ShortApi.NotSent,*')
        ($notSent.Target | Sort-Object) | Should -Be $files[4..5].FullName
        foreach ($e in $notSent) { $e.Message | Should -Match ([regex]::Escape((Split-Path -Leaf $e.Target))) }
    }

    It 'sends no create after the refusal, and resends nothing' {
        $stats.createsReceived | Should -BeLessOrEqual 4
        $stats.createsAccepted | Should -Be 3
        $stats.balanceRemaining | Should -Be 0
    }

    It "never tells the user to 'run again' (the accepted jobs are paid for)" {
        foreach ($e in $errors) {
            $e.Message | Should -Not -Match 'then run again'
            $e.Details | Should -Not -Match 'then run again'
        }
        foreach ($e in $sessionErrors) { $e.Text | Should -Not -Match 'then run again' }
        $child.Output + $child.Error | Should -Not -Match 'then run again'
    }
}

Describe 'A stop (as by Ctrl+C) while creates wait out a Retry-After' {
    It 'sends no further create after the stop, and makes no job' {
        $emulator = Start-ViduEmulator -ArgumentList '--job-seconds', '30'
        $ps = $null
        try {
            $pictures = Join-Path $work 'stop-pictures'
            $null = New-Item -ItemType Directory $pictures
            $null = Copy-SampleImages $pictures 6
            # Every create is refused with 429 and told to come back in 300 s: the command can only end soon by
            # cancelling that wait, and a create that waited would go out only long after this test, so no sleep is
            # needed to show that nothing more is sent.
            Invoke-EmulatorControl -Emulator $emulator -Name faults -Body @{ create = @('429:300') * 30 } | Out-Null

            $ps = [powershell]::Create()
            $null = $ps.AddScript("Import-Module '$ModulePath'; Get-ChildItem '$pictures' -Filter *.png | New-ViduVideoJob -Prompt x -BaseUri '$($emulator.BaseUri)' -ApiKey '$($emulator.ApiKey)' -HistoryPath '$(Join-Path $work 'stop.jsonl')'")
            $running = $ps.BeginInvoke()

            # The first create was answered 429 and nothing is on the wire: the command is waiting out the Retry-After.
            $waiting = Wait-EmulatorCount $emulator @{ createsReceived = 1; createsInFlightAtMost = 0 }
            $stopping = $ps.BeginStop($null, $null)
            $stopping.AsyncWaitHandle.WaitOne([TimeSpan]::FromSeconds(120)) | Should -BeTrue -Because 'the stop cancels the 300 s wait instead of sitting it out'
            $ps.EndStop($stopping)
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $running.IsCompleted | Should -BeTrue
            $after = Get-EmulatorStats $emulator
            $after.createsReceived | Should -Be $waiting.createsReceived -Because 'no create may leave after the stop'
            $after.createsAccepted | Should -Be 0
            $after.createsInFlight | Should -Be 0
        }
        finally {
            if ($ps) { $ps.Dispose() }
            $emulator | Stop-ViduEmulator
        }
    }
}
