# The history holds prompts and picture paths, the user's business: on Linux and macOS a new history file is made
# 0600 and a new folder 0700 whatever the umask, and an existing file keeps its mode with a note in -Verbose. Each case
# runs the staged module in a child pwsh started under umask 022, the usual default, which alone would give 0644/0755.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $emulator, $work, $null = New-EmulatorContext
    $picture = @(Copy-SampleImages $work 1)[0].FullName

    # One create into $History from a child pwsh under umask 022; returns its verbose lines and its errors.
    function Invoke-CreateUnderUmask022([string] $History) {
        $script = Join-Path $work ('child-' + [guid]::NewGuid().ToString('N').Substring(0, 8) + '.ps1')
        Set-Content -LiteralPath $script -Value @"
Import-Module '$ModulePath'
New-ViduVideoJob -BaseUri '$($emulator.BaseUri)' -ApiKey '$($emulator.ApiKey)' -HistoryPath '$History' -Image '$picture' -Prompt x -Verbose 4>&1 |
    Where-Object { `$_ -is [Management.Automation.VerboseRecord] } | ForEach-Object { 'VERBOSE: ' + `$_.Message }
`$Error | ForEach-Object { 'ERROR: ' + `$_ }
"@
        $pwsh = Get-PwshCommand
        $words = @($pwsh.FilePath) + @($pwsh.Prefix) + @('-NoProfile', '-NonInteractive', '-File', $script)
        $command = ($words | ForEach-Object { "'" + ($_ -replace "'", "'\''") + "'" }) -join ' '
        $lines = @(& /bin/sh -c "umask 022 && exec $command" 2>&1 | ForEach-Object { "$_" })
        @($lines | Where-Object { $_ -like 'ERROR: *' }) | Should -BeNullOrEmpty
        @($lines | Where-Object { $_ -like 'VERBOSE: *' })
    }

    function Get-Mode([string] $Path) { [Convert]::ToString([int][IO.File]::GetUnixFileMode($Path), 8) }
}

AfterAll { Remove-EmulatorContext $emulator $work }

Describe 'A private history' -Skip:([Environment]::OSVersion.Platform -eq 'Win32NT') {
    It 'creates a new history file 0600 and its new folders 0700 under umask 022' {
        $folder = Join-Path $work 'private'
        $history = Join-Path $folder 'deeper/history.jsonl'
        $verbose = Invoke-CreateUnderUmask022 $history
        (Get-EmulatorStats $emulator).createsAccepted | Should -Be 1
        Get-Mode $history | Should -Be '600'
        Get-Mode (Join-Path $folder 'deeper') | Should -Be '700'
        Get-Mode $folder | Should -Be '700'
        $verbose | Where-Object { $_ -like '*left as it is*' } | Should -BeNullOrEmpty
    }

    It 'leaves an existing 0644 history as it is, and says so in -Verbose' {
        $history = Join-Path $work 'shared.jsonl'
        $null = New-Item -ItemType File $history
        [IO.File]::SetUnixFileMode($history, 'UserRead, UserWrite, GroupRead, OtherRead')
        $verbose = Invoke-CreateUnderUmask022 $history
        Get-Mode $history | Should -Be '644'
        $note = @($verbose | Where-Object { $_ -like "*'$history'*0644*" })
        $note | Should -HaveCount 1
        $note[0] | Should -BeLike '*left as it is*chmod 600*'
    }
}
