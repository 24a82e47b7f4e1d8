BeforeDiscovery {
    $cmdlets = @('New-ViduVideoJob', 'Get-ViduVideoJob', 'Wait-ViduVideoJob', 'Save-ViduVideo', 'Get-ViduPrice', 'Get-ViduModel', 'Export-ViduGallery') | ForEach-Object { @{ Name = $_ } }
}

BeforeAll {
    . (Join-Path $PSScriptRoot 'TestSetup.ps1')
    $common = [Management.Automation.Cmdlet]::CommonParameters + [Management.Automation.Cmdlet]::OptionalCommonParameters
    # Every parameter a user can see; hidden ones (DontShow: the row that New-ViduVideoJob and Get-ViduPrice keep to
    # name it in errors) are left out of the help on purpose.
    function Get-VisibleParameterNames([string] $Name) {
        (Get-Command $Name).Parameters.Values |
            Where-Object { $common -notcontains $_.Name } |
            Where-Object { -not ($_.Attributes | Where-Object { $_ -is [Management.Automation.ParameterAttribute] -and $_.DontShow }) } |
            ForEach-Object Name
    }
}

Describe 'Help for <Name>' -ForEach $cmdlets {
    BeforeAll {
        $help = Get-Help $Name -Full
        $command = Get-Command $Name
    }

    It 'has a synopsis and a description a person wrote' {
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -Match '\[<CommonParameters>\]' -Because 'PowerShell makes up a synopsis from the syntax when there is no help'
        ($help.description.Text -join ' ').Length | Should -BeGreaterThan 100
    }

    It 'describes every parameter, and no parameter that does not exist' {
        $documented = @($help.parameters.parameter.name)
        $documented | Sort-Object | Should -Be (Get-VisibleParameterNames $Name | Sort-Object)
        foreach ($parameter in $help.parameters.parameter) {
            ($parameter.description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$($parameter.name) needs a description"
        }
    }

    It 'states each parameter''s type, pipeline input and default as the cmdlet has them' {
        foreach ($parameter in $help.parameters.parameter) {
            $metadata = $command.Parameters[$parameter.name]
            $type = [Nullable]::GetUnderlyingType($metadata.ParameterType)
            if ($null -eq $type) { $type = $metadata.ParameterType }
            $parameter.type.name | Should -Match ([regex]::Escape($type.Name.Replace('[]', '')))
            $byValue = [bool]($metadata.Attributes | Where-Object { $_ -is [Management.Automation.ParameterAttribute] -and $_.ValueFromPipeline })
            ($parameter.pipelineInput -match 'ByValue') | Should -Be $byValue -Because "-$($parameter.name) pipeline input"
        }
    }

    It 'has at least two examples, each of which parses and uses only parameters that exist' {
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        $module = (Get-Module ShortApi.Vidu).ExportedCmdlets
        foreach ($example in $help.examples.example) {
            $tokens = $errors = $null
            $ast = [Management.Automation.Language.Parser]::ParseInput($example.code, [ref]$tokens, [ref]$errors)
            $errors | Should -BeNullOrEmpty -Because $example.title
            foreach ($call in $ast.FindAll({ param($n) $n -is [Management.Automation.Language.CommandAst] }, $true)) {
                $used = $call.GetCommandName()
                if (-not $used -or -not $module.ContainsKey($used)) { continue }
                $known = $module[$used].Parameters.Values | ForEach-Object { $_.Name; $_.Aliases }
                foreach ($parameter in $call.CommandElements | Where-Object { $_ -is [Management.Automation.Language.CommandParameterAst] }) {
                    $known | Should -Contain $parameter.ParameterName -Because "$($example.title) uses $used -$($parameter.ParameterName)"
                }
            }
        }
    }

    It 'names its inputs and its output types' {
        $help.inputTypes.inputType | Should -Not -BeNullOrEmpty
        $outputs = @($help.returnValues.returnValue.type.name)
        foreach ($type in $command.OutputType.Name) { $outputs | Should -Contain $type }
    }
}

Describe 'Help for the pipeline' {
    It 'shows the folder pipeline in New-, Wait- and Save-' {
        foreach ($name in 'New-ViduVideoJob', 'Wait-ViduVideoJob', 'Save-ViduVideo') {
            $pipelines = (Get-Help $name -Examples).examples.example.code | Where-Object { $_ -match '(?s)Get-ChildItem.*?\|\s*New-ViduVideoJob.*?\|' }
            $pipelines | Should -Not -BeNullOrEmpty -Because "$name should show Get-ChildItem | New-ViduVideoJob | …"
        }
    }

    It 'has an about topic with set-up, the key, prices, faults and the emulator' {
        $about = Get-Content -Raw (Join-Path $ModulePath 'en-US/about_ShortApi.Vidu.help.txt')
        foreach ($word in 'SHORTAPI_KEY', 'SHORTAPI_BASE_URL', 'SHORTAPI_HISTORY_PATH', 'MaxCost', 'Retry-After', 'emulator') { $about | Should -Match $word }
        (Get-Help about_ShortApi.Vidu | Out-String) | Should -Match 'SHORTAPI_KEY'
    }
}
