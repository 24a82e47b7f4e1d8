BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $work = New-TestFolder
}

AfterAll {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'The package' {
    It 'installs with Install-PSResource into a fresh user module path, and the installed copy runs' {
        # PSResourceGet (Compress-PSResource, Install-PSResource) comes with PowerShell 7.4+, not Windows PowerShell, and
        # the fresh user home below is how PowerShell 7 finds the CurrentUser module path.
        if ($PSEdition -eq 'Desktop') { Set-ItResult -Skipped -Because 'packaging needs PowerShell 7''s PSResourceGet'; return }
        $feed = Join-Path $work 'feed'
        $package = & (Join-Path $RepoRoot 'tools/New-ModulePackage.ps1') -ModuleFolder $ModulePath -OutputFolder $feed 6>$null
        $package.Name | Should -Be 'ShortApi.Vidu.0.1.0.nupkg'

        # A user with an empty home: PSResourceGet's settings and the CurrentUser module path both live under it.
        # The folders must exist: .NET answers an empty path for a special folder that does not, and PSResourceGet
        # would then keep its settings relative to the current directory.
        $home2 = Join-Path $work 'home'
        $environment = @{ HOME = $home2; XDG_DATA_HOME = (Join-Path $home2 '.local/share'); XDG_CONFIG_HOME = (Join-Path $home2 '.config'); XDG_CACHE_HOME = (Join-Path $home2 '.cache') }
        foreach ($folder in $environment.Values) { $null = New-Item -ItemType Directory -Force $folder }
        $install = Invoke-ChildPwsh -Environment $environment -WorkingDirectory $home2 -Command @"
`$ErrorActionPreference = 'Stop'
Register-PSResourceRepository -Name ViduLocal -Uri '$feed' -Trusted
Install-PSResource -Name ShortApi.Vidu -Repository ViduLocal -Scope CurrentUser -TrustRepository -Quiet
"@
        $install.Error | Should -BeNullOrEmpty
        $install.ExitCode | Should -Be 0

        $use = Invoke-ChildPwsh -Environment $environment -WorkingDirectory $home2 -Command @"
`$ErrorActionPreference = 'Stop'
Import-Module ShortApi.Vidu
(Get-Module ShortApi.Vidu).ModuleBase
(Get-ViduPrice -Mode pro -Resolution 720p -Duration 5).Price
(Get-Help New-ViduVideoJob).Synopsis
"@
        $use.Error | Should -BeNullOrEmpty
        $lines = $use.Output.Trim() -split "`r?`n"
        $lines[0] | Should -BeLike "$home2*"
        $lines[1] | Should -Be '0.275'
        $lines[2] | Should -Not -Match 'CommonParameters' -Because 'the MAML help is installed with the module'
        Test-Path (Join-Path $home2 '.local/share/PSResourceGet') | Should -BeTrue -Because 'the repository was registered in the temporary home only'
    }
}
