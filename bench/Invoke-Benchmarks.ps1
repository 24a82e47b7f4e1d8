<#
.SYNOPSIS
    Measures the module against the plain script a user would write from the API's own example.
.DESCRIPTION
    Run through ./build.ps1 Bench. Every scenario runs in a fresh child PowerShell against a fresh emulator on
    loopback; the tables are printed and written to out/bench/results.md.
      Pipeline  40 pictures, 1 s per create, 10 s per job: module (default throttle) vs plain script, with the floor.
      Large     1,000 jobs: the peak query rate the emulator saw against the cap.
      Memory    peak memory raise while submitting one 15 MB picture: module vs plain script.
      Soak      500 jobs with 20 % of creates refused and 20 % of queries failing: every job saved, no duplicate.
      History   listing the last batch and starting Save-ViduVideo with a 100,000-job history vs a fresh one.
      Startup   what Import-Module and a first Get-ViduPrice add to 'pwsh -NoProfile', beside the floor any binary
                module with a manifest and a format file costs (median of 9 interleaved runs).
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $ModulePath,
    [Parameter(Mandatory)] [string] $OutputFolder,
    [int] $LargeJobs = 1000,
    [ValidateSet('Pipeline', 'Large', 'Memory', 'Soak', 'History', 'Startup')] [string[]] $Only
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest
Import-Module (Join-Path $PSScriptRoot '../tools/ViduDev.psm1') -Force
# Plain text when the output is redirected or NO_COLOR is set; every scenario's child pwsh gets NO_COLOR=1 anyway.
$outputStyle = Enter-ViduPlainOutput
Import-Module (Join-Path $PSScriptRoot 'BenchScenarios.psm1') -Force

if (Test-Path $OutputFolder) { Remove-Item $OutputFolder -Recurse -Force }
$null = New-Item -ItemType Directory $OutputFolder
$report = [Text.StringBuilder]::new()
function Add-Report([string] $Text) { $null = $report.AppendLine($Text); Write-Host $Text }
function Should-Run([string] $Name) { -not $Only -or $Only -contains $Name }

function Invoke-Scenario([string] $Script, $Emulator) {
    $environment = @{ SHORTAPI_BASE_URL = $Emulator.BaseUri; SHORTAPI_KEY = $Emulator.ApiKey; SHORTAPI_NO_HISTORY = '1' }
    $result = Invoke-ChildPwsh -Command $Script -Environment $environment
    if ($result.ExitCode -ne 0) { throw "Scenario failed (exit $($result.ExitCode)): $($result.Error)`n$($result.Output)" }
    ($result.Output.Trim() -split "`n")[-1] | ConvertFrom-Json
}

function New-Pictures([string] $Folder, [int] $Count) {
    $null = New-Item -ItemType Directory -Force $Folder
    $sample = Get-ChildItem (Join-Path $PSScriptRoot '../samples/images') -Filter *.png | Select-Object -First 1
    $bytes = [IO.File]::ReadAllBytes($sample.FullName)
    for ($i = 0; $i -lt $Count; $i++) { [IO.File]::WriteAllBytes((Join-Path $Folder ('picture-{0:0000}.png' -f $i)), $bytes) }
    $Folder
}

function MB([double] $Bytes) { '{0:0.0} MB' -f ($Bytes / 1MB) }

# A structurally complete PNG of exactly $Size bytes: signature, a 1600×900 header, the image data in 8 KB chunks as
# libpng writes it (random filler, the same block repeated, so only two CRCs are computed here), the end chunk. The
# module checks the structure and every chunk's CRC; nothing decodes the filler.
function New-BigPng([string] $Path, [int] $Size) {
    $crcTable = foreach ($n in 0..255) { $c = [uint32]$n; foreach ($k in 1..8) { $c = if ($c -band 1) { 0xEDB88320 -bxor ($c -shr 1) } else { $c -shr 1 } }; $c }
    $be = { param([uint32] $v) $x = [BitConverter]::GetBytes($v); [Array]::Reverse($x); $x }
    $chunk = {
        param([string] $Type, [byte[]] $Data)
        $typeAndData = [Text.Encoding]::ASCII.GetBytes($Type) + $Data
        $crc = [uint32]::MaxValue
        foreach ($b in $typeAndData) { $crc = $crcTable[($crc -bxor $b) -band 0xFF] -bxor ($crc -shr 8) }
        [byte[]]((& $be $Data.Length) + $typeAndData + (& $be ($crc -bxor [uint32]::MaxValue)))
    }
    $block = [byte[]]::new(8192)
    [Random]::new(1).NextBytes($block)
    $full = & $chunk 'IDAT' $block
    $header = & $chunk 'IHDR' ([byte[]](0, 0, 6, 0x40, 0, 0, 3, 0x84, 8, 2, 0, 0, 0))
    $end = & $chunk 'IEND' ([byte[]]::new(0))
    $room = $Size - 8 - $header.Length - $end.Length
    $count = [Math]::Max(0, [Math]::Floor(($room - 12) / $full.Length) - 1)
    $last = & $chunk 'IDAT' ([byte[]]::new($room - $count * $full.Length - 12))
    $stream = [IO.File]::Create($Path)
    try {
        foreach ($part in @([byte[]](0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A), $header)) { $stream.Write($part, 0, $part.Length) }
        for ($i = 0; $i -lt $count; $i++) { $stream.Write($full, 0, $full.Length) }
        foreach ($part in @($last, $end)) { $stream.Write($part, 0, $part.Length) }
    }
    finally { $stream.Dispose() }
}

# A history of $Jobs finished, saved jobs in batches of 100, in the module's own line format.
function New-BenchHistory([string] $Path, [int] $Jobs, [string] $Endpoint) {
    $writer = [IO.StreamWriter]::new($Path, $false, [Text.UTF8Encoding]::new($false))
    try {
        $time = [DateTimeOffset]::Now.AddDays(-400)
        for ($i = 0; $i -lt $Jobs; $i++) {
            if ($i % 100 -eq 0) {
                $batch = [guid]::NewGuid().ToString('N')
                $writer.WriteLine('{"v":2,"event":"batch","time":"' + $time.ToString('o') + '","batchId":"' + $batch + '","endpoint":"' + $Endpoint + '","user":"' + [Environment]::UserName + '","machine":"' + [Environment]::MachineName + '","session":"' + $batch + '"}')
            }
            $time = $time.AddMinutes(5)
            $t = $time.ToString('o'); $send = [guid]::NewGuid().ToString('N'); $job = [guid]::NewGuid().ToString('N'); $image = "/home/user/pictures/picture-$i.png"
            $writer.WriteLine('{"v":2,"event":"sending","time":"' + $t + '","sendId":"' + $send + '","batchId":"' + $batch + '","endpoint":"' + $Endpoint + '","image":"' + $image + '","prompt":"slow dolly in, soft light","mode":"pro","resolution":"720p","duration":5,"estimate":0.275}')
            $writer.WriteLine('{"v":2,"event":"created","time":"' + $t + '","jobId":"' + $job + '","sendId":"' + $send + '","endpoint":"' + $Endpoint + '","batchId":"' + $batch + '","createdAt":"' + $t + '","image":"' + $image + '","prompt":"slow dolly in, soft light","mode":"pro","resolution":"720p","duration":5,"estimate":0.275,"amount":0.275,"status":"Queued"}')
            $writer.WriteLine('{"v":2,"event":"status","time":"' + $t + '","jobId":"' + $job + '","status":"Succeeded","statusCode":2,"videoUrls":["https://cdn.example.com/files/' + $job + '.mp4"]}')
            $writer.WriteLine('{"v":2,"event":"saved","time":"' + $t + '","jobId":"' + $job + '","savedPath":"/home/user/videos/picture-' + $i + '.mp4","length":15109,"sha256":"00"}')
        }
    }
    finally { $writer.Dispose() }
}

Add-Report "# Benchmarks ($(Get-Date -Format 'yyyy-MM-dd HH:mm'), $([Environment]::ProcessorCount) cores, PowerShell $($PSVersionTable.PSVersion))"
Add-Report ''

if (Should-Run 'Pipeline') {
    # Time runs 5× faster than for real jobs (minutes long, polled every 5 s by default): polls every 1 s,
    # so the query cap is 5× its default of 10/s too, keeping the load on the service what it would really be.
    $jobs = 40; $createDelay = 1; $jobSeconds = 10; $throttle = 4; $poll = 1; $cap = 50
    $pictures = New-Pictures (Join-Path $OutputFolder 'pipeline/pictures') $jobs
    $emulator = Start-ViduEmulator -ArgumentList '--create-delay-ms', ($createDelay * 1000), '--job-seconds', $jobSeconds
    try {
        # One download on its own, for the floor (a job's length is fixed when it is created, so shorten it first).
        Invoke-EmulatorControl -Emulator $emulator -Name options -Body @{ jobSeconds = 0.01; createDelayMs = 0 } | Out-Null
        $probe = Invoke-RestMethod -Method Post -Uri "$($emulator.BaseUri.TrimEnd('/'))/api/v1/job/create" -Headers @{ Authorization = "Bearer $($emulator.ApiKey)" } -ContentType 'application/json' `
            -Body '{"model":"vidu/vidu-q2/image-to-video","args":{"prompt":"x","image":"https://example.com/a.png"}}'
        Start-Sleep -Milliseconds 200
        $answer = Invoke-RestMethod -Uri "$($emulator.BaseUri.TrimEnd('/'))/api/v1/job/query?id=$($probe.data.job_id)" -Headers @{ Authorization = "Bearer $($emulator.ApiKey)" }
        $download = Measure-Command { Invoke-WebRequest -Uri $answer.data.result.images[0].url -OutFile (Join-Path $OutputFolder 'probe.mp4') }
        Invoke-EmulatorControl -Emulator $emulator -Name options -Body @{ jobSeconds = $jobSeconds; createDelayMs = $createDelay * 1000 } | Out-Null
        # The first create of a run goes alone (so a consumer that wants one job pays for one); the rest go $throttle at a time.
        $floor = (1 + [math]::Ceiling(($jobs - 1) / $throttle)) * $createDelay + $jobSeconds + $download.TotalSeconds

        Invoke-EmulatorControl -Emulator $emulator -Name reset -Body @{} | Out-Null
        $module = Invoke-Scenario (Get-ModulePipelineScript $ModulePath $pictures (Join-Path $OutputFolder 'pipeline/module-videos') $poll $cap) $emulator
        $moduleStats = Invoke-EmulatorControl -Emulator $emulator -Name stats
        Invoke-EmulatorControl -Emulator $emulator -Name reset -Body @{} | Out-Null
        $plain = Invoke-Scenario (Get-PlainScript $pictures (Join-Path $OutputFolder 'pipeline/plain-videos') $poll) $emulator
        $plainStats = Invoke-EmulatorControl -Emulator $emulator -Name stats
    }
    finally { $emulator | Stop-ViduEmulator }

    $lateness = @($module.JobAgesAtDetection | ForEach-Object { $_ - $jobSeconds })
    Add-Report "## Pipeline: $jobs pictures, $createDelay s per create, $jobSeconds s per job, poll every $poll s (-MaxQueryRate $cap)"
    Add-Report ''
    Add-Report '| | wall time | × floor | videos | queries per job | peak memory |'
    Add-Report '| --- | ---: | ---: | ---: | ---: | ---: |'
    Add-Report ('| floor: 1 create alone, then {0} over throttle {1}, one job, one download | {2:0.0} s | 1.00 | | | |' -f ($jobs - 1), $throttle, $floor)
    Add-Report ('| module: New \| Wait \| Save (throttle {0}) | {1:0.0} s | {2:0.00} | {3} | {4:0.0} | {5} |' -f $throttle, $module.Seconds, ($module.Seconds / $floor), $module.Files, ($moduleStats.queriesReceived / $jobs), (MB $module.PeakBytes))
    Add-Report ('| plain script from the seed example | {0:0.0} s | {1:0.00} | {2} | {3:0.0} | {4} |' -f $plain.Seconds, ($plain.Seconds / $floor), $plain.Files, ($plainStats.queriesReceived / $jobs), (MB $plain.PeakBytes))
    Add-Report ''
    Add-Report ('Module vs plain script: {0:0.0}× faster. Each job was emitted by Wait-ViduVideoJob at most {1:0.00} s after it finished (median {2:0.00} s; poll interval {3} s).' -f `
        ($plain.Seconds / $module.Seconds), ($lateness | Measure-Object -Maximum).Maximum, (($lateness | Sort-Object)[[int][math]::Floor($lateness.Count / 2)]), $poll)
    Add-Report ''
}

if (Should-Run 'Large') {
    $jobSeconds = 10; $cap = 50; $poll = 2
    $pictures = New-Pictures (Join-Path $OutputFolder 'large/pictures') $LargeJobs
    $emulator = Start-ViduEmulator -ArgumentList '--job-seconds', $jobSeconds
    try {
        $large = Invoke-Scenario (Get-LargeBatchScript $ModulePath $pictures $poll $cap) $emulator
        $stats = Invoke-EmulatorControl -Emulator $emulator -Name stats
    }
    finally { $emulator | Stop-ViduEmulator }
    Add-Report "## Large batch: $LargeJobs jobs, $jobSeconds s per job, poll every $poll s, -MaxQueryRate $cap"
    Add-Report ''
    Add-Report '| jobs done | wall time | queries | queries per job | peak queries in any 1 s (emulator) | cap | peak memory |'
    Add-Report '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
    Add-Report ('| {0} | {1:0.0} s | {2} | {3:0.00} | {4} | {5} | {6} |' -f $large.Done, $large.Seconds, $stats.queriesReceived, ($stats.queriesReceived / $LargeJobs), $stats.peakQueriesPerSecond, $cap, (MB $large.PeakBytes))
    Add-Report ''
}

if (Should-Run 'Memory') {
    $folder = Join-Path $OutputFolder 'memory'
    $null = New-Item -ItemType Directory $folder
    $big = Join-Path $folder 'big.png'
    $size = 15000000
    New-BigPng -Path $big -Size $size
    $small = (Get-ChildItem (Join-Path $PSScriptRoot '../samples/images') -Filter *.png | Select-Object -First 1).FullName
    $emulator = Start-ViduEmulator
    try {
        $moduleMemory = Invoke-Scenario (Get-MemoryScript $ModulePath $big $small Module) $emulator
        $plainMemory = Invoke-Scenario (Get-MemoryScript $ModulePath $big $small Plain) $emulator
        $stats = Invoke-EmulatorControl -Emulator $emulator -Name stats
    }
    finally { $emulator | Stop-ViduEmulator }
    Add-Report ("## Memory: submitting one 15 MB picture ({0:N0} bytes; peak resident memory of the PowerShell process)" -f $size)
    Add-Report ''
    Add-Report '| | peak raise | × file size |'
    Add-Report '| --- | ---: | ---: |'
    Add-Report ('| module: New-ViduVideoJob (streams the file as base64) | {0} | {1:0.00} |' -f (MB $moduleMemory.RaiseBytes), ($moduleMemory.RaiseBytes / $size))
    Add-Report ('| plain script: ReadAllBytes + ToBase64String + ConvertTo-Json | {0} | {1:0.00} |' -f (MB $plainMemory.RaiseBytes), ($plainMemory.RaiseBytes / $size))
    Add-Report ''
    Add-Report "The emulator accepted $($stats.createsAccepted) creates (warm-ups included)."
    Add-Report ''
}

if (Should-Run 'Soak') {
    $soakJobs = 500
    $pictures = New-Pictures (Join-Path $OutputFolder 'soak/pictures') $soakJobs
    $emulator = Start-ViduEmulator -ArgumentList '--job-seconds', '5', '--create-fault-rate', '0.2', '--query-fault-rate', '0.2', '--seed', '7'
    try {
        $soak = Invoke-Scenario (Get-SoakScript $ModulePath $pictures (Join-Path $OutputFolder 'soak/videos')) $emulator
        $stats = Invoke-EmulatorControl -Emulator $emulator -Name stats
    }
    finally { $emulator | Stop-ViduEmulator }
    Add-Report "## Soak: $soakJobs jobs, 20 % of creates refused (429/503), 20 % of queries failing (5xx)"
    Add-Report ''
    Add-Report '| saved | errors | creates sent | creates accepted | distinct accepted ids | queries | wall time |'
    Add-Report '| ---: | ---: | ---: | ---: | ---: | ---: | ---: |'
    Add-Report ('| {0} | {1} | {2} | {3} | {4} | {5} | {6:0.0} s |' -f $soak.Saved, $soak.Errors, $stats.createsReceived, $stats.createsAccepted, @($stats.acceptedJobIds | Sort-Object -Unique).Count, $stats.queriesReceived, $soak.Seconds)
    Add-Report ''
}

if (Should-Run 'History') {
    $historyJobs = 100000
    $folder = Join-Path $OutputFolder 'history'
    $null = New-Item -ItemType Directory $folder
    $bigHistory = Join-Path $folder 'big.jsonl'
    $smallHistory = Join-Path $folder 'small.jsonl'
    New-BenchHistory -Path $bigHistory -Jobs $historyJobs -Endpoint 'http://127.0.0.1:9/'
    New-BenchHistory -Path $smallHistory -Jobs 3 -Endpoint 'http://127.0.0.1:9/'
    $measure = {
        param([string] $Command, [string] $History)
        # {id}: a job of that history's last batch, what a resume pipes into Save-ViduVideo.
        $Command = $Command.Replace('{id}', (Get-Content $History -Tail 1 | ConvertFrom-Json).jobId)
        $times = foreach ($i in 1..5) { (Invoke-Scenario (Get-HistoryScript $ModulePath $Command $History) @{ BaseUri = 'http://127.0.0.1:9/'; ApiKey = 'k' }).Milliseconds }
        ($times | Sort-Object)[2]
    }
    $list = "Get-ViduVideoJob -LastBatch -NoRefresh -BaseUri http://127.0.0.1:9/"
    $save = "Save-ViduVideo -JobId {id} -Path ./v -WhatIf -BaseUri http://127.0.0.1:9/ -ApiKey k"
    $rows = foreach ($case in @(@{ Name = 'Get-ViduVideoJob -LastBatch'; Command = $list }, @{ Name = 'Save-ViduVideo of a recent job (start, -WhatIf)'; Command = $save })) {
        $small = & $measure $case.Command $smallHistory
        $bigTime = & $measure $case.Command $bigHistory
        [pscustomobject]@{ Name = $case.Name; Small = $small; Big = $bigTime }
    }
    Add-Report ("## History: a {0:N0}-job history ({1}) against a fresh one, median of 5, in a warm pwsh" -f $historyJobs, (MB (Get-Item $bigHistory).Length))
    Add-Report ''
    Add-Report '| command | fresh history | 100,000 jobs | added |'
    Add-Report '| --- | ---: | ---: | ---: |'
    foreach ($row in $rows) { Add-Report ('| {0} | {1:0} ms | {2:0} ms | {3:0} ms |' -f $row.Name, $row.Small, $row.Big, ($row.Big - $row.Small)) }
    Add-Report ''
}

if (Should-Run 'Startup') {
    # The floor: the smallest binary module shaped like this one (a manifest, one cmdlet, one format view). What it
    # costs is PowerShell's own price for importing any such module; what ShortApi.Vidu adds on top is ours.
    $floor = Join-Path $OutputFolder 'floor/StartupFloor'
    & dotnet build (Join-Path $PSScriptRoot 'StartupFloor/StartupFloor.csproj') -c Release -o $floor --nologo -v quiet
    if ($LASTEXITCODE -ne 0) { throw 'Building the start-up floor module failed.' }
    Copy-Item (Join-Path $PSScriptRoot 'StartupFloor/StartupFloor.psd1'), (Join-Path $PSScriptRoot 'StartupFloor/StartupFloor.format.ps1xml') $floor

    $runs = 9
    $cases = [ordered]@{
        bare   = Get-StartupScript
        floor  = Get-StartupScript -ModulePath $floor -FirstCommand 'Get-StartupFloor'
        import = Get-StartupScript -ModulePath $ModulePath
        first  = Get-StartupScript -ModulePath $ModulePath -FirstCommand 'Get-ViduPrice'
    }
    # Interleaved rounds, so a busy moment of the machine touches every case alike. Each child reports the time its
    # import and first command took inside the session (a stopwatch around them), and the whole process is timed too.
    $process = @{}; $inside = @{}
    foreach ($name in $cases.Keys) { $process[$name] = [Collections.Generic.List[double]]::new(); $inside[$name] = [Collections.Generic.List[double]]::new() }
    $null = Invoke-ChildPwsh -Command $cases['first'] # warm the disk cache
    foreach ($round in 1..$runs) {
        foreach ($name in $cases.Keys) {
            $watch = [Diagnostics.Stopwatch]::StartNew()
            $result = Invoke-ChildPwsh -Command $cases[$name]
            $process[$name].Add($watch.Elapsed.TotalMilliseconds)
            if ($result.ExitCode -ne 0) { throw "Start-up case '$name' failed: $($result.Error)" }
            $inside[$name].Add([double]::Parse(($result.Output.Trim() -split "`n")[-1], [cultureinfo]::InvariantCulture))
        }
    }
    $median = { param($values) ($values | Sort-Object)[[int][math]::Floor($runs / 2)] }
    $bare = & $median $process['bare']
    Add-Report "## Start-up: pwsh -NoProfile, median of $runs interleaved runs"
    Add-Report ''
    Add-Report '| | whole process | added to a bare start | inside the session |'
    Add-Report '| --- | ---: | ---: | ---: |'
    Add-Report ('| bare start (`exit 0`) | {0:0} ms | | |' -f $bare)
    foreach ($row in @(
            @{ Name = 'floor'; Label = 'floor module: Import-Module + its one cmdlet' }
            @{ Name = 'import'; Label = 'Import-Module ShortApi.Vidu' }
            @{ Name = 'first'; Label = 'Import-Module ShortApi.Vidu + first Get-ViduPrice' })) {
        Add-Report ('| {0} | {1:0} ms | {2:0} ms | {3:0} ms |' -f $row.Label, (& $median $process[$row.Name]), ((& $median $process[$row.Name]) - $bare), (& $median $inside[$row.Name]))
    }
    Add-Report ''
}

Set-Content -Path (Join-Path $OutputFolder 'results.md') -Value $report.ToString()
Write-Host "Written to $(Join-Path $OutputFolder 'results.md')"
Exit-ViduPlainOutput $outputStyle
