BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $work = New-TestFolder
}

AfterAll {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe "A new user's first command" {
    It 'builds only the module and the emulator, runs the demo, and prints no warning' {
        if ($PSEdition -eq 'Desktop') { Set-ItResult -Skipped -Because 'build.ps1 needs PowerShell 7'; return }
        # A fresh copy of what the repository tracks (no out/, bin/ or obj/ of this checkout), as a clone gives.
        if (-not (Get-Command git -CommandType Application -ErrorAction SilentlyContinue) -or -not (Test-Path (Join-Path $RepoRoot '.git'))) {
            Set-ItResult -Skipped -Because 'the copy is made of what git tracks, and this checkout has no git'; return
        }
        $clone = Join-Path $work 'clone'
        $tracked = @(git -C $RepoRoot ls-files)
        $tracked.Count | Should -BeGreaterThan 100 -Because 'git lists the repository''s files'
        foreach ($file in $tracked) {
            $target = Join-Path $clone $file
            $null = New-Item -ItemType Directory -Force (Split-Path $target)
            Copy-Item -LiteralPath (Join-Path $RepoRoot $file) -Destination $target
        }

        $run = Invoke-ChildPwshWithin -WorkingDirectory $clone -TimeoutSec 600 -Command './build.ps1 Demo; exit $LASTEXITCODE'
        $run.TimedOut | Should -BeFalse
        $run.ExitCode | Should -Be 0 -Because "$($run.Output)$($run.Error)"
        "$($run.Output)$($run.Error)" | Should -Not -Match 'warning' -Because 'a new user reads a warning as a fault'
        $run.Output | Should -Match 'Videos are in'
        # Only what the demo needs was built: no test project, no fixture.
        Test-Path (Join-Path $clone 'src/ShortApi.Vidu.Emulator/bin') | Should -BeTrue
        Test-Path (Join-Path $clone 'tests/ShortApi.Vidu.Tests/bin') | Should -BeFalse
        Test-Path (Join-Path $clone 'tests/MonoCheck/OtherModuleFirst/bin') | Should -BeFalse
    }
}
