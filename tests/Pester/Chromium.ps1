# Dot-sourced by tests that open a page in a real browser: finds a Chromium, starts it headless with a DevTools port
# (--no-sandbox because CI runs as root; --disable-dev-shm-usage because containers have a small /dev/shm),
# and drives one page over the DevTools protocol (a WebSocket, no libraries). Every wait is bounded and ends when what
# it waits for has happened (the line saying it listens, the load event, a command's answer), never after a fixed sleep. Nothing here touches the page under test: the checks
# run through Runtime.evaluate, which the page's Content-Security-Policy does not govern.

function Find-Chromium {
    <# The path of a Chromium or Chrome, or $null when none is installed. $env:CHROMIUM_PATH wins. #>
    if ($env:CHROMIUM_PATH -and (Test-Path -LiteralPath $env:CHROMIUM_PATH)) { return $env:CHROMIUM_PATH }
    foreach ($name in 'chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome', 'chrome') {
        $command = Get-Command $name -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1
        if ($command) { return $command.Source }
    }
    $null
}

function Start-HeadlessChromium([string] $Chromium, [string] $ProfileFolder, [int] $TimeoutSec = 30) {
    $info = [Diagnostics.ProcessStartInfo]::new($Chromium)
    foreach ($a in @('--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
            '--disable-sync', '--disable-dev-shm-usage', '--no-first-run', '--no-default-browser-check', '--mute-audio', "--user-data-dir=$ProfileFolder",
            '--remote-debugging-port=0', 'about:blank')) { $info.ArgumentList.Add($a) }
    $info.UseShellExecute = $false
    $info.RedirectStandardOutput = $true
    $info.RedirectStandardError = $true
    $process = [Diagnostics.Process]::Start($info)
    $null = $process.StandardOutput.ReadToEndAsync()
    # Chromium says on standard error when it listens: "DevTools listening on ws://127.0.0.1:<port>/devtools/browser/<id>".
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    $said = [Collections.Generic.List[string]]::new()
    $browserSocket = $null
    while (-not $browserSocket) {
        $read = $process.StandardError.ReadLineAsync()
        if (-not $read.Wait([Math]::Max(0, ($deadline - [DateTime]::UtcNow).TotalMilliseconds))) { $process.Kill($true); throw "Chromium did not open its DevTools port within $TimeoutSec s: $($said -join ' | ')" }
        if ($null -eq $read.Result) { throw "Chromium exited with code $(if ($process.WaitForExit(5000)) { $process.ExitCode }) before listening: $($said -join ' | ')" }
        $said.Add($read.Result)
        if ($read.Result -match 'DevTools listening on (ws://\S+)') { $browserSocket = $Matches[1] }
    }
    $null = $process.StandardError.ReadToEndAsync()
    $port = ([uri]$browserSocket).Port
    # A page of our own, made through the browser's connection: its answer is the event, nothing to poll for.
    $browser = New-DevToolsSession $browserSocket
    try { $target = Invoke-DevTools $browser 'Target.createTarget' @{ url = 'about:blank' } -TimeoutSec $TimeoutSec }
    finally { $browser.Socket.Dispose() }
    [pscustomobject]@{ Process = $process; Port = $port; PageSocket = "ws://127.0.0.1:$port/devtools/page/$($target.targetId)" }
}

# One DevTools connection: commands get ids, answers are matched by id, events are kept in order.
function New-DevToolsSession([string] $Uri) {
    $socket = [Net.WebSockets.ClientWebSocket]::new()
    $null = $socket.ConnectAsync([uri]$Uri, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
    [pscustomobject]@{ Socket = $socket; NextId = 0; Events = [Collections.Generic.List[object]]::new() }
}

function Receive-DevToolsMessage($Session, [DateTime] $Deadline) {
    $left = [Math]::Max(1, ($Deadline - [DateTime]::UtcNow).TotalMilliseconds)
    $cancel = [Threading.CancellationTokenSource]::new([TimeSpan]::FromMilliseconds($left))
    $buffer = [byte[]]::new(1MB)
    $stream = [IO.MemoryStream]::new()
    try {
        do {
            $segment = [ArraySegment[byte]]::new($buffer)
            $result = $Session.Socket.ReceiveAsync($segment, $cancel.Token).GetAwaiter().GetResult()
            if ($result.MessageType -eq 'Close') { throw 'Chromium closed the DevTools connection.' }
            $stream.Write($buffer, 0, $result.Count)
        } while (-not $result.EndOfMessage)
    }
    catch [OperationCanceledException] { throw 'No message from Chromium before the deadline.' }
    finally { $cancel.Dispose() }
    [Text.Encoding]::UTF8.GetString($stream.ToArray()) | ConvertFrom-Json -Depth 50
}

function Invoke-DevTools($Session, [string] $Method, [hashtable] $Params = @{}, [int] $TimeoutSec = 30) {
    $Session.NextId += 1
    $id = $Session.NextId
    $json = @{ id = $id; method = $Method; params = $Params } | ConvertTo-Json -Depth 10 -Compress
    $bytes = [Text.Encoding]::UTF8.GetBytes($json)
    $null = $Session.Socket.SendAsync([ArraySegment[byte]]::new($bytes), 'Text', $true, [Threading.CancellationToken]::None).GetAwaiter().GetResult()
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while ($true) {
        $message = Receive-DevToolsMessage $Session $deadline
        if ($message.PSObject.Properties['id'] -and $message.id -eq $id) {
            if ($message.PSObject.Properties['error']) { throw "$Method failed: $($message.error.message)" }
            return $message.result
        }
        if ($message.PSObject.Properties['method']) { $Session.Events.Add($message) }
    }
}

function Wait-DevToolsEvent($Session, [string] $Method, [int] $TimeoutSec = 30) {
    $seen = $Session.Events | Where-Object method -EQ $Method | Select-Object -First 1
    if ($seen) { return $seen }
    $deadline = [DateTime]::UtcNow.AddSeconds($TimeoutSec)
    while ($true) {
        $message = Receive-DevToolsMessage $Session $deadline
        if (-not $message.PSObject.Properties['method']) { continue }
        $Session.Events.Add($message)
        if ($message.method -eq $Method) { return $message }
    }
}

function Invoke-ChromiumPage {
    <#
    Opens $Url in a fresh headless Chromium, waits for its load event, evaluates $Expression (which may return a
    promise) and returns its value, with every request the page made and every message the browser logged.
    #>
    param([string] $Chromium, [string] $Url, [string] $Expression, [string] $ProfileFolder, [int] $TimeoutSec = 60)
    $browser = Start-HeadlessChromium $Chromium $ProfileFolder
    $session = $null
    try {
        $session = New-DevToolsSession $browser.PageSocket
        foreach ($domain in 'Network', 'Log', 'Runtime', 'Page') { $null = Invoke-DevTools $session "$domain.enable" }
        $null = Invoke-DevTools $session 'Page.navigate' @{ url = $Url }
        $null = Wait-DevToolsEvent $session 'Page.loadEventFired' -TimeoutSec $TimeoutSec
        $evaluated = Invoke-DevTools $session 'Runtime.evaluate' @{ expression = $Expression; awaitPromise = $true; returnByValue = $true } -TimeoutSec $TimeoutSec
        if ($evaluated.PSObject.Properties['exceptionDetails']) { throw "The check threw: $($evaluated.exceptionDetails | ConvertTo-Json -Depth 5 -Compress)" }
        [pscustomobject]@{
            Value    = $evaluated.result.value
            Requests = @($session.Events | Where-Object method -EQ 'Network.requestWillBeSent' | ForEach-Object { $_.params.request.url })
            Messages = @($session.Events | Where-Object { $_.method -in 'Log.entryAdded', 'Runtime.consoleAPICalled', 'Runtime.exceptionThrown' } |
                    ForEach-Object { if ($_.method -eq 'Log.entryAdded') { "$($_.params.entry.level): $($_.params.entry.text)" } else { $_ | ConvertTo-Json -Depth 6 -Compress } })
        }
    }
    finally {
        if ($session) {
            try { $null = Invoke-DevTools $session 'Browser.close' -TimeoutSec 5 } catch { }
            $session.Socket.Dispose()
        }
        if (-not $browser.Process.WaitForExit(10000)) { $browser.Process.Kill($true); $browser.Process.WaitForExit() }
    }
}

# Evaluated in the gallery: waits (at most 20 s) until every video has its metadata or an error, then reports each
# video, each picture and whether the page's one style sheet was applied.
$script:GalleryCheckScript = @'
(async () => {
  const videos = [...document.querySelectorAll('video')];
  const settled = v => v.readyState >= 1 || v.error !== null;
  const waitFor = v => settled(v) ? Promise.resolve() : new Promise(resolve => {
    v.addEventListener('loadedmetadata', resolve, { once: true });
    v.addEventListener('error', resolve, { once: true });
  });
  await Promise.race([Promise.all(videos.map(waitFor)), new Promise(resolve => setTimeout(resolve, 20000))]);
  await Promise.all([...document.images].map(i => i.complete ? null : new Promise(r => { i.onload = i.onerror = r; })));
  return {
    videos: videos.map(v => ({ src: v.getAttribute('src'), url: v.currentSrc, readyState: v.readyState,
      error: v.error ? v.error.code : null, duration: v.duration, width: v.videoWidth })),
    images: [...document.images].map(i => ({ src: i.getAttribute('src'), loaded: i.complete && i.naturalWidth > 0 })),
    grid: getComputedStyle(document.querySelector('.cards') || document.body).display,
    scripts: document.scripts.length
  };
})()
'@
