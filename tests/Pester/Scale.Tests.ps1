BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $emulator, $work, $api = New-EmulatorContext '--job-seconds', '2'
}

AfterAll {
    Remove-EmulatorContext $emulator $work
}

Describe 'A large batch' {
    It 'takes 200 pictures through New | Wait | Save to 200 correct files with no error' {
        $pictures = Join-Path $work 'pictures'
        $null = New-Item -ItemType Directory $pictures
        $files = Copy-SampleImages $pictures 200
        $saved = $files |
            New-ViduVideoJob @api -Prompt 'slow dolly in' -ThrottleLimit 8 -ErrorVariable failures |
            Wait-ViduVideoJob @api -PollInterval 0.5 -MaxQueryRate 200 -ErrorVariable +failures |
            Save-ViduVideo @api -Path (Join-Path $work 'videos') -ThrottleLimit 8 -ErrorVariable +failures

        $failures | Should -BeNullOrEmpty
        $saved | Should -HaveCount 200
        ($saved.BaseName | Sort-Object) | Should -Be ($files.BaseName | Sort-Object)
        foreach ($file in $saved) { Test-Mp4 $file.FullName | Should -BeTrue }
        $stats = Get-EmulatorStats $emulator
        $stats.createsAccepted | Should -Be 200
        $stats.downloadsServed | Should -Be 200
        ($saved.JobId | Sort-Object) | Should -Be ($stats.acceptedJobIds | Sort-Object)
    }
}
