@{
    RootModule        = 'StartupFloor.dll'
    ModuleVersion     = '1.0.0'
    GUID              = '0f6a3c1e-5b7d-4c2a-9e8f-1a2b3c4d5e6f'
    FormatsToProcess  = @('StartupFloor.format.ps1xml')
    CmdletsToExport   = @('Get-StartupFloor')
    FunctionsToExport = @()
    VariablesToExport = @()
    AliasesToExport   = @()
}
