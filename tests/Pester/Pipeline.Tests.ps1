BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $emulator, $work, $api = New-EmulatorContext '--job-seconds', '1.5'
}

AfterAll {
    Remove-EmulatorContext $emulator $work
}

Describe 'The folder pipeline against the emulator' {
    BeforeEach {
        Invoke-EmulatorControl -Emulator $emulator -Name reset -Body @{} | Out-Null
        $pictures = Join-Path $work ([guid]::NewGuid().ToString('N'))
        $videos = Join-Path $pictures 'videos'
        $null = New-Item -ItemType Directory $pictures
    }

    It 'turns every picture into a playable MP4 named after it' {
        $files = Copy-SampleImages $pictures 3
        $saved = $files | New-ViduVideoJob @api -Prompt 'slow dolly in' | Wait-ViduVideoJob @api -PollInterval 0.3 | Save-ViduVideo @api -Path $videos
        $saved | Should -HaveCount 3
        ($saved.Name | Sort-Object) | Should -Be (($files.BaseName | Sort-Object) | ForEach-Object { "$_.mp4" })
        foreach ($file in $saved) { Test-Mp4 $file.FullName | Should -BeTrue }
        $saved[0].JobId | Should -BeIn (Get-EmulatorStats $emulator).acceptedJobIds
    }

    It 'emits typed jobs whose properties bind to Get-ViduVideoJob by name' {
        $files = Copy-SampleImages $pictures 1
        $job = $files | New-ViduVideoJob @api -Prompt 'pan left' -Mode turbo -Duration 2
        $job.PSObject.TypeNames[0] | Should -Be 'ShortApi.Vidu.VideoJob'
        $job.Mode | Should -Be 'turbo'
        $job.Amount | Should -Be 0.05
        $null = Invoke-EmulatorControl -Emulator $emulator -Name finish-jobs -Body @{}
        $again = [pscustomobject]@{ JobId = $job.JobId } | Get-ViduVideoJob @api
        $again.Status | Should -Be 'Succeeded'
        $again.VideoUrl | Should -Match '^http://127\.0\.0\.1:\d+/files/'
    }

    It 'sends a request the emulator records exactly as the seed shows it' {
        $null = New-ViduVideoJob @api -Image 'https://file.shortapi.ai/assets/examples/vidu/vidu-q2/image-to-video-image.png' -Prompt 'Astronaut snowboarding' -CallbackUrl 'https://hooks.example.com/done'
        $requests = Invoke-EmulatorControl -Emulator $emulator -Name requests
        $recorded = @($requests | Where-Object method -EQ "POST")
        $recorded | Should -HaveCount 1 -Because ($requests | ConvertTo-Json -Depth 3)
        $recorded = $recorded[0]
        $body = $recorded.body | ConvertFrom-Json
        $body.PSObject.Properties.Name | Should -Be @('model', 'args', 'callback_url')
        $body.model | Should -Be 'vidu/vidu-q2/image-to-video'
        $body.args.PSObject.Properties.Name | Should -Be @('mode', 'prompt', 'image')
        $body.args.mode | Should -Be 'pro'
    }

    It 'refuses a bad picture without sending anything, and goes on with the rest' {
        $null = Copy-SampleImages $pictures 2
        Set-Content -Path (Join-Path $pictures 'notes.png') -Value 'not a picture'
        $jobs = Get-ChildItem $pictures -Filter *.png | New-ViduVideoJob @api -Prompt 'x' -ErrorVariable failures -ErrorAction SilentlyContinue
        $jobs | Should -HaveCount 2
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'ShortApi.ImageNotRecognized,*'
        (Get-EmulatorStats $emulator).createsReceived | Should -Be 2
    }

    It 'stops its downloads when a later command has had enough' {
        $files = Copy-SampleImages $pictures 3
        $done = $files | New-ViduVideoJob @api -Prompt 'x' | Wait-ViduVideoJob @api -PollInterval 0.3
        Invoke-EmulatorControl -Emulator $emulator -Name faults -Body @{ download = @('slow:0', 'slow:3000', 'slow:3000') } | Out-Null
        $first = $done | Save-ViduVideo @api -Path $videos -ThrottleLimit 1 | Select-Object -First 1
        # Every download has ended on the emulator's side (a slow one that was not cancelled would still be writing,
        # and would leave its file once it ends); only then is the folder looked at.
        $null = Wait-EmulatorCount $emulator @{ downloadsInFlightAtMost = 0 }
        # Nothing went on after the pipeline ended: no further video, no temporary file left behind.
        @(Get-ChildItem $videos -Force).Name | Should -Be @($first.Name)
    }
}
