# The scenarios the benchmark runs, each in a fresh child PowerShell so that wall time and peak memory belong
# to that scenario alone. Every scenario prints one JSON line (its measurements) as its last output.
Set-StrictMode -Version Latest

function Get-PeakMemoryScript {
    # Peak resident memory of the current process: VmHWM on Linux, PeakWorkingSet64 elsewhere.
    @'
function Get-PeakMemoryBytes {
    if (Test-Path /proc/self/status) {
        $line = (Get-Content /proc/self/status | Where-Object { $_ -like 'VmHWM:*' })
        return [long](($line -split '\s+')[1]) * 1024
    }
    [Diagnostics.Process]::GetCurrentProcess().PeakWorkingSet64
}
function Reset-PeakMemory {
    # Linux lets a process reset its own high-water mark; elsewhere the peak counts from process start.
    if (Test-Path /proc/self/clear_refs) { try { Set-Content /proc/self/clear_refs 5 -ErrorAction Stop } catch { } }
}
'@
}

function Get-ModulePipelineScript([string] $ModulePath, [string] $Pictures, [string] $Videos, [double] $PollInterval, [double] $MaxQueryRate) {
    (Get-PeakMemoryScript) + @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModulePath'
`$detections = [Collections.Generic.List[double]]::new()
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$files = Get-ChildItem '$Pictures' -Filter *.png |
    New-ViduVideoJob -Prompt 'slow dolly in' -NoHistory |
    Wait-ViduVideoJob -PollInterval $PollInterval -MaxQueryRate $MaxQueryRate -NoHistory |
    ForEach-Object { `$detections.Add(([DateTimeOffset]::Now - `$_.CreatedAt).TotalSeconds); `$_ } |
    Save-ViduVideo -Path '$Videos' -NoHistory
`$watch.Stop()
[pscustomobject]@{ Seconds = `$watch.Elapsed.TotalSeconds; Files = @(`$files).Count; PeakBytes = Get-PeakMemoryBytes; JobAgesAtDetection = `$detections } | ConvertTo-Json -Compress
"@
}

function Get-PlainScript([string] $Pictures, [string] $Videos, [double] $PollInterval) {
    # What a user would write from the seed page's example: one create per file, then poll each job in turn,
    # then download each video.
    (Get-PeakMemoryScript) + @"
`$ErrorActionPreference = 'Stop'
`$headers = @{ Authorization = "Bearer `$env:SHORTAPI_KEY" }
`$base = `$env:SHORTAPI_BASE_URL.TrimEnd('/')
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$jobs = foreach (`$file in Get-ChildItem '$Pictures' -Filter *.png) {
    `$bytes = [IO.File]::ReadAllBytes(`$file.FullName)
    `$body = @{ model = 'vidu/vidu-q2/image-to-video'; args = @{ mode = 'pro'; prompt = 'slow dolly in'; image = 'data:image/png;base64,' + [Convert]::ToBase64String(`$bytes) } } | ConvertTo-Json -Depth 5
    `$created = Invoke-RestMethod -Method Post -Uri "`$base/api/v1/job/create" -Headers `$headers -Body `$body -ContentType 'application/json'
    [pscustomobject]@{ Id = `$created.data.job_id; Name = `$file.BaseName }
}
`$queries = 0
`$urls = foreach (`$job in `$jobs) {
    while (`$true) {
        `$answer = Invoke-RestMethod -Uri "`$base/api/v1/job/query?id=`$(`$job.Id)" -Headers `$headers
        `$queries++
        if (`$answer.data.status -eq 2) { [pscustomobject]@{ Url = `$answer.data.result.images[0].url; Name = `$job.Name }; break }
        Start-Sleep -Seconds $PollInterval
    }
}
`$null = New-Item -ItemType Directory -Force '$Videos'
foreach (`$u in `$urls) { Invoke-WebRequest -Uri `$u.Url -OutFile (Join-Path '$Videos' (`$u.Name + '.mp4')) }
`$watch.Stop()
[pscustomobject]@{ Seconds = `$watch.Elapsed.TotalSeconds; Files = @(Get-ChildItem '$Videos').Count; PeakBytes = Get-PeakMemoryBytes } | ConvertTo-Json -Compress
"@
}

function Get-MemoryScript([string] $ModulePath, [string] $Image, [string] $Warmup, [ValidateSet('Module', 'Plain')] [string] $Way) {
    $submit = if ($Way -eq 'Module') {
        "New-ViduVideoJob -Image `$image -Prompt 'slow dolly in' -NoHistory | Out-Null"
    }
    else {
        @"
`$bytes = [IO.File]::ReadAllBytes(`$image)
`$body = @{ model = 'vidu/vidu-q2/image-to-video'; args = @{ mode = 'pro'; prompt = 'slow dolly in'; image = 'data:image/png;base64,' + [Convert]::ToBase64String(`$bytes) } } | ConvertTo-Json -Depth 5
Invoke-RestMethod -Method Post -Uri "`$(`$env:SHORTAPI_BASE_URL.TrimEnd('/'))/api/v1/job/create" -Headers @{ Authorization = "Bearer `$env:SHORTAPI_KEY" } -Body `$body -ContentType 'application/json' | Out-Null
"@
    }
    (Get-PeakMemoryScript) + @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModulePath'
# Warm up with a small picture the same way, so JIT and first-use costs are not counted as the big image's.
`$image = '$Warmup'
$submit
[GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
Reset-PeakMemory
`$before = Get-PeakMemoryBytes
`$image = '$Image'
$submit
`$after = Get-PeakMemoryBytes
[pscustomobject]@{ BeforeBytes = `$before; PeakBytes = `$after; RaiseBytes = `$after - `$before } | ConvertTo-Json -Compress
"@
}

function Get-LargeBatchScript([string] $ModulePath, [string] $Pictures, [double] $PollInterval, [double] $MaxQueryRate) {
    (Get-PeakMemoryScript) + @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModulePath'
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$done = Get-ChildItem '$Pictures' -Filter *.png |
    New-ViduVideoJob -Prompt 'slow dolly in' -ThrottleLimit 16 -NoHistory |
    Wait-ViduVideoJob -PollInterval $PollInterval -MaxQueryRate $MaxQueryRate -NoHistory
`$watch.Stop()
[pscustomobject]@{ Seconds = `$watch.Elapsed.TotalSeconds; Done = @(`$done).Count; PeakBytes = Get-PeakMemoryBytes } | ConvertTo-Json -Compress
"@
}

function Get-SoakScript([string] $ModulePath, [string] $Pictures, [string] $Videos) {
    (Get-PeakMemoryScript) + @"
`$ErrorActionPreference = 'Continue'
Import-Module '$ModulePath'
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$saved = Get-ChildItem '$Pictures' -Filter *.png |
    New-ViduVideoJob -Prompt 'slow dolly in' -ThrottleLimit 8 -RetryIntervalSec 0.2 -NoHistory -ErrorVariable failures |
    Wait-ViduVideoJob -PollInterval 1 -MaxQueryRate 100 -RetryIntervalSec 0.2 -NoHistory -ErrorVariable +failures |
    Save-ViduVideo -Path '$Videos' -ThrottleLimit 8 -RetryIntervalSec 0.2 -NoHistory -ErrorVariable +failures
`$watch.Stop()
[pscustomobject]@{ Seconds = `$watch.Elapsed.TotalSeconds; Saved = @(`$saved).Count; Errors = @(`$failures).Count; PeakBytes = Get-PeakMemoryBytes } | ConvertTo-Json -Compress
"@
}

function Get-HistoryScript([string] $ModulePath, [string] $Command, [string] $History) {
    # Timed after a warm-up run of the same command, so the figure is what the history costs, not loading and JIT.
    @"
`$ErrorActionPreference = 'Stop'
Import-Module '$ModulePath'
Remove-Item Env:SHORTAPI_NO_HISTORY -ErrorAction SilentlyContinue
`$env:SHORTAPI_HISTORY_PATH = '$History'
`$null = $Command 6>`$null
`$watch = [Diagnostics.Stopwatch]::StartNew()
`$null = $Command 6>`$null
[pscustomobject]@{ Milliseconds = `$watch.Elapsed.TotalMilliseconds } | ConvertTo-Json -Compress
"@
}

# A child session's script for the start-up benchmark: the import and the first command (its objects discarded, so
# only the module's work is timed, not PowerShell's first table on screen), timed by a stopwatch; the last line of
# its output is that time in ms. Without a module it only prints 0.
function Get-StartupScript([string] $ModulePath, [string] $FirstCommand) {
    if (-not $ModulePath) { return "'0'; exit 0" }
    $call = if ($FirstCommand) { "`$null = $FirstCommand; " } else { '' }
    "`$w = [Diagnostics.Stopwatch]::StartNew(); Import-Module '$ModulePath'; $call`$w.Elapsed.TotalMilliseconds.ToString([cultureinfo]::InvariantCulture); exit 0"
}

Export-ModuleMember -Function Get-ModulePipelineScript, Get-PlainScript, Get-MemoryScript, Get-LargeBatchScript, Get-SoakScript, Get-HistoryScript, Get-StartupScript
