<#
.SYNOPSIS
    Turns the Markdown help in docs/help into MAML (en-US/ShortApi.Vidu.dll-Help.xml) and about_ShortApi.Vidu.help.txt.
.DESCRIPTION
    PlatyPS is not available here, so this does its job for the subset of Markdown the help uses. People write
    the prose (synopsis, description, examples, what each parameter means); everything PowerShell already knows
    about a parameter (type, position, pipeline input, aliases, accepted values, default) is read from the
    staged module itself, so the help cannot drift from the code. The Pester help test checks that every
    parameter has prose.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [string] $SourceFolder,
    [Parameter(Mandatory)] [string] $ModuleFolder
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$MamlNamespaces = [ordered]@{
    maml    = 'http://schemas.microsoft.com/maml/2004/10'
    command = 'http://schemas.microsoft.com/maml/dev/command/2004/10'
    dev     = 'http://schemas.microsoft.com/maml/dev/2004/10'
}

function Split-Paragraphs([string[]] $Lines) {
    # Blank lines separate paragraphs; a line starting with "- " is a paragraph of its own (short lists).
    $paragraphs = [Collections.Generic.List[string]]::new()
    $current = [Collections.Generic.List[string]]::new()
    foreach ($line in $Lines) {
        if ([string]::IsNullOrWhiteSpace($line) -or $line -match '^\s*- ') {
            if ($current.Count) { $paragraphs.Add(($current -join ' ').Trim()); $current.Clear() }
            if ($line -match '^\s*- ') { $current.Add($line.Trim()) }
            continue
        }
        $current.Add($line.Trim())
    }
    if ($current.Count) { $paragraphs.Add(($current -join ' ').Trim()) }
    , $paragraphs.ToArray()
}

function Read-HelpMarkdown([string] $Path) {
    $doc = [ordered]@{ Name = ''; Synopsis = @(); Description = @(); Examples = @(); Parameters = [ordered]@{}; Inputs = @(); Outputs = @(); Notes = @(); Links = @() }
    $section = ''; $subsection = ''; $buffer = [Collections.Generic.List[string]]::new()
    $inFence = $false; $fence = [Collections.Generic.List[string]]::new(); $example = $null

    $flush = {
        $lines = $buffer.ToArray(); $buffer.Clear()
        switch ($section) {
            'SYNOPSIS' { $doc.Synopsis += Split-Paragraphs $lines }
            'DESCRIPTION' { $doc.Description += Split-Paragraphs $lines }
            'NOTES' { $doc.Notes += Split-Paragraphs $lines }
            'EXAMPLES' { if ($example) { $example.Remarks += Split-Paragraphs $lines } }
            'PARAMETERS' { if ($subsection) { $doc.Parameters[$subsection] = @($doc.Parameters[$subsection]) + (Split-Paragraphs $lines) | Where-Object { $_ } } }
            'INPUTS' { if ($subsection) { $doc.Inputs += [pscustomobject]@{ Type = $subsection; Text = Split-Paragraphs $lines } } }
            'OUTPUTS' { if ($subsection) { $doc.Outputs += [pscustomobject]@{ Type = $subsection; Text = Split-Paragraphs $lines } } }
            'RELATED LINKS' { $doc.Links += $lines | Where-Object { $_ -match '^\s*- ' } | ForEach-Object { ($_ -replace '^\s*-\s*', '').Trim() } }
        }
    }

    foreach ($line in Get-Content -LiteralPath $Path) {
        if ($line -match '^```') {
            if ($inFence) {
                $inFence = $false
                if ($section -eq 'EXAMPLES' -and $example) {
                    $text = ($fence -join "`n").TrimEnd()
                    if (-not $example.Code) { $example.Code = $text } else { $example.Remarks += , $text }
                }
                else { $buffer.AddRange([string[]]($fence | ForEach-Object { "    $_" })) }
                $fence.Clear()
            }
            else { & $flush; $inFence = $true }
            continue
        }
        if ($inFence) { $fence.Add($line); continue }
        if ($line -match '^# (.+)$') { $doc.Name = $Matches[1].Trim(); continue }
        if ($line -match '^## (.+)$') { & $flush; $section = $Matches[1].Trim().ToUpperInvariant(); $subsection = ''; continue }
        if ($line -match '^### (.+)$') {
            & $flush
            $subsection = $Matches[1].Trim()
            if ($section -eq 'PARAMETERS') { $subsection = $subsection.TrimStart('-'); $doc.Parameters[$subsection] = @() }
            if ($section -eq 'EXAMPLES') { $example = [pscustomobject]@{ Title = $subsection; Code = ''; Remarks = @() }; $doc.Examples += $example }
            continue
        }
        $buffer.Add($line)
    }
    & $flush
    [pscustomobject]$doc
}

function Get-TypeName([type] $Type) {
    $inner = [Nullable]::GetUnderlyingType($Type)
    if ($inner) { $Type = $inner }
    if ($Type.IsArray) { return (Get-TypeName $Type.GetElementType()) + '[]' }
    $Type.Name
}

function Get-DefaultText($Instance, [string] $Name, [type] $Type) {
    $property = $Instance.GetType().GetProperty($Name)
    $value = if ($property) { $property.GetValue($Instance) } else { $null }
    if ($Type -eq [Management.Automation.SwitchParameter]) { return 'False' }
    if ($null -eq $value) { return 'None' }
    if ($value -is [Array]) { if ($value.Length -eq 0) { return 'None' } return ($value -join ', ') }
    if ($value -is [string] -and $value -eq '') { return 'None' }
    [string]$value
}

function Write-Para([Xml.XmlWriter] $Writer, [string[]] $Paragraphs) {
    foreach ($p in $Paragraphs) { $Writer.WriteElementString('maml', 'para', $MamlNamespaces.maml, $p) }
}

function Write-Parameter([Xml.XmlWriter] $Writer, $Command, $Metadata, $SetAttribute, [string[]] $Text, $Instance) {
    $type = $Metadata.ParameterType
    $isSwitch = $type -eq [Management.Automation.SwitchParameter]
    $byValue = $SetAttribute.ValueFromPipeline; $byName = $SetAttribute.ValueFromPipelineByPropertyName
    $pipeline = if ($byValue -and $byName) { 'True (ByValue, ByPropertyName)' } elseif ($byValue) { 'True (ByValue)' } elseif ($byName) { 'True (ByPropertyName)' } else { 'False' }
    $position = if ($SetAttribute.Position -ge 0) { [string]$SetAttribute.Position } else { 'named' }
    $Writer.WriteStartElement('command', 'parameter', $MamlNamespaces.command)
    $Writer.WriteAttributeString('required', $SetAttribute.Mandatory.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('variableLength', $type.IsArray.ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('globbing', ($Metadata.Name -eq 'Image').ToString().ToLowerInvariant())
    $Writer.WriteAttributeString('pipelineInput', $pipeline)
    $Writer.WriteAttributeString('position', $position)
    $Writer.WriteAttributeString('aliases', $(if ($Metadata.Aliases.Count) { $Metadata.Aliases -join ', ' } else { 'none' }))
    $Writer.WriteElementString('maml', 'name', $MamlNamespaces.maml, $Metadata.Name)
    $Writer.WriteStartElement('maml', 'description', $MamlNamespaces.maml); Write-Para $Writer $Text; $Writer.WriteEndElement()
    $set = $Metadata.Attributes | Where-Object { $_ -is [Management.Automation.ValidateSetAttribute] } | Select-Object -First 1
    if ($set) {
        $Writer.WriteStartElement('command', 'parameterValueGroup', $MamlNamespaces.command)
        foreach ($value in $set.ValidValues) {
            $Writer.WriteStartElement('command', 'parameterValue', $MamlNamespaces.command)
            $Writer.WriteAttributeString('required', 'false'); $Writer.WriteAttributeString('variableLength', 'false')
            $Writer.WriteString($value); $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }
    if (-not $isSwitch) {
        $Writer.WriteStartElement('command', 'parameterValue', $MamlNamespaces.command)
        $Writer.WriteAttributeString('required', 'true'); $Writer.WriteAttributeString('variableLength', $type.IsArray.ToString().ToLowerInvariant())
        $Writer.WriteString((Get-TypeName $type)); $Writer.WriteEndElement()
    }
    $Writer.WriteStartElement('dev', 'type', $MamlNamespaces.dev)
    $Writer.WriteElementString('maml', 'name', $MamlNamespaces.maml, (Get-TypeName $type))
    $Writer.WriteElementString('maml', 'uri', $MamlNamespaces.maml, '')
    $Writer.WriteEndElement()
    $Writer.WriteElementString('dev', 'defaultValue', $MamlNamespaces.dev, (Get-DefaultText $Instance $Metadata.Name $type))
    $Writer.WriteEndElement()
}

function Get-VisibleParameters($Command) {
    $common = [Management.Automation.Cmdlet]::CommonParameters + [Management.Automation.Cmdlet]::OptionalCommonParameters
    foreach ($p in $Command.Parameters.Values) {
        if ($common -contains $p.Name) { continue }
        $hidden = $p.Attributes | Where-Object { $_ -is [Management.Automation.ParameterAttribute] -and $_.DontShow }
        if ($hidden) { continue }
        $p
    }
}

function Write-CommandHelp([Xml.XmlWriter] $Writer, $Command, $Doc) {
    $instance = [Activator]::CreateInstance($Command.ImplementingType)
    $visible = @(Get-VisibleParameters $Command)
    $missing = @($visible | Where-Object { -not $Doc.Parameters.Contains($_.Name) } | ForEach-Object Name)
    if ($missing) { Write-Warning "$($Command.Name): no help text for -$($missing -join ', -')" }

    $Writer.WriteStartElement('command', 'command', $MamlNamespaces.command)
    foreach ($prefix in $MamlNamespaces.Keys) { $Writer.WriteAttributeString('xmlns', $prefix, $null, $MamlNamespaces[$prefix]) }
    $Writer.WriteStartElement('command', 'details', $MamlNamespaces.command)
    $Writer.WriteElementString('command', 'name', $MamlNamespaces.command, $Command.Name)
    $Writer.WriteElementString('command', 'verb', $MamlNamespaces.command, $Command.Verb)
    $Writer.WriteElementString('command', 'noun', $MamlNamespaces.command, $Command.Noun)
    $Writer.WriteStartElement('maml', 'description', $MamlNamespaces.maml); Write-Para $Writer $Doc.Synopsis; $Writer.WriteEndElement()
    $Writer.WriteEndElement()
    $Writer.WriteStartElement('maml', 'description', $MamlNamespaces.maml); Write-Para $Writer $Doc.Description; $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'syntax', $MamlNamespaces.command)
    $sets = @($Command.ParameterSets | Sort-Object { -not $_.IsDefault })
    foreach ($set in $sets) {
        $Writer.WriteStartElement('command', 'syntaxItem', $MamlNamespaces.command)
        $Writer.WriteElementString('maml', 'name', $MamlNamespaces.maml, $Command.Name)
        $index = 0
        $inSet = foreach ($p in $visible) {
            $attribute = $p.Attributes | Where-Object { $_ -is [Management.Automation.ParameterAttribute] -and ($_.ParameterSetName -eq $set.Name -or $_.ParameterSetName -eq '__AllParameterSets') } | Select-Object -First 1
            if ($attribute) { [pscustomobject]@{ Parameter = $p; Attribute = $attribute; Index = $index++ } }
        }
        # Positional first, then mandatory, then the rest in the order the cmdlet declares them.
        $order = { if ($_.Attribute.Position -ge 0) { $_.Attribute.Position } elseif ($_.Attribute.Mandatory) { 1000 + $_.Index } else { 2000 + $_.Index } }
        foreach ($entry in @($inSet | Sort-Object $order)) {
            Write-Parameter $Writer $Command $entry.Parameter $entry.Attribute $Doc.Parameters[$entry.Parameter.Name] $instance
        }
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'parameters', $MamlNamespaces.command)
    $ordered = @($Doc.Parameters.Keys | ForEach-Object { $name = $_; $visible | Where-Object Name -EQ $name }) + @($visible | Where-Object { -not $Doc.Parameters.Contains($_.Name) })
    foreach ($p in $ordered) {
        $attribute = $p.Attributes | Where-Object { $_ -is [Management.Automation.ParameterAttribute] } | Select-Object -First 1
        Write-Parameter $Writer $Command $p $attribute $Doc.Parameters[$p.Name] $instance
    }
    $Writer.WriteEndElement()

    foreach ($kind in @(@{ List = $Doc.Inputs; Outer = 'inputTypes'; Inner = 'inputType' }, @{ List = $Doc.Outputs; Outer = 'returnValues'; Inner = 'returnValue' })) {
        $Writer.WriteStartElement('command', $kind.Outer, $MamlNamespaces.command)
        foreach ($item in $kind.List) {
            $Writer.WriteStartElement('command', $kind.Inner, $MamlNamespaces.command)
            $Writer.WriteStartElement('dev', 'type', $MamlNamespaces.dev)
            $Writer.WriteElementString('maml', 'name', $MamlNamespaces.maml, $item.Type)
            $Writer.WriteEndElement()
            $Writer.WriteStartElement('maml', 'description', $MamlNamespaces.maml); Write-Para $Writer $item.Text; $Writer.WriteEndElement()
            $Writer.WriteEndElement()
        }
        $Writer.WriteEndElement()
    }

    $Writer.WriteStartElement('maml', 'alertSet', $MamlNamespaces.maml)
    $Writer.WriteStartElement('maml', 'alert', $MamlNamespaces.maml); Write-Para $Writer $Doc.Notes; $Writer.WriteEndElement()
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'examples', $MamlNamespaces.command)
    foreach ($example in $Doc.Examples) {
        $Writer.WriteStartElement('command', 'example', $MamlNamespaces.command)
        $Writer.WriteElementString('maml', 'title', $MamlNamespaces.maml, "-------------------------- $($example.Title) --------------------------")
        $Writer.WriteElementString('dev', 'code', $MamlNamespaces.dev, $example.Code)
        $Writer.WriteStartElement('dev', 'remarks', $MamlNamespaces.dev); Write-Para $Writer $example.Remarks; $Writer.WriteEndElement()
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()

    $Writer.WriteStartElement('command', 'relatedLinks', $MamlNamespaces.command)
    foreach ($link in $Doc.Links) {
        $Writer.WriteStartElement('maml', 'navigationLink', $MamlNamespaces.maml)
        $Writer.WriteElementString('maml', 'linkText', $MamlNamespaces.maml, $link)
        $Writer.WriteElementString('maml', 'uri', $MamlNamespaces.maml, '')
        $Writer.WriteEndElement()
    }
    $Writer.WriteEndElement()
    $Writer.WriteEndElement()
}

function Convert-AboutTopic([string] $Source, [string] $Destination) {
    # about_*.help.txt is plain text: headings in capitals, text indented, code kept as written.
    $out = [Collections.Generic.List[string]]::new()
    $inFence = $false
    foreach ($line in Get-Content -LiteralPath $Source) {
        if ($line -match '^```') { $inFence = -not $inFence; continue }
        if ($inFence) { $out.Add('        ' + $line); continue }
        if ($line -match '^# (.+)$') { $out.Add('TOPIC'); $out.Add('    ' + $Matches[1].Trim()); continue }
        if ($line -match '^## (.+)$') { $out.Add(''); $out.Add($Matches[1].Trim().ToUpperInvariant()); continue }
        if ($line -match '^### (.+)$') { $out.Add(''); $out.Add('  ' + $Matches[1].Trim().ToUpperInvariant()); continue }
        $out.Add($(if ($line.Trim()) { '    ' + $line } else { '' }))
    }
    Set-Content -LiteralPath $Destination -Value $out -Encoding utf8
}

if (-not (Test-Path $SourceFolder)) { return }
$helpFolder = Join-Path $ModuleFolder 'en-US'
$null = New-Item -ItemType Directory -Force $helpFolder

$about = Get-ChildItem $SourceFolder -Filter 'about_*.md'
foreach ($topic in $about) { Convert-AboutTopic $topic.FullName (Join-Path $helpFolder ($topic.BaseName + '.help.txt')) }

$sources = Get-ChildItem $SourceFolder -Filter '*-*.md'
if (-not $sources) { return }
# Read the cmdlets' metadata from the staged assembly in a child PowerShell would be cleaner, but the metadata
# is the same in this process, and importing here keeps the build fast.
$module = Import-Module (Join-Path $ModuleFolder 'ShortApi.Vidu.dll') -PassThru -Force -DisableNameChecking
try {
    $settings = [Xml.XmlWriterSettings]::new()
    $settings.Indent = $true
    $settings.Encoding = [Text.UTF8Encoding]::new($false)
    $writer = [Xml.XmlWriter]::Create((Join-Path $helpFolder 'ShortApi.Vidu.dll-Help.xml'), $settings)
    try {
        $writer.WriteStartDocument()
        $writer.WriteStartElement('helpItems', 'http://msh')
        $writer.WriteAttributeString('schema', 'maml')
        foreach ($source in $sources | Sort-Object Name) {
            $doc = Read-HelpMarkdown $source.FullName
            $command = $module.ExportedCmdlets[$doc.Name]
            if (-not $command) { throw "docs/help/$($source.Name) describes '$($doc.Name)', which the module does not export." }
            Write-CommandHelp $writer $command $doc
        }
        $writer.WriteEndElement()
        $writer.WriteEndDocument()
    }
    finally { $writer.Dispose() }
}
finally { Remove-Module $module -Force }
