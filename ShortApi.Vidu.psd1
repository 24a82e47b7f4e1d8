@{
    RootModule           = 'ShortApi.Vidu.dll'
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    GUID                 = '6eae2a32-41ef-4ed1-a42c-29faca3f69c7'
    Author               = 'ShortApi.Vidu contributors'
    CompanyName          = 'ShortApi.Vidu contributors'
    Copyright            = '(c) 2026 ShortApi.Vidu contributors. MIT License.'
    Description          = 'Turns pictures (and prompts) into videos with every Vidu model ShortAPI serves (Q2 and Q3: image, start-end, text and reference to video): pipeline cmdlets that submit, wait and download concurrently, price estimates and a budget guard, retries that never pay twice, and a job history that never loses a paid job.'
    # 5.1 is the floor for Windows PowerShell (Desktop); for PowerShell (Core) the floor is 7.4. PowerShell 7.0-7.3 run
    # on .NET whose own System.Text.Json (4.0-7.0) is older than the 8.0 the core is built on, and a module cannot load
    # a newer one beside it. One PowerShellVersion cannot say "5.1 for Desktop, 7.4 for Core", so this says 5.1 and the
    # module's initializer refuses 7.0-7.3 at import, saying why and how to update (src/ShortApi.Vidu/Module/EditionCheck.cs).
    PowerShellVersion    = '5.1'
    # Windows PowerShell only: a netstandard2.0 assembly needs the facades that .NET Framework 4.7.2 ships.
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('ShortApi.Vidu.format.ps1xml')
    CmdletsToExport      = @(
        'New-ViduVideoJob'
        'Get-ViduVideoJob'
        'Wait-ViduVideoJob'
        'Save-ViduVideo'
        'Get-ViduPrice'
        'Get-ViduModel'
        'Export-ViduGallery'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('ShortAPI', 'Vidu', 'Video', 'AI', 'ImageToVideo', 'GenerativeAI', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/shortapi-vidu/ShortApi.Vidu'
            LicenseUri   = 'https://github.com/shortapi-vidu/ShortApi.Vidu/blob/main/LICENSE'
            ReleaseNotes = 'First release: New-, Get-, Wait-ViduVideoJob, Save-ViduVideo and Get-ViduPrice.'
        }
    }
}
