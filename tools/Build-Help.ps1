# Placeholder until the help issue: copies nothing when there is no help source yet.
param([string] $SourceFolder, [string] $ModuleFolder)
