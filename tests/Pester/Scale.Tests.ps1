BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $emulator, $work, $api = New-EmulatorContext '--job-seconds', '2'
}

AfterAll {
    Remove-EmulatorContext $emulator $work
}

Describe 'A large batch' {
    It 'takes 200 pictures through New | Wait | Save to 200 correct files with no error' {
        $run = Invoke-SampleBatch -Count 200 -Api $api -Work $work -Throttle 8 -MaxQueryRate 200
        $run.Failures | Should -BeNullOrEmpty
        $run.Saved | Should -HaveCount 200
        ($run.Saved.BaseName | Sort-Object) | Should -Be ($run.Files.BaseName | Sort-Object)
        foreach ($file in $run.Saved) { Test-Mp4 $file.FullName | Should -BeTrue }
        $stats = Get-EmulatorStats $emulator
        $stats.createsAccepted | Should -Be 200
        $stats.downloadsServed | Should -Be 200
        ($run.Saved.JobId | Sort-Object) | Should -Be ($stats.acceptedJobIds | Sort-Object)
    }
}
