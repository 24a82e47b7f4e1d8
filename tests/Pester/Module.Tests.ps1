BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
}

Describe 'The staged module' {
    It 'has a manifest that Test-ModuleManifest accepts, for both editions' {
        $manifest = Test-ModuleManifest -Path (Join-Path $ModulePath 'ShortApi.Vidu.psd1') -ErrorAction Stop
        $manifest.CompatiblePSEditions | Should -Be @('Desktop', 'Core')
        $manifest.PowerShellVersion | Should -Be ([version]'5.1')
        $manifest.PrivateData.PSData.ProjectUri | Should -Not -BeNullOrEmpty
        $manifest.PrivateData.PSData.LicenseUri | Should -Not -BeNullOrEmpty
        $manifest.PrivateData.PSData.Tags | Should -Contain 'PSEdition_Desktop'
    }

    It 'exports exactly the cmdlets the manifest names' {
        $exported = (Get-Module ShortApi.Vidu).ExportedCmdlets.Keys | Sort-Object
        $exported | Should -Be @('Export-ViduGallery', 'Get-ViduModel', 'Get-ViduPrice', 'Get-ViduVideoJob', 'New-ViduVideoJob', 'Save-ViduVideo', 'Wait-ViduVideoJob')
        (Import-PowerShellDataFile (Join-Path $ModulePath 'ShortApi.Vidu.psd1')).CmdletsToExport | Sort-Object | Should -Be $exported
    }

    It 'uses only approved verbs' {
        $approved = (Get-Verb).Verb
        foreach ($command in Get-Command -Module ShortApi.Vidu) { $approved | Should -Contain $command.Verb }
    }

    It 'declares an output type on every cmdlet' {
        foreach ($command in Get-Command -Module ShortApi.Vidu) { $command.OutputType | Should -Not -BeNullOrEmpty -Because $command.Name }
    }
}

Describe 'Windows PowerShell readiness' {
    It 'ships every assembly .NET Framework needs, at a version no lower than referenced, and nothing else' {
        # It reads metadata with System.Reflection.Metadata, which .NET Framework does not have; the files it checks are
        # the same whichever PowerShell looks, and PowerShell 7 runs it in build.ps1 Test.
        if ($PSEdition -eq 'Desktop') { Set-ItResult -Skipped -Because 'System.Reflection.Metadata is not part of .NET Framework'; return }
        # What .NET Framework 4.7.2+ and Windows PowerShell 5.1 provide themselves; everything else must be shipped.
        $inbox = @('mscorlib', 'netstandard', 'System', 'System.Core', 'System.Xml', 'System.Xml.Linq', 'System.Data',
            'System.Net.Http', 'System.Numerics', 'System.Runtime.Serialization', 'System.Configuration', 'Microsoft.CSharp',
            'System.Management.Automation', 'System.ComponentModel.Composition', 'System.IO.Compression', 'System.Drawing')
        $dependencies = Join-Path $ModulePath 'dependencies'
        $needed = @{}
        $queue = [Collections.Generic.Queue[string]]::new()
        $queue.Enqueue((Join-Path $ModulePath 'ShortApi.Vidu.dll'))
        $seen = @{}
        while ($queue.Count) {
            $path = $queue.Dequeue()
            if ($seen[$path]) { continue }
            $seen[$path] = $true
            $stream = [IO.File]::OpenRead($path)
            try {
                $pe = [Reflection.PortableExecutable.PEReader]::new($stream)
                $reader = [Reflection.Metadata.PEReaderExtensions]::GetMetadataReader($pe)
                foreach ($handle in $reader.AssemblyReferences) {
                    $reference = $reader.GetAssemblyReference($handle)
                    $name = $reader.GetString($reference.Name)
                    if ($inbox -contains $name) { continue }
                    $candidates = @(@((Join-Path $ModulePath "$name.dll"), (Join-Path $dependencies "$name.dll")) | Where-Object { Test-Path $_ })
                    $candidates | Should -Not -BeNullOrEmpty -Because "$([IO.Path]::GetFileName($path)) references $name $($reference.Version)"
                    $shipped = [Reflection.AssemblyName]::GetAssemblyName($candidates[0]).Version
                    $shipped | Should -BeGreaterOrEqual $reference.Version -Because "$name is referenced at $($reference.Version)"
                    $needed[[IO.Path]::GetFileName($candidates[0])] = $true
                    $queue.Enqueue($candidates[0])
                }
            }
            finally { $stream.Dispose() }
        }
        $needed.Keys | Should -Contain 'System.Text.Json.dll'
        (Get-ChildItem $dependencies -Filter *.dll).Name | Sort-Object | Should -Be (@($needed.Keys | Where-Object { $_ -ne 'ShortApi.Vidu.Core.dll' }) | Sort-Object)
    }

    It 'gives PowerShell 7 the one dependency it lacks, Microsoft.Bcl.TimeProvider, from the dependencies folder' {
        if ($PSEdition -eq 'Desktop') { Set-ItResult -Skipped -Because 'Windows PowerShell resolves every dependency from that folder'; return }
        # A fresh session, so no earlier test has loaded anything: a refused connection still builds the client's
        # retry policy, which waits on a TimeProvider.
        $command = "Import-Module '$ModulePath'; Get-ViduVideoJob -JobId x -BaseUri http://127.0.0.1:9 -ApiKey abcdefgh -NoHistory -ErrorAction SilentlyContinue; " +
            '[AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq ''Microsoft.Bcl.TimeProvider'' } | ForEach-Object Location'
        $result = Invoke-ChildPwshWithin -Command $command
        $result.ExitCode | Should -Be 0 -Because $result.Error
        $result.Output.Trim() | Should -Be (Join-Path $ModulePath 'dependencies/Microsoft.Bcl.TimeProvider.dll')
    }

    It 'keeps the Windows PowerShell-only assemblies out of the folder PowerShell 7 loads from' {
        Get-ChildItem $ModulePath -Filter *.dll | ForEach-Object Name | Sort-Object | Should -Be @('ShortApi.Vidu.Core.dll', 'ShortApi.Vidu.dll')
    }
}

Describe 'Tab completion' {
    It 'offers the modes and resolutions' {
        $line = 'New-ViduVideoJob -Mode '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('pro', 'pro-fast', 'turbo')
        $line = 'Get-ViduPrice -Resolution '
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be @('540p', '720p', '1080p') -Because 'the catalogue lists them from small to large'
    }

    It 'offers the job ids this session has seen' {
        $emulator = Start-ViduEmulator
        try {
            $job = New-ViduVideoJob -Image 'https://example.com/cat.png' -Prompt x -BaseUri $emulator.BaseUri -ApiKey $emulator.ApiKey -NoHistory
            $line = 'Wait-ViduVideoJob -JobId ' + $job.JobId.Substring(0, 6)
            $matches = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
            $matches.CompletionText | Should -Contain $job.JobId
            ($matches | Where-Object CompletionText -EQ $job.JobId).ToolTip | Should -Match 'cat'
        }
        finally { $emulator | Stop-ViduEmulator }
    }
}

Describe 'Objects' {
    It 'have type names the format views select, and a table view with the promised columns' {
        $views = Get-FormatData -TypeName ShortApi.Vidu.VideoJob
        $table = $views.FormatViewDefinition | Where-Object { $_.Control -is [Management.Automation.TableControl] }
        $table.Control.Headers.Label | Should -Be @('JobId', 'Status', 'Spec', 'Amount', 'Source')
        ($views.FormatViewDefinition | Where-Object { $_.Control -is [Management.Automation.ListControl] }) | Should -Not -BeNullOrEmpty
        (Get-FormatData -TypeName ShortApi.Vidu.Pricing.PriceQuote).FormatViewDefinition | Should -Not -BeNullOrEmpty
        (Get-ViduPrice).PSObject.TypeNames[0] | Should -Be 'ShortApi.Vidu.Pricing.PriceQuote'
    }

    It 'show a job''s source picture in an 80-column table, whatever the mode' {
        $job = [pscustomobject]@{ PSTypeName = 'ShortApi.Vidu.VideoJob'; JobId = 'a' * 32; Status = 'Unconfirmed'; Mode = 'pro-fast'; Resolution = '1080p'; Duration = 10; Amount = 0.28; Image = '/pictures/lighthouse.png' }
        $lines = ($job | Format-Table | Out-String -Width 80) -split "`n" | Where-Object { $_.Trim() }
        $lines[0] | Should -Match 'Model: vidu/vidu-q2/image-to-video' -Because 'jobs are grouped by model'
        $lines[1] | Should -Match '^JobId +Status +Spec +Amount +Source'
        $lines[-1] | Should -Match 'lighthouse'
        $lines | ForEach-Object { $_.TrimEnd().Length | Should -BeLessOrEqual 80 }
    }

    It 'show a saved video with its size, job and source picture rather than empty file columns' {
        $path = Join-Path ([IO.Path]::GetTempPath()) ('saved-' + [guid]::NewGuid().ToString('N') + '.mp4')
        [IO.File]::WriteAllBytes($path, [byte[]]::new(15109))
        try {
            $file = [psobject]::AsPSObject([IO.FileInfo]::new($path))
            $file.PSObject.TypeNames.Insert(0, 'ShortApi.Vidu.SavedVideo')
            $file | Add-Member JobId ('b' * 32) -PassThru | Add-Member SourceImage '/pictures/meadow.png'
            $text = $file | Out-String -Width 80
            $text | Should -Match 'Size\s+JobId\s+Source'
            $text | Should -Match '14\.8 KB\s+b{32}\s+meadow\.png'
            $text | Should -Not -Match 'UnixMode'
        }
        finally { Remove-Item $path }
    }
}
