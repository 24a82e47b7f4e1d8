# How to test your own scripts that use ShortApi.Vidu (README: "Testing your own scripts").
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $RepoRoot 'samples/Invoke-NightlyBatch.ps1')
    $work = New-TestFolder
    $pictures = Join-Path $work 'pictures'
    $null = New-Item -ItemType Directory $pictures
    $null = Copy-SampleImages $pictures 3
}

AfterAll {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Invoke-NightlyBatch with the cmdlets mocked' {
    BeforeAll {
        # The mocks take the cmdlets' own parameters, and their bodies run once per pipeline item.
        # Get-ChildItem output binds to -LiteralPath (by its PSPath); typed paths and CSV rows bind to -Image.
        Mock New-ViduVideoJob { $picture = @($LiteralPath) + @($Image) | Where-Object { $_ } | Select-Object -First 1
            [pscustomobject]@{ PSTypeName = 'ShortApi.Vidu.VideoJob'; JobId = 'job-' + [IO.Path]::GetFileNameWithoutExtension($picture); Image = $picture } }
        # Piped jobs bind to -InputObject.
        Mock Wait-ViduVideoJob { [pscustomobject]@{ PSTypeName = 'ShortApi.Vidu.VideoJob'; JobId = $InputObject.JobId; Status = 'Succeeded' } }
        Mock Save-ViduVideo { [IO.FileInfo]::new((Join-Path $Path ($InputObject.JobId + '.mp4'))) }
    }

    It 'submits every picture once, within the budget, and saves what finished' {
        $saved = Invoke-NightlyBatch -Pictures $pictures -Videos (Join-Path $work 'videos') -Budget 2.5
        $saved.Name | Sort-Object | Should -Be @('job-lighthouse.mp4', 'job-meadow.mp4', 'job-sunset.mp4')
        Should -Invoke New-ViduVideoJob -Times 3 -Exactly -ParameterFilter { $MaxCost -eq 2.5 -and $Mode -eq 'turbo' -and $Duration -eq 4 }
        Should -Invoke Wait-ViduVideoJob -Times 3 -Exactly -ParameterFilter { $Timeout -eq 3600 }
    }
}

Describe 'Invoke-NightlyBatch against the emulator' {
    BeforeAll {
        # The emulator is a real HTTP server on loopback; point the module at it with two environment variables.
        $emulator = Start-ViduEmulator -ArgumentList '--job-seconds', '1'
        $env:SHORTAPI_BASE_URL = $emulator.BaseUri
        $env:SHORTAPI_KEY = $emulator.ApiKey
        $env:SHORTAPI_NO_HISTORY = '1'
        $PSDefaultParameterValues['Wait-ViduVideoJob:PollInterval'] = 0.2
        $PSDefaultParameterValues['Save-ViduVideo:PollInterval'] = 0.2
    }
    AfterAll {
        $emulator | Stop-ViduEmulator
        Remove-Item Env:SHORTAPI_BASE_URL, Env:SHORTAPI_KEY, Env:SHORTAPI_NO_HISTORY
        $PSDefaultParameterValues.Remove('Wait-ViduVideoJob:PollInterval')
        $PSDefaultParameterValues.Remove('Save-ViduVideo:PollInterval')
    }

    It 'produces a video per picture and spends what the price table says' {
        $saved = Invoke-NightlyBatch -Pictures $pictures -Videos (Join-Path $work 'emulated') -Budget 1
        $saved | Should -HaveCount 3
        (Get-EmulatorStats $emulator).createsAccepted | Should -Be 3
        $perVideo = (Get-ViduPrice -Mode turbo -Resolution 720p -Duration 4).Price
        $perVideo * 3 | Should -BeLessOrEqual 1
    }

    It 'stops at the budget' {
        # Pester makes errors terminating inside It; a batch reports refusals and goes on, so let it.
        $all = Invoke-NightlyBatch -Pictures $pictures -Videos (Join-Path $work 'capped') -Budget 0.2 -ErrorAction Continue 2>&1
        @($all | Where-Object { $_ -is [IO.FileInfo] }) | Should -HaveCount 1
        $refused = @($all | Where-Object { $_ -is [Management.Automation.ErrorRecord] })
        $refused | Should -HaveCount 2
        $refused.FullyQualifiedErrorId | ForEach-Object { $_ | Should -BeLike 'ShortApi.BudgetExceeded,*' }
    }
}
