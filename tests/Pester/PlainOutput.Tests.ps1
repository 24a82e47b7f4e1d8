# Redirected output, and output under NO_COLOR, is plain text: no ANSI escape codes from build.ps1, the scripts it
# runs, Pester, or the child PowerShells they start. (Colours on an interactive terminal cannot be checked here: a
# terminal cannot be faked reliably. A child's output is always captured, so every child below is "redirected".)
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $work = New-TestFolder
    $esc = [char]27
    $pesterPath = Join-Path (Get-Module Pester).ModuleBase 'Pester.psd1'

    # One passing and one failing test: Pester colours both, and the failure's error view too.
    $tiny = Join-Path $work 'Tiny.Tests.ps1'
    Set-Content -LiteralPath $tiny -Value @'
Describe 'Tiny' {
    It 'passes' { 1 | Should -Be 1 }
    It 'fails' { Get-Item -LiteralPath '/no/such/vidu/file' -ErrorAction Stop }
}
'@

    # What a child printed, with any escape code made visible for the failure message.
    function Show([string] $Text) { $Text -replace $esc, '<ESC>' }
}

AfterAll {
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'When output is plain text' {
    It 'is plain when <Case>' -ForEach @(
        @{ Case = 'standard output is redirected'; Redirected = $true; NoColor = $null; Rendering = 'Host'; Plain = $true }
        @{ Case = 'NO_COLOR is set'; Redirected = $false; NoColor = '1'; Rendering = 'Host'; Plain = $true }
        @{ Case = 'NO_COLOR is set to anything, even empty'; Redirected = $false; NoColor = ''; Rendering = 'Ansi'; Plain = $true }
        @{ Case = '$PSStyle.OutputRendering is PlainText'; Redirected = $false; NoColor = $null; Rendering = 'PlainText'; Plain = $true }
        @{ Case = 'none of those (a terminal): colours stay'; Redirected = $false; NoColor = $null; Rendering = 'Host'; Plain = $false }
    ) {
        Test-ViduPlainOutput -OutputRedirected $Redirected -NoColor $NoColor -OutputRendering $Rendering | Should -Be $Plain
    }

    It 'hands plain text to the processes started after it; Exit-ViduPlainOutput takes NO_COLOR back and keeps PlainText' {
        # Redirected, with colours forced on and no NO_COLOR: Enter makes it plain and passes NO_COLOR on to the
        # processes it starts (a pwsh in Host mode would colour its table and error view even into a pipe). Exit removes
        # NO_COLOR again but, the output being redirected, keeps PlainText for the error that may end the script.
        $result = Invoke-ChildPwsh -Environment @{ NO_COLOR = $null } -Command @"
Import-Module '$RepoRoot/tools/ViduDev.psm1'
`$PSStyle.OutputRendering = 'Ansi'
`$style = Enter-ViduPlainOutput
"plain=`$(`$style.Plain) rendering=`$(`$PSStyle.OutputRendering) NO_COLOR=`$env:NO_COLOR"
& ([Environment]::ProcessPath) @((Get-PwshCommand).Prefix) -NoProfile -Command 'Get-Item `$PSHOME | Format-Table; Write-Error grandchild'
Exit-ViduPlainOutput `$style
"after: rendering=`$(`$PSStyle.OutputRendering) NO_COLOR set=`$(`$null -ne `$env:NO_COLOR)"
throw 'the end'
"@
        $result.Output | Should -Match 'plain=True rendering=PlainText NO_COLOR=1'
        $result.Output | Should -Match 'after: rendering=PlainText NO_COLOR set=False'
        "$($result.Output)$($result.Error)" | Should -Not -Match $esc -Because (Show "$($result.Output)$($result.Error)")
        $result.Error | Should -Match 'grandchild' -Because "the grandchild's error view is what must be plain"
        $result.Error | Should -Match 'the end' -Because 'the error shown after Exit-ViduPlainOutput must be plain too'
    }

    It 'on a terminal, Exit-ViduPlainOutput puts $PSStyle back as it was' {
        # As a script run from an interactive session would find it: Enter chose plain text (NO_COLOR set after start-up).
        $result = Invoke-ChildPwsh -Environment @{ NO_COLOR = $null } -Command @"
Import-Module '$RepoRoot/tools/ViduDev.psm1'
`$PSStyle.OutputRendering = 'Ansi'
`$env:NO_COLOR = 'x'
Exit-ViduPlainOutput ([pscustomobject]@{ Plain = `$true; Redirected = `$false; OutputRendering = 'Ansi'; NoColor = 'x' })
"rendering=`$(`$PSStyle.OutputRendering) NO_COLOR=`$env:NO_COLOR"
"@
        $result.Output | Should -Match 'rendering=Ansi NO_COLOR=x'
    }
}

Describe 'Redirected output' {
    It 'can show escape codes at all: a child that asks for ANSI gets them into its captured output' {
        # Without this, every "no ESC" below could pass because the capture itself dropped them.
        $result = Invoke-ChildPwsh -Environment @{ NO_COLOR = $null } -Command "`$PSStyle.OutputRendering = 'Ansi'; Get-Item `$PSHOME | Format-Table"
        $result.Output | Should -Match $esc
    }

    It 'from Pester on its own carries colours (which is why the runner sets Output.RenderMode)' {
        $result = Invoke-ChildPwsh -Environment @{ NO_COLOR = $null } -Command "Import-Module '$pesterPath'; `$c = New-PesterConfiguration; `$c.Run.Path = '$tiny'; Invoke-Pester -Configuration `$c"
        $result.Output | Should -Match $esc
    }

    It 'from build.ps1 <Task> has no escape codes, <Case>' -ForEach @(
        @{ Task = 'Package'; Case = 'NO_COLOR unset'; Environment = @{ NO_COLOR = $null } }
        @{ Task = 'Package'; Case = 'NO_COLOR=1'; Environment = @{ NO_COLOR = '1' } }
    ) {
        # Package prints a file table, whose headers PowerShell colours by default even when redirected.
        $result = Invoke-ChildPwshWithin -TimeoutSec 120 -Environment $Environment -Command "& '$RepoRoot/build.ps1' $Task -NoBuild"
        $result.TimedOut | Should -BeFalse
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Output | Should -Match 'ShortApi\.Vidu\.0\.1\.0\.nupkg'
        $result.Output | Should -Match 'LastWriteTime' -Because 'the table, the part that would be coloured, is printed'
        $result.Output | Should -Not -Match $esc -Because (Show $result.Output)
        $result.Error | Should -Not -Match $esc -Because (Show $result.Error)
    }

    It 'from the Pester runner build.ps1 Test uses has no escape codes, <Case>' -ForEach @(
        @{ Case = 'NO_COLOR unset'; Environment = @{ NO_COLOR = $null } }
        @{ Case = 'NO_COLOR=1'; Environment = @{ NO_COLOR = '1' } }
    ) {
        $summary = Join-Path $work "summary-$([guid]::NewGuid().ToString('N')).json"
        $runner = Get-PesterSuiteCommand -Path $tiny -SummaryPath $summary
        $result = Invoke-ChildPwshWithin -TimeoutSec 120 -Environment $Environment -Command $runner
        $result.TimedOut | Should -BeFalse
        $result.Output | Should -Match '\[\+\] passes'
        $result.Output | Should -Match '\[-\] fails'
        $result.Output | Should -Match 'no/such/vidu/file' -Because "the failure's error view is printed"
        $result.Output | Should -Not -Match $esc -Because (Show $result.Output)
        $result.Error | Should -Not -Match $esc -Because (Show $result.Error)
        $counts = Get-Content -Raw $summary | ConvertFrom-Json
        $counts.Passed | Should -Be 1
        $counts.Failed | Should -Be 1
    }
}
