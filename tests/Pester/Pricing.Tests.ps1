BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')

    # The expected prices come from the API's own sentence in the seed page, read here with a regex:
    # independent of PriceTable, which is what is being tested.
    $seed = Get-Content -Raw (Join-Path $RepoRoot 'docs/spec/vidu-q2-image-to-video.seed.txt')
    $pricing = $seed.Substring($seed.IndexOf('In Turbo Mode'))
    $pricing = $pricing.Substring(0, $pricing.IndexOf('For more details'))
    $rates = @{}
    $mode = ''
    $pattern = '(?:in (?<mode>Turbo|Pro-Fast|Pro) Mode, )?(?<res>\d+p) starts at \$(?<x>[\d.]+)(?: \(\$(?<z>[\d.]+) at 2s\))? plus \$(?<y>[\d.]+)/sec'
    foreach ($m in [regex]::Matches($pricing, $pattern, 'IgnoreCase')) {
        if ($m.Groups['mode'].Success) { $mode = $m.Groups['mode'].Value.ToLowerInvariant() }
        $rates["$mode|$($m.Groups['res'].Value)"] = [pscustomobject]@{
            X = [decimal]$m.Groups['x'].Value
            Z = if ($m.Groups['z'].Success) { [decimal]$m.Groups['z'].Value } else { $null }
            Y = [decimal]$m.Groups['y'].Value
        }
    }
    function Get-ExpectedPrice($Rate, [int] $Seconds) {
        if ($Seconds -eq 1) { return $Rate.X }
        if ($null -ne $Rate.Z) { return $Rate.Z + $Rate.Y * ($Seconds - 2) }
        $Rate.X + $Rate.Y * ($Seconds - 1)
    }
}

Describe 'Get-ViduPrice' {
    It 'prices every cell of the table (8 pairs × 10 durations) as the seed states it' {
        $rates.Count | Should -Be 8
        $cells = 0
        foreach ($key in $rates.Keys) {
            $m, $r = $key -split '\|'
            $quotes = Get-ViduPrice -Mode $m -Resolution $r -Duration (1..10)
            $quotes | Should -HaveCount 10
            foreach ($q in $quotes) {
                $q.Price | Should -Be (Get-ExpectedPrice $rates[$key] $q.Duration) -Because "$m $r $($q.Duration) s"
                $q.Price | Should -BeOfType [decimal]
                $cells++
            }
        }
        $cells | Should -Be 80
    }

    It 'refuses pro-fast at 540p as an error, not a price, and prices the rest' {
        $quotes = Get-ViduPrice -Mode pro-fast, pro -Resolution 540p -ErrorVariable refused -ErrorAction SilentlyContinue
        $quotes | Should -HaveCount 1
        $quotes.Mode | Should -Be 'pro'
        $refused | Should -HaveCount 1
        $refused[0].FullyQualifiedErrorId | Should -BeLike 'ShortApi.InvalidArgument,*'
        "$($refused[0])" | Should -Match "Resolution '540p' is not offered by vidu/vidu-q2/image-to-video in pro-fast mode"
    }

    It 'expands arrays, including an unparenthesised 1..10' {
        (Get-ViduPrice -Duration 1..10) | Should -HaveCount 10
        (Get-ViduPrice -Mode turbo, pro -Resolution 720p, 1080p -Duration 1, 2) | Should -HaveCount 8
    }

    It 'prices a plan from a CSV file by property name' {
        $csv = Join-Path ([IO.Path]::GetTempPath()) "plan-$([guid]::NewGuid()).csv"
        @'
Image,Prompt,Mode,Resolution,Duration
a.png,pan left,turbo,720p,3
b.png,zoom in,pro,1080p,10
c.png,tilt up,pro-fast,540p,5
d.png,orbit,pro-fast,1080p,2
'@ | Set-Content $csv
        $quotes = Import-Csv $csv | Get-ViduPrice -ErrorVariable refused -ErrorAction SilentlyContinue
        Remove-Item $csv
        $quotes | Should -HaveCount 3
        $quotes[0].Price | Should -Be (Get-ExpectedPrice $rates['turbo|720p'] 3)
        $quotes[1].Price | Should -Be (Get-ExpectedPrice $rates['pro|1080p'] 10)
        $quotes[2].Price | Should -Be (Get-ExpectedPrice $rates['pro-fast|1080p'] 2)
        $refused | Should -HaveCount 1
        ($quotes | Measure-Object -Property Price -Sum).Sum | Should -Be ($quotes[0].Price + $quotes[1].Price + $quotes[2].Price)
    }

    It 'reads an empty cell in a plan as the default' {
        $quote = [pscustomobject]@{ Mode = ''; Resolution = ''; Duration = '' } | Get-ViduPrice
        $quote.Mode | Should -Be 'pro'
        $quote.Resolution | Should -Be '720p'
        $quote.Duration | Should -Be 5
    }

    It 'shows how the price was reached' {
        (Get-ViduPrice -Mode turbo -Resolution 720p -Duration 4).Basis | Should -Be '$0.05 for 2 s + 2 × $0.05/s'
    }
}

Describe 'Estimates where money is spent' {
    BeforeAll {
        $emulator = Start-ViduEmulator -ArgumentList '--job-seconds', '1'
        $work = New-TestFolder
        $null = Copy-SampleImages $work 3
    }
    AfterAll {
        $emulator | Stop-ViduEmulator
        Remove-Item $work -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'previews a folder with -WhatIf: the estimate per picture and the total, and sends nothing' {
        $script = "Import-Module '$ModulePath'; Get-ChildItem '$work' -Filter *.png | New-ViduVideoJob -Prompt 'x' -Duration 5 -BaseUri '$($emulator.BaseUri)' -ApiKey '$($emulator.ApiKey)' -NoHistory -WhatIf"
        $result = Invoke-ChildPwsh -Command $script
        $lines = $result.Output -split "`n" | Where-Object { $_ -like 'What if:*' }
        $lines | Should -HaveCount 4
        $lines[0] | Should -Match 'Create video job \(Vidu Q2 image-to-video, pro, 720p, 5 s, about \$0\.275\) from'
        $lines[-1] | Should -Match 'What if: 3 video job\(s\), about \$0\.825 in total\.'
        (Get-EmulatorStats $emulator).createsReceived | Should -Be 0
    }

    It 'puts the estimate beside the charge on every job' {
        $jobs = Get-ChildItem $work -Filter *.png | New-ViduVideoJob -Prompt 'x' -Mode turbo -Duration 2 -BaseUri $emulator.BaseUri -ApiKey $emulator.ApiKey -NoHistory
        $jobs | Should -HaveCount 3
        foreach ($job in $jobs) {
            $job.EstimatedCost | Should -Be (Get-ExpectedPrice $rates['turbo|720p'] 2)
            $job.Amount | Should -Be $job.EstimatedCost
        }
        # Measure-Object sums in double; the amounts themselves are decimals.
        [math]::Round(($jobs | Measure-Object -Property Amount -Sum).Sum, 6) | Should -Be 0.15
    }
}
