BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    # One create in five refused (429 or 503), one query in five failing (500/502/503/504).
    $emulator, $work, $api = New-EmulatorContext @('--job-seconds', '2', '--create-fault-rate', '0.2', '--query-fault-rate', '0.2', '--seed', '42', '--retry-after', '1') @{ RetryIntervalSec = 0.1 }
}

AfterAll {
    Remove-EmulatorContext $emulator $work
}

Describe 'A batch under faults' {
    It 'saves every one of 100 jobs, and the service saw exactly 100 accepted creates' {
        $run = Invoke-SampleBatch -Count 100 -Api $api -Work $work
        $run.Failures | Should -BeNullOrEmpty
        $run.Saved | Should -HaveCount 100
        foreach ($file in $run.Saved) { Test-Mp4 $file.FullName | Should -BeTrue }
        $stats = Get-EmulatorStats $emulator
        $stats.createsAccepted | Should -Be 100
        $stats.createsReceived | Should -BeGreaterThan 100 -Because 'refused creates were sent again'
        ($stats.acceptedJobIds | Sort-Object -Unique) | Should -HaveCount 100
        ($run.Saved.JobId | Sort-Object) | Should -Be ($stats.acceptedJobIds | Sort-Object)
    }
}
