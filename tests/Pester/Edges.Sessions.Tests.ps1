# Edge cases of the job history across sessions: a session killed with creates on the wire, two sessions sharing one
# history, and a relative history path. Every wait is on an event (an emulator counter, a child's output line).
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $work = New-TestFolder
}

AfterAll {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'A session killed (kill -9) while creates are on the wire' {
    BeforeAll {
        $emulator = Start-ViduEmulator -ArgumentList '--job-seconds', '30'
        $history = Join-Path $work 'killed.jsonl'
        $pictures = Join-Path $work 'killed-pictures'
        $null = New-Item -ItemType Directory $pictures
        $null = Copy-SampleImages $pictures 8
        $environment = @{ SHORTAPI_BASE_URL = $emulator.BaseUri; SHORTAPI_KEY = $emulator.ApiKey; SHORTAPI_HISTORY_PATH = $history }

        # The first create is answered at once (it goes alone and opens the throttle); every later one is made and
        # charged at once but answered only after 20 s, so the kill finds them on the wire, paid for and unanswered.
        Invoke-EmulatorControl -Emulator $emulator -Name faults -Body @{ create = @('pass') + @('late:20000') * 8 } | Out-Null
        $batch = "Import-Module '$ModulePath'; Get-ChildItem '$pictures' -Filter *.png | New-ViduVideoJob -Prompt x -ThrottleLimit 3 | Out-Null"
        $session = Invoke-ChildPwsh -Command $batch -Environment $environment -PassThru
        try {
            $atKill = Wait-EmulatorCount $emulator @{ createsAccepted = 3 }
        }
        finally {
            Stop-ProcessTree $session
            $session.WaitForExit()
        }
        # Every connection the dead session left is seen gone, so no create can still be arriving.
        $final = Wait-EmulatorCount $emulator @{ createsInFlightAtMost = 0 }

        $listing = Join-Path $work 'killed-listing.json'
        $list = "Import-Module '$ModulePath'; Get-ViduVideoJob -LastBatch -NoRefresh | Select-Object JobId, @{ n = 'Status'; e = { [string]`$_.Status } }, Image | ConvertTo-Json -AsArray | Set-Content '$listing'"
        $listed = Invoke-ChildPwshWithin -Command $list -Environment $environment
        $jobs = @(Get-Content -Raw $listing | ConvertFrom-Json)
        $withId = @($jobs | Where-Object { $_.JobId })
        $unconfirmed = @($jobs | Where-Object Status -EQ 'Unconfirmed')
    }
    AfterAll { $emulator | Stop-ViduEmulator }

    It 'was killed with creates still waiting for their answer' {
        $atKill.createsInFlight | Should -BeGreaterOrEqual 1 -Because 'the late answers had not come yet'
        $final.createsAccepted | Should -BeLessThan 8 -Because 'the batch was cut short'
    }

    It 'accounts in a new session for every create the emulator accepted: a job with its id, or an Unconfirmed entry' {
        $listed.ExitCode | Should -Be 0 -Because $listed.Error
        ($withId.Count + $unconfirmed.Count) | Should -BeGreaterOrEqual $final.createsAccepted -Because ($jobs | ConvertTo-Json)
        foreach ($job in $withId) { $job.JobId | Should -BeIn $final.acceptedJobIds }
        $unconfirmed.Count | Should -BeGreaterOrEqual ($final.createsAccepted - $withId.Count)
        $unconfirmed.Count | Should -BeGreaterOrEqual 1 -Because 'the creates on the wire were never answered'
    }

    It 'names the picture of each Unconfirmed entry' {
        $unconfirmed | Should -Not -BeNullOrEmpty
        foreach ($job in $unconfirmed) {
            $job.JobId | Should -BeNullOrEmpty
            $job.Image | Should -Not -BeNullOrEmpty
            Split-Path -Parent $job.Image | Should -Be $pictures
            Test-Path -LiteralPath $job.Image | Should -BeTrue
        }
        @($unconfirmed.Image | Sort-Object -Unique).Count | Should -Be $unconfirmed.Count
    }

    It 'warns about the Unconfirmed creates and sends the user to the dashboard' {
        $printed = $listed.Output + $listed.Error
        $printed | Should -Match 'WARNING: .*Unconfirmed'
        $printed | Should -Match 'dashboard'
    }
}

Describe 'Two sessions on one history' {
    BeforeAll {
        $emulator = Start-ViduEmulator -ArgumentList '--job-seconds', '30'
        $history = Join-Path $work 'shared-batches.jsonl'
        $environment = @{ SHORTAPI_BASE_URL = $emulator.BaseUri; SHORTAPI_KEY = $emulator.ApiKey; SHORTAPI_HISTORY_PATH = $history }
        $picturesA = Join-Path $work 'session-a'
        $picturesB = Join-Path $work 'session-b'
        $null = New-Item -ItemType Directory $picturesA, $picturesB
        $null = Copy-SampleImages $picturesA 2
        $null = Copy-SampleImages $picturesB 3

        # Session A: its batch, then it waits (alive) for a line on its standard input, then lists its last batch.
        $scriptA = @"
Import-Module '$ModulePath'
Get-ChildItem '$picturesA' -Filter *.png | New-ViduVideoJob -Prompt a | ForEach-Object { "A-JOB `$(`$_.JobId)" }
'A-READY'
if ([Console]::In.ReadLine() -ne 'go') { 'A-GAVE-UP'; exit 3 }
(Get-ViduVideoJob -LastBatch -NoRefresh).JobId | ForEach-Object { "A-LAST `$_" }
"@
        $sessionA = Invoke-ChildPwsh -Command $scriptA -Environment $environment -PassThru -RedirectInput
        $linesA = [Collections.Generic.List[string]]::new()
        try {
            $null = Wait-ChildLine $sessionA '^A-READY$' $linesA
            $sessionB = Invoke-ChildPwshWithin -Environment $environment -Command "Import-Module '$ModulePath'; Get-ChildItem '$picturesB' -Filter *.png | New-ViduVideoJob -Prompt b | ForEach-Object { 'B-JOB ' + `$_.JobId }"
            $sessionA.StandardInput.WriteLine('go')
            $sessionA.StandardInput.Close()
            $restA = $sessionA.StandardOutput.ReadToEndAsync()
            if (-not $sessionA.WaitForExit(60000)) { throw 'Session A did not end within 60 s of being told to go on.' }
            $linesA.AddRange([string[]]($restA.Result -split "`r?`n"))
        }
        finally {
            if (-not $sessionA.HasExited) { Stop-ProcessTree $sessionA }
        }
        $jobsA = @($linesA -match '^A-JOB ' -replace '^A-JOB ')
        $lastA = @($linesA -match '^A-LAST ' -replace '^A-LAST ')
        $jobsB = @(($sessionB.Output -split "`r?`n") -match '^B-JOB ' -replace '^B-JOB ')
    }
    AfterAll { $emulator | Stop-ViduEmulator }

    It 'ran both batches against the one history' {
        $jobsA | Should -HaveCount 2
        $jobsB | Should -HaveCount 3 -Because $sessionB.Error
        (Get-EmulatorStats $emulator).createsAccepted | Should -Be 5
    }

    It "gives session A its own last batch, though B's batch is newer in the file" {
        $sessionA.ExitCode | Should -Be 0 -Because ($linesA -join "`n")
        ($lastA | Sort-Object) | Should -Be ($jobsA | Sort-Object)
    }

    It "gives a fresh session this user's newest batch, B's" {
        $fresh = Invoke-ChildPwshWithin -Environment $environment -Command "Import-Module '$ModulePath'; (Get-ViduVideoJob -LastBatch -NoRefresh).JobId"
        $fresh.ExitCode | Should -Be 0 -Because $fresh.Error
        $listed = @(($fresh.Output -split "`r?`n") | Where-Object { $_ })
        ($listed | Sort-Object) | Should -Be ($jobsB | Sort-Object)
    }
}

Describe 'A relative history path' {
    It "resolves SHORTAPI_HISTORY_PATH (and -HistoryPath) against PowerShell's location, not the process's folder" {
        $emulator = Start-ViduEmulator -ArgumentList '--job-seconds', '30'
        try {
            $processFolder = Join-Path $work 'relative-x'
            $location = Join-Path $work 'relative-y'
            $null = New-Item -ItemType Directory $processFolder, $location
            $picture = @(Copy-SampleImages $location 1)[0].FullName
            $script = @"
Import-Module '$ModulePath'
Set-Location '$location'
`$env:SHORTAPI_HISTORY_PATH = 'rel/h.jsonl'
'PROCESS ' + [Environment]::CurrentDirectory
'ENV-JOB ' + (New-ViduVideoJob -Image '$picture' -Prompt x).JobId
'PARAM-JOB ' + (New-ViduVideoJob -Image '$picture' -Prompt y -HistoryPath 'rel2/h.jsonl').JobId
"@
            $result = Invoke-ChildPwshWithin -Command $script -WorkingDirectory $processFolder -Environment @{ SHORTAPI_BASE_URL = $emulator.BaseUri; SHORTAPI_KEY = $emulator.ApiKey }
            $result.ExitCode | Should -Be 0 -Because $result.Error
            $lines = $result.Output -split "`r?`n"
            # The test only tells the two apart if the process really stayed in X while PowerShell moved to Y.
            ($lines -match '^PROCESS ') | Should -Be "PROCESS $processFolder"
            $envJob = ($lines -match '^ENV-JOB ') -replace '^ENV-JOB '
            $paramJob = ($lines -match '^PARAM-JOB ') -replace '^PARAM-JOB '

            Test-Path (Join-Path $processFolder 'rel') | Should -BeFalse
            Test-Path (Join-Path $processFolder 'rel2') | Should -BeFalse
            $fromEnv = Get-Content (Join-Path $location 'rel/h.jsonl') | ConvertFrom-Json | Where-Object event -EQ 'created'
            $fromEnv.jobId | Should -Be $envJob
            $fromParam = Get-Content (Join-Path $location 'rel2/h.jsonl') | ConvertFrom-Json | Where-Object event -EQ 'created'
            $fromParam.jobId | Should -Be $paramJob
        }
        finally { $emulator | Stop-ViduEmulator }
    }
}
