# Edge cases of paths: Save-ViduVideo -Path somewhere that cannot hold videos, and a FIFO among the pictures.
# Each case runs in a fresh child session, so $Error there holds exactly what the case raised.
BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $work = New-TestFolder
    $emulator = Start-ViduEmulator -ArgumentList '--job-seconds', '1'
    $environment = @{ SHORTAPI_BASE_URL = $emulator.BaseUri; SHORTAPI_KEY = $emulator.ApiKey; SHORTAPI_HISTORY_PATH = (Join-Path $work 'history.jsonl') }

    # Runs Save-ViduVideo -Path $Path for a well-formed job id in a child whose location is an empty folder, and
    # returns every error the session recorded, what the statement threw, and what the folder holds afterwards.
    function Invoke-SaveInto([string] $Path) {
        $location = Join-Path $work ([guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory $location
        $result = Join-Path $work ([guid]::NewGuid().ToString('N') + '.json')
        $script = @"
Import-Module '$ModulePath'
Set-Location '$location'
`$Error.Clear()
`$thrown = `$null
try { Save-ViduVideo -JobId 0123456789abcdef0123456789abcdef -Path '$Path' -PollInterval 0.2 -Timeout 5 } catch { `$thrown = `$_ }
`$errors = @(`$Error) | ForEach-Object { [pscustomobject]@{ Id = `$_.FullyQualifiedErrorId; Type = `$_.Exception.GetType().FullName; Message = `$_.Exception.Message; Target = [string]`$_.TargetObject } }
[pscustomobject]@{ Errors = @(`$errors); Thrown = if (`$thrown) { `$thrown.FullyQualifiedErrorId } } | ConvertTo-Json -Depth 4 | Set-Content '$result'
"@
        $child = Invoke-ChildPwshWithin -Command $script -Environment $environment
        if (-not (Test-Path $result)) { throw "The child wrote no result: $($child.Output) $($child.Error)" }
        $outcome = Get-Content -Raw $result | ConvertFrom-Json
        [pscustomobject]@{ Errors = @($outcome.Errors); Thrown = $outcome.Thrown; Left = @(Get-ChildItem -LiteralPath $location -Force -Recurse) }
    }
}

AfterAll {
    $emulator | Stop-ViduEmulator
    Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'Save-ViduVideo -Path that cannot hold videos' {
    It "'/proc/x' gives one clear ShortApi.PathNotWritable, and nothing else" {
        if (-not $IsLinux) { Set-ItResult -Skipped -Because '/proc exists only on Linux'; return }
        $before = (Get-EmulatorStats $emulator).queriesReceived
        $outcome = Invoke-SaveInto '/proc/x'
        $outcome.Errors | Should -HaveCount 1 -Because ($outcome.Errors | ConvertTo-Json)
        $outcome.Errors[0].Id | Should -BeLike 'ShortApi.PathNotWritable,*'
        $outcome.Errors[0].Type | Should -Not -Match 'FileNotFound|DirectoryNotFound'
        $outcome.Errors[0].Message | Should -Match "-Path '/proc/x'"
        $outcome.Errors[0].Target | Should -Be '/proc/x'
        $outcome.Thrown | Should -BeLike 'ShortApi.PathNotWritable,*'
        # Found out before any job was waited for.
        (Get-EmulatorStats $emulator).queriesReceived | Should -Be $before
    }

    It "'<Path>' gives ShortApi.PathNotFileSystem and creates nothing in the current location" -ForEach @(
        @{ Path = 'Env:\x'; Provider = 'Environment' }
        @{ Path = 'Function:\x'; Provider = 'Function' }
    ) {
        $outcome = Invoke-SaveInto $Path
        $outcome.Errors | Should -HaveCount 1 -Because ($outcome.Errors | ConvertTo-Json)
        $outcome.Errors[0].Id | Should -BeLike 'ShortApi.PathNotFileSystem,*'
        $outcome.Errors[0].Message | Should -Match $Provider
        $outcome.Errors[0].Target | Should -Be $Path
        $outcome.Left | Should -BeNullOrEmpty -Because 'no folder named after the path may appear on disk'
    }
}

Describe 'A FIFO among the pictures' {
    It 'is refused as ShortApi.ImageEmpty without being opened, and the picture after it is still sent' {
        if (-not $IsLinux) { Set-ItResult -Skipped -Because 'mkfifo makes a named pipe only on Linux here'; return }
        Invoke-EmulatorControl -Emulator $emulator -Name reset -Body @{} | Out-Null
        $folder = Join-Path $work 'fifo'
        $null = New-Item -ItemType Directory $folder
        $samples = @(Copy-SampleImages $folder 2)
        # a.png, x.png (the FIFO), z.png: the FIFO sits between two good pictures.
        Rename-Item $samples[0].FullName 'a.png'
        Rename-Item $samples[1].FullName 'z.png'
        $fifo = Join-Path $folder 'x.png'
        & mkfifo $fifo
        $LASTEXITCODE | Should -Be 0

        $result = Join-Path $work 'fifo.json'
        $script = @"
Import-Module '$ModulePath'
Set-Location '$folder'
`$jobs = @(Get-ChildItem *.png | Sort-Object Name | New-ViduVideoJob -Prompt x -ErrorVariable failed -ErrorAction SilentlyContinue)
[pscustomobject]@{
    Jobs = @(`$jobs | ForEach-Object Image)
    Errors = @(`$failed | ForEach-Object { [pscustomobject]@{ Id = `$_.FullyQualifiedErrorId; Target = [string]`$_.TargetObject; Message = `$_.Exception.Message } })
} | ConvertTo-Json -Depth 4 | Set-Content '$result'
"@
        # Opening a FIFO for reading blocks until a writer comes, which never happens: a hang is killed and fails.
        $child = Invoke-ChildPwshWithin -Command $script -Environment $environment -TimeoutSec 60
        $child.TimedOut | Should -BeFalse -Because 'reading the FIFO would block for ever'
        $child.ExitCode | Should -Be 0 -Because $child.Error
        $outcome = Get-Content -Raw $result | ConvertFrom-Json

        $outcome.Errors | Should -HaveCount 1 -Because ($outcome.Errors | ConvertTo-Json)
        $outcome.Errors[0].Id | Should -BeLike 'ShortApi.ImageEmpty,*'
        $outcome.Errors[0].Target | Should -Be $fifo
        $outcome.Errors[0].Message | Should -Match 'not a regular file'
        @($outcome.Jobs | ForEach-Object { Split-Path -Leaf $_ }) | Should -Be @('a.png', 'z.png')
        $stats = Get-EmulatorStats $emulator
        $stats.createsAccepted | Should -Be 2
        $stats.createsReceived | Should -Be 2
    }
}
