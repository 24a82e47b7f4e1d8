BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    . (Join-Path $PSScriptRoot 'Chromium.ps1')
    $script:Key = 'sk-gallery-' + [guid]::NewGuid().ToString('N')
    $script:emulator, $script:work, $script:api = New-EmulatorContext '--job-seconds', '1', '--key', $Key
    $script:history = @{ HistoryPath = $api.HistoryPath }
    $script:Hostile = '<script>alert(1)</script><img src=x onerror=alert(2)>'

    # A night's work: four videos saved (one picture with a space and a '#' in its name), one job failed, one
    # succeeded but not saved, and one create a gateway answered with an error page after making the job.
    $pictures = Join-Path $work 'pictures'
    $null = New-Item -ItemType Directory $pictures
    $null = Copy-SampleImages $pictures 3
    Copy-Item (Join-Path $pictures 'meadow.png') (Join-Path $pictures 'my picture #1.png')
    $script:saved = @(Get-ChildItem $pictures -Filter *.png |
            New-ViduVideoJob @api -Prompt $Hostile -Duration 4 |
            Wait-ViduVideoJob @api -PollInterval 0.2 |
            Save-ViduVideo @api -Path (Join-Path $work 'videos'))
    $script:failed = New-ViduVideoJob @api -Image (Join-Path $pictures 'sunset.png') -Prompt "$Hostile #fail" |
        Wait-ViduVideoJob @api -PollInterval 0.2 -IncludeFailed -ErrorAction SilentlyContinue
    $script:unsaved = New-ViduVideoJob @api -Image (Join-Path $pictures 'lighthouse.png') -Prompt 'kept on the service' |
        Wait-ViduVideoJob @api -PollInterval 0.2
    $null = Invoke-EmulatorControl -Emulator $emulator -Name faults -Body @{ create = @('gateway:502') }
    $null = New-ViduVideoJob @api -Image (Join-Path $pictures 'meadow.png') -Prompt 'no answer came' -ErrorAction SilentlyContinue -WarningAction SilentlyContinue
    $script:jobs = @(Get-ViduVideoJob @api -NoRefresh -WarningAction SilentlyContinue)

    # The page in a folder of its own, beside the videos' folder, so links must climb out of it.
    $script:pagePath = Join-Path $work 'review/review.html'
    $jobs | Export-ViduGallery -Path $pagePath @history

    function Read-Gallery([string] $Path) {
        $html = Get-Content -Raw -LiteralPath $Path
        # The page is well-formed XML after its HTML doctype: parsing it strictly is part of every check.
        [xml] $xml = $html.Substring($html.IndexOf('<html', [StringComparison]::Ordinal))
        [pscustomobject]@{ Html = $html; Xml = $xml; Folder = Split-Path $Path; Cards = @($xml.SelectNodes('//article')) }
    }

    function Resolve-PageLink($Page, [string] $Link) {
        $Link | Should -Not -Match '^([a-z][a-z0-9+.-]*:|/|\\)' -Because "'$Link' should be relative to the page"
        [IO.Path]::GetFullPath((Join-Path $Page.Folder ([uri]::UnescapeDataString($Link))))
    }

    function Get-Card($Page, [string] $JobId) { $Page.Cards | Where-Object { $_.GetAttribute('data-job-id') -eq $JobId } }

    $script:page = Read-Gallery $pagePath
}

AfterAll {
    Remove-EmulatorContext $emulator $work
}

Describe 'Export-ViduGallery over a real batch' {
    It 'has the night''s jobs to show: four saved, one failed, one unsaved, one unconfirmed' {
        $saved.Count | Should -Be 4
        $failed.Status | Should -Be 'Failed'
        $unsaved.Status | Should -Be 'Succeeded'
        @($jobs | Where-Object Status -EQ 'Unconfirmed').Count | Should -Be 1
        $jobs.Count | Should -Be 7
    }

    It 'writes one card per job, in a page that parses as XML' {
        $page.Cards.Count | Should -Be $jobs.Count
        @($page.Cards | ForEach-Object { $_.GetAttribute('data-job-id') } | Sort-Object) | Should -Be @($jobs.JobId | Sort-Object)
        foreach ($card in $page.Cards) { $card.SelectSingleNode('.//h2').InnerText | Should -Not -BeNullOrEmpty }
    }

    It 'links every saved video by a path relative to the page that resolves to the saved file' {
        $videos = @($page.Xml.SelectNodes('//video'))
        $videos.Count | Should -Be $saved.Count
        foreach ($file in $saved) {
            $video = (Get-Card $page $file.JobId).SelectSingleNode('.//video')
            $video | Should -Not -BeNullOrEmpty -Because "job $($file.JobId) has a saved video"
            $video.GetAttribute('controls') | Should -Be '' -Because 'the browser''s own controls make it usable from the keyboard'
            Resolve-PageLink $page $video.GetAttribute('src') | Should -Be $file.FullName
            Test-Path -LiteralPath (Resolve-PageLink $page $video.GetAttribute('src')) | Should -BeTrue
        }
        $page.Html | Should -Match 'src="\.\./videos/my%20picture%20%231\.mp4"'
    }

    It 'shows each job''s source picture, linked relative to the page, with an alt text naming it' {
        foreach ($job in $jobs) {
            $card = if ($job.JobId) { Get-Card $page $job.JobId } else { Get-Card $page '' }
            $img = $card.SelectSingleNode('.//img')
            Resolve-PageLink $page $img.GetAttribute('src') | Should -Be $job.Image
            $img.GetAttribute('alt') | Should -Be "Source picture: $(Split-Path $job.Image -Leaf)"
        }
    }

    It 'says why a job failed, what to do about an unconfirmed create, and that an unsaved video''s link expires' {
        (Get-Card $page $failed.JobId).GetAttribute('data-status') | Should -Be 'Failed'
        (Get-Card $page $failed.JobId).InnerText | Should -Match 'Failed: emulated failure: the prompt contains #fail'
        $unconfirmed = Get-Card $page ''
        $unconfirmed.GetAttribute('data-status') | Should -Be 'Unconfirmed'
        $unconfirmed.InnerText | Should -Match 'not known whether it made a paid job.*Check your ShortAPI dashboard'
        $kept = Get-Card $page $unsaved.JobId
        $kept.SelectSingleNode('.//video') | Should -BeNullOrEmpty
        $kept.InnerText | Should -Match 'Not saved\..*expires about a day after the job finished'
        $kept.SelectSingleNode('.//code').InnerText | Should -Be "Save-ViduVideo -JobId $($unsaved.JobId) -Path <folder>"
    }

    It 'shows the prompt, the settings, the estimate and the charge of each job' {
        $card = Get-Card $page $saved[0].JobId
        $facts = @{}
        $dts = @($card.SelectNodes('.//dl[@class="facts"]/dt')); $dds = @($card.SelectNodes('.//dl[@class="facts"]/dd'))
        for ($i = 0; $i -lt $dts.Count; $i++) { $facts[$dts[$i].InnerText] = $dds[$i].InnerText }
        $facts['Model'] | Should -Be 'vidu/vidu-q2/image-to-video'
        $facts['Mode'] | Should -Be 'pro'
        $facts['Resolution'] | Should -Be '720p'
        $facts['Duration'] | Should -Be '4 s'
        $facts['Estimate'] | Should -Be '$0.225'
        $facts['Charged'] | Should -Be '$0.225'
        $facts['Created'] | Should -Match '^\d{4}-\d\d-\d\d \d\d:\d\d$'
        $facts['Job id'] | Should -Be $saved[0].JobId
    }

    It 'adds up jobs, outcomes and the money spent in the header' {
        function Total([string] $Name) { $page.Xml.SelectSingleNode("//header//div[@data-total='$Name']/dd").InnerText }
        Total 'jobs' | Should -Be '7'
        Total 'succeeded' | Should -Be '5'
        Total 'failed' | Should -Be '1'
        Total 'unconfirmed' | Should -Be '1'
        Total 'saved' | Should -Be '4'
        $spent = ($jobs | Measure-Object -Property Amount -Sum).Sum
        Total 'spent' | Should -Be ('$' + ([decimal]$spent).ToString('0.00##', [cultureinfo]::InvariantCulture))
    }

    It 'shows a hostile prompt as text, never as markup' {
        $page.Xml.SelectNodes('//script').Count | Should -Be 0
        $page.Xml.SelectNodes('//@*[starts-with(name(), "on")]').Count | Should -Be 0
        $page.Html | Should -Not -Match '<script|<img src=x'
        $page.Html | Should -Match ([regex]::Escape('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;'))
        foreach ($file in $saved) {
            (Get-Card $page $file.JobId).SelectSingleNode('.//p[@class="prompt"]').InnerText | Should -Be "Prompt: $Hostile"
        }
        $titled = Join-Path $work 'titled.html'
        $jobs | Export-ViduGallery -Path $titled -Title $Hostile @history
        (Read-Gallery $titled).Xml.SelectSingleNode('//h1').InnerText | Should -Be $Hostile
        (Read-Gallery $titled).Xml.SelectNodes('//script').Count | Should -Be 0
    }

    It 'refers to nothing on the network, and its policy says so' {
        $page.Html | Should -Not -Match 'https?://'
        foreach ($name in 'script', 'link', 'iframe', 'object', 'embed', 'base', 'form') { $page.Xml.SelectNodes("//$name").Count | Should -Be 0 -Because "a page with no $name" }
        foreach ($link in $page.Xml.SelectNodes('//@src | //@href')) { $link.Value | Should -Not -Match '^[a-z][a-z0-9+.-]*:' -Because 'every link is relative' }
        $policy = $page.Xml.SelectSingleNode('//meta[@http-equiv="Content-Security-Policy"]').GetAttribute('content')
        $policy | Should -Match "^default-src 'none'; img-src 'self' data: file:; media-src 'self' file:; style-src 'sha256-[A-Za-z0-9+/=]+'; base-uri 'none'; form-action 'none'$"
    }

    It 'never holds the API key' {
        $page.Html | Should -Not -Match ([regex]::Escape($Key))
        Get-ChildItem $work -Filter *.html -Recurse | ForEach-Object { Get-Content -Raw $_.FullName | Should -Not -Match ([regex]::Escape($Key)) }
    }
}

Describe 'Export-ViduGallery inputs' {
    It 'takes the files Save-ViduVideo writes, completed from the history, or as they are with -NoHistory' {
        $beside = Join-Path $work 'videos/index.html'
        $saved | Export-ViduGallery -Path $beside @history
        $g = Read-Gallery $beside
        $g.Cards.Count | Should -Be 4
        foreach ($file in $saved) {
            $card = Get-Card $g $file.JobId
            $card.SelectSingleNode('.//video').GetAttribute('src') | Should -Be ([uri]::EscapeDataString($file.Name))
            $card.SelectSingleNode('.//p[@class="prompt"]').InnerText | Should -Be "Prompt: $Hostile"
        }
        $bare = Join-Path $work 'videos/bare.html'
        $saved | Export-ViduGallery -Path $bare -NoHistory
        $g = Read-Gallery $bare
        $g.Cards.Count | Should -Be 4
        $g.Xml.SelectNodes('//video').Count | Should -Be 4
        $g.Xml.SelectNodes('//img').Count | Should -Be 4 -Because 'each file carries its SourceImage'
        $g.Xml.SelectNodes('//p[@class="prompt"]').Count | Should -Be 0
    }

    It 'keeps one card for a job given twice, as a job and as its saved file' {
        $merged = Join-Path $work 'merged.html'
        @($saved[0]) + $jobs + @($saved[0].JobId) | Export-ViduGallery -Path $merged @history
        (Read-Gallery $merged).Cards.Count | Should -Be $jobs.Count
    }

    It 'takes jobs read back from <Format>, keeping their recorded status and saved files without the history' -ForEach @(
        @{ Format = 'Import-Csv'; Write = { param($j, $p) $j | Export-Csv -LiteralPath $p }; Read = { param($p) Import-Csv -LiteralPath $p } }
        @{ Format = 'Import-Clixml'; Write = { param($j, $p) $j | Export-Clixml -LiteralPath $p }; Read = { param($p) Import-Clixml -LiteralPath $p } }
        @{ Format = 'ConvertFrom-Json'; Write = { param($j, $p) $j | ConvertTo-Json -Depth 4 | Set-Content -LiteralPath $p }; Read = { param($p) Get-Content -Raw -LiteralPath $p | ConvertFrom-Json } }
    ) {
        $file = Join-Path $work "jobs-$Format.txt"
        & $Write $jobs $file
        $target = Join-Path $work "review/from-$Format.html"
        & $Read $file | Export-ViduGallery -Path $target -NoHistory
        $g = Read-Gallery $target
        $g.Cards.Count | Should -Be $jobs.Count
        foreach ($job in $jobs) { (Get-Card $g $job.JobId).GetAttribute('data-status') | Should -Be "$($job.Status)" }
        $g.Xml.SelectNodes('//video').Count | Should -Be 4
        $g.Html | Should -Not -Match 'System\.String\[\]'
    }

    It 'shows both frames of a start-end job and every picture of a reference job' {
        $pictures = @(Get-ChildItem (Join-Path $work 'pictures') -Filter *.png | Sort-Object Name)
        $rows = @(
            [pscustomobject]@{ JobId = 'se1'; Status = 'Succeeded'; Kind = 'StartEnd'; Image = $pictures[0].FullName; EndImage = $pictures[1].FullName; Prompt = 'dawn to dusk' }
            [pscustomobject]@{ JobId = 'ref1'; Status = 'Failed'; Kind = 'Reference'; ReferenceImages = $pictures.FullName; Prompt = 'together'; Error = 'refused' }
        )
        $target = Join-Path $work 'kinds.html'
        $rows | Export-ViduGallery -Path $target -NoHistory
        $g = Read-Gallery $target
        @((Get-Card $g 'se1').SelectNodes('.//img') | ForEach-Object { $_.GetAttribute('alt') }) | Should -Be @("First frame: $($pictures[0].Name)", "Last frame: $($pictures[1].Name)")
        @((Get-Card $g 'ref1').SelectNodes('.//img')).Count | Should -Be $pictures.Count
        (Get-Card $g 'ref1').SelectSingleNode('.//img').GetAttribute('alt') | Should -Be "Reference picture 1 of $($pictures.Count): $($pictures[0].Name)"
    }

    It 'links a picture given as a web address as it is, names its host in the policy, and says it needs the network' {
        $target = Join-Path $work 'web.html'
        [pscustomobject]@{ JobId = 'web1'; Status = 'Succeeded'; Image = 'https://pictures.example/a/cat.png?size=large&v=2' } | Export-ViduGallery -Path $target -NoHistory
        $g = Read-Gallery $target
        $g.Xml.SelectSingleNode('//img').GetAttribute('src') | Should -Be 'https://pictures.example/a/cat.png?size=large&v=2'
        $g.Xml.SelectSingleNode('//meta[@http-equiv="Content-Security-Policy"]').GetAttribute('content') | Should -Match "img-src 'self' data: file: https://pictures\.example;"
        $g.Xml.SelectSingleNode('//header').InnerText | Should -Match 'only while this computer is online'
        [regex]::Matches($g.Html.Replace('&amp;', '&'), 'https?://[^"\s<]+').Value.TrimEnd(';') | Select-Object -Unique |
            Should -Be @('https://pictures.example', 'https://pictures.example/a/cat.png?size=large&v=2') -Because 'the policy names the host, the picture links it, and nothing else is on the web'
    }
}

Describe 'Export-ViduGallery as a command' {
    It 'writes nothing with -WhatIf' {
        $target = Join-Path $work 'whatif/review.html'
        $jobs | Export-ViduGallery -Path $target -WhatIf @history
        Test-Path (Split-Path $target) | Should -BeFalse
    }

    It 'keeps an existing page without -Force, replaces it with -Force, and -PassThru gives its FileInfo' {
        $target = Join-Path $work 'again.html'
        Set-Content -LiteralPath $target -Value 'mine'
        { $jobs | Export-ViduGallery -Path $target @history -ErrorAction Stop } | Should -Throw -ErrorId 'ShortApi.FileExists*'
        Get-Content -Raw $target | Should -Be "mine$([Environment]::NewLine)"
        $file = $jobs | Export-ViduGallery -Path $target -Force -PassThru @history
        $file | Should -BeOfType [IO.FileInfo]
        $file.FullName | Should -Be $target
        (Read-Gallery $target).Cards.Count | Should -Be $jobs.Count
        Get-ChildItem $work -Filter '*.partial' -Force | Should -BeNullOrEmpty
    }

    It 'fails before anything upstream runs when the page cannot be written: nothing is sent' {
        $target = Join-Path $work 'taken.html'
        Set-Content -LiteralPath $target -Value 'mine'
        $before = (Get-EmulatorStats $emulator).createsReceived
        { New-ViduVideoJob @api -Image (Join-Path $work 'pictures/sunset.png') -Prompt 'never sent' | Export-ViduGallery -Path $target -ErrorAction Stop } |
            Should -Throw -ErrorId 'ShortApi.FileExists*'
        (Get-EmulatorStats $emulator).createsReceived | Should -Be $before
    }

    It 'refuses <Case> with <Id>' -ForEach @(
        @{ Case = 'a folder'; Id = 'ShortApi.PathIsFolder'; Target = { $work } }
        @{ Case = 'a path off the file system'; Id = 'ShortApi.PathNotFileSystem'; Target = { 'Env:\gallery' } }
        @{ Case = 'a path under a file'; Id = 'ShortApi.PathNotWritable'; Target = { $f = Join-Path $work 'plain.txt'; Set-Content $f 'x'; Join-Path $f 'review.html' } }
    ) {
        $path = & $Target
        $caught = $null
        try { $jobs | Export-ViduGallery -Path $path @history -ErrorAction Stop } catch { $caught = $_ }
        $caught | Should -Not -BeNullOrEmpty
        $caught.FullyQualifiedErrorId | Should -BeLike "$Id,*"
        $caught.Exception.Message | Should -Match ([regex]::Escape($path))
    }

    It 'refuses objects that are not jobs, one error each, and still writes the page' {
        $target = Join-Path $work 'mixed.html'
        @((Get-Process -Id $PID), $jobs[0], 'not a job id!') | Export-ViduGallery -Path $target @history -ErrorVariable problems -ErrorAction SilentlyContinue
        @($problems.FullyQualifiedErrorId | ForEach-Object { $_.Split(',')[0] }) | Should -Be @('ShortApi.NotAJob', 'ShortApi.InvalidJobId')
        (Read-Gallery $target).Cards.Count | Should -Be 1
    }
}

Describe 'The gallery in a headless browser' {
    BeforeAll { $script:chromium = Find-Chromium }

    It 'loads every video and picture from file:// with nothing from the network and nothing refused' {
        if (-not $chromium) {
            Set-ItResult -Skipped -Because 'no Chromium or Chrome is installed (Debian: apt-get install chromium; or set $env:CHROMIUM_PATH)'
            return
        }
        $result = Invoke-ChromiumPage -Chromium $chromium -Url ([uri]::new($pagePath, [UriKind]::Absolute).AbsoluteUri) -Expression $GalleryCheckScript -ProfileFolder (Join-Path $work 'chromium-profile')
        $videos = @($result.Value.videos)
        $videos.Count | Should -Be $saved.Count
        foreach ($video in $videos) {
            $video.error | Should -BeNullOrEmpty -Because "$($video.src) should play"
            $video.readyState | Should -BeGreaterOrEqual 1 -Because "$($video.src) should have loaded its metadata"
            $video.duration | Should -BeGreaterThan 0
            ([uri]$video.url).LocalPath | Should -BeIn $saved.FullName
        }
        @($result.Value.images).Count | Should -Be $jobs.Count
        foreach ($image in $result.Value.images) { $image.loaded | Should -BeTrue -Because "$($image.src) should show" }
        $result.Value.grid | Should -Be 'grid' -Because 'the inline style sheet is allowed by its hash'
        $result.Value.scripts | Should -Be 0
        foreach ($url in $result.Requests) { $url | Should -Match '^(file|data):' -Because 'the page works offline' }
        $result.Messages | Where-Object { $_ -match 'Content.Security.Policy|Refused|Failed to load' } | Should -BeNullOrEmpty
    }
}
