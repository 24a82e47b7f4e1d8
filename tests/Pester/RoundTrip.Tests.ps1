BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $emulator, $work, $api = New-EmulatorContext '--job-seconds', '1'
    $pictures = Join-Path $work 'pictures'
    $null = New-Item -ItemType Directory $pictures
    $null = Copy-SampleImages $pictures 2
    # No history: the exported objects alone must carry what the collecting side needs.
    $api = @{ BaseUri = $emulator.BaseUri; ApiKey = $emulator.ApiKey; NoHistory = $true }
    $jobs = Get-ChildItem $pictures -Filter *.png | New-ViduVideoJob @api -Prompt 'slow dolly in' -Mode turbo -Duration 3
}

AfterAll {
    Remove-EmulatorContext $emulator $work
}

Describe 'A job read back from <Format>' -ForEach @(
    @{ Format = 'Export-Clixml'; Write = { param($j, $p) $j | Export-Clixml $p }; Read = { param($p) Import-Clixml $p } }
    @{ Format = 'Export-Csv'; Write = { param($j, $p) $j | Export-Csv $p }; Read = { param($p) Import-Csv $p } }
    @{ Format = 'ConvertTo-Json'; Write = { param($j, $p) $j | ConvertTo-Json -Depth 3 | Set-Content $p }; Read = { param($p) Get-Content -Raw $p | ConvertFrom-Json } }
) {
    BeforeAll {
        $file = Join-Path $work ([guid]::NewGuid().ToString('N'))
        & $Write $jobs $file
        $restored = @(& $Read $file)
    }

    It 'keeps the id, the source picture, the request and the charge' {
        $restored | Should -HaveCount 2
        ($restored.JobId | Sort-Object) | Should -Be ($jobs.JobId | Sort-Object)
        ($restored.Image | Sort-Object) | Should -Be ($jobs.Image | Sort-Object)
        $restored[0].Mode | Should -Be 'turbo'
        [decimal]$restored[0].Amount | Should -Be 0.1
    }

    It 'pipes into Get-ViduVideoJob' {
        $null = Invoke-EmulatorControl -Emulator $emulator -Name finish-jobs -Body @{}
        $refreshed = $restored | Get-ViduVideoJob @api
        $refreshed | Should -HaveCount 2
        $refreshed | ForEach-Object { $_ | Should -BeOfType ShortApi.Vidu.VideoJob }
        ($refreshed.Status | Sort-Object -Unique) | Should -Be 'Succeeded'
        ($refreshed.Image | Sort-Object) | Should -Be ($jobs.Image | Sort-Object)
    }

    It 'pipes into Wait-ViduVideoJob' {
        $done = $restored | Wait-ViduVideoJob @api -PollInterval 0.2 -Timeout 30
        ($done.JobId | Sort-Object) | Should -Be ($jobs.JobId | Sort-Object)
    }

    It 'pipes into Save-ViduVideo, which still names the files after the pictures' {
        $videos = Join-Path $work ('videos-' + $Format)
        $saved = $restored | Save-ViduVideo @api -Path $videos -PollInterval 0.2
        ($saved.Name | Sort-Object) | Should -Be (($jobs.Image | ForEach-Object { [IO.Path]::GetFileNameWithoutExtension($_) + '.mp4' }) | Sort-Object)
        foreach ($file in $saved) { Test-Mp4 $file.FullName | Should -BeTrue }
    }
}
