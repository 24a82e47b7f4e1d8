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
        $exported | Should -Be @('Get-ViduPrice', 'Get-ViduVideoJob', 'New-ViduVideoJob', 'Save-ViduVideo', 'Wait-ViduVideoJob')
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
