<#
.SYNOPSIS
    Shows, on the runtime of PowerShell 7.0, why PowerShell 7.0-7.3 cannot load the module's System.Text.Json 8.
.DESCRIPTION
    A manual probe (Linux x64, not part of the test suite; it downloads the .NET Core 3.1.3 runtime pack, about
    30 MB, from NuGet). No PowerShell older than 7.6.9 is served here, so this stands in for one: it assembles a
    .NET Core 3.1.3 runtime from the runtime pack, and runs a small program on it that loads ShortApi.Vidu.Core.dll
    from the staged module the way PowerShell 7 loads a module's assemblies (a Resolving handler on the default load
    context that probes the module folder), then creates a job on the emulator. Run twice: with every assembly in
    the default context (what PowerShell 7.0-7.3 would do), and with the dependencies in their own
    AssemblyLoadContext (the alternative the module does not take). Prints what each run did.
.EXAMPLE
    dotnet pwsh ./build.ps1 Build; dotnet pwsh ./tools/Probe-NetCore31.ps1
#>
$ErrorActionPreference = 'Stop'
$root = Split-Path -Parent $PSScriptRoot
$module = Join-Path $root 'out/ShortApi.Vidu'
$work = Join-Path ([IO.Path]::GetTempPath()) 'vidu-netcore31'
Import-Module (Join-Path $root 'tools/ViduDev.psm1') -Force
$null = New-Item -ItemType Directory -Force (Join-Path $work 'restore'), (Join-Path $work 'app')

# 1. The runtime pack, restored by a throwaway project, made into a runtime the dotnet host can run.
Set-Content (Join-Path $work 'restore/r.csproj') '<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><TargetFramework>net10.0</TargetFramework><NuGetAudit>false</NuGetAudit></PropertyGroup><ItemGroup><PackageDownload Include="Microsoft.NETCore.App.Runtime.linux-x64" Version="[3.1.3]" /></ItemGroup></Project>'
& dotnet restore (Join-Path $work 'restore/r.csproj') -v quiet
$packages = ((& dotnet nuget locals global-packages -l) -replace '^global-packages:\s*', '').Trim()
$pack = Join-Path $packages 'microsoft.netcore.app.runtime.linux-x64/3.1.3/runtimes/linux-x64'
$dotnetRoot = Join-Path $work 'dotnet'
$shared = Join-Path $dotnetRoot 'shared/Microsoft.NETCore.App/3.1.3'
$null = New-Item -ItemType Directory -Force $shared, (Join-Path $dotnetRoot 'host/fxr/3.1.3')
Copy-Item (Join-Path $pack 'lib/netcoreapp3.1/*'), (Join-Path $pack 'native/*') $shared -Force
Copy-Item (Join-Path $pack 'native/libhostfxr.so') (Join-Path $dotnetRoot 'host/fxr/3.1.3') -Force
Copy-Item (Get-Command dotnet).Source $dotnetRoot -Force
# The host needs the framework's deps.json, which a runtime pack does not carry: list every file as the framework's.
$files = Get-ChildItem $shared -File | Where-Object Name -NE 'Microsoft.NETCore.App.deps.json'
$runtime = [ordered]@{}; $native = [ordered]@{}
foreach ($f in $files) { if ($f.Extension -eq '.dll') { $runtime[$f.Name] = @{} } elseif ($f.Extension -eq '.so') { $native[$f.Name] = @{} } }
$lib = 'runtimepack.Microsoft.NETCore.App.Runtime.linux-x64/3.1.3'
@{ runtimeTarget = @{ name = '.NETCoreApp,Version=v3.1/linux-x64'; signature = '' }; compilationOptions = @{}
   targets = @{ '.NETCoreApp,Version=v3.1' = @{}; '.NETCoreApp,Version=v3.1/linux-x64' = @{ $lib = @{ runtime = $runtime; native = $native } } }
   libraries = @{ $lib = @{ type = 'runtimepack'; serviceable = $false; sha512 = '' } } } |
    ConvertTo-Json -Depth 8 | Set-Content (Join-Path $shared 'Microsoft.NETCore.App.deps.json')

# 2. The program: compiled against the staged core, which it does not carry (as a module's host does not).
$app = Join-Path $work 'app'
Set-Content (Join-Path $app 'app.csproj') @"
<Project Sdk="Microsoft.NET.Sdk"><PropertyGroup><OutputType>Exe</OutputType><TargetFramework>netcoreapp3.1</TargetFramework>
<RuntimeFrameworkVersion>3.1.3</RuntimeFrameworkVersion><CheckEolTargetFramework>false</CheckEolTargetFramework><NuGetAudit>false</NuGetAudit><Nullable>disable</Nullable></PropertyGroup>
<ItemGroup><Reference Include="ShortApi.Vidu.Core"><HintPath>$module/ShortApi.Vidu.Core.dll</HintPath><Private>false</Private></Reference></ItemGroup></Project>
"@
Set-Content (Join-Path $app 'Program.cs') @'
using System; using System.IO; using System.Linq; using System.Reflection; using System.Runtime.Loader;
using ShortApi.Vidu.Client;
static class Program {
  sealed class Dependencies : AssemblyLoadContext {
    readonly string _folder; public Dependencies(string folder) { _folder = folder; }
    protected override Assembly Load(AssemblyName n) { var p = Path.Combine(_folder, n.Name + ".dll"); return File.Exists(p) ? LoadFromAssemblyPath(p) : null; }
  }
  static int Main(string[] a) {
    string module = a[0], mode = a[1];
    var isolated = new Dependencies(Path.Combine(module, "dependencies"));
    AssemblyLoadContext.Default.Resolving += (context, name) => {
      Console.WriteLine($"  Resolving {name}");
      foreach (var dir in new[] { module, Path.Combine(module, "dependencies") }) {
        var p = Path.Combine(dir, name.Name + ".dll");
        if (File.Exists(p)) return (mode == "isolated" && dir != module ? isolated : context).LoadFromAssemblyPath(p);
      }
      return null;
    };
    var tpa = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator).First(p => p.EndsWith("System.Text.Json.dll"));
    Console.WriteLine($"runtime {Environment.Version}, its System.Text.Json {AssemblyName.GetAssemblyName(tpa).Version}; mode {mode}");
    try { return Create(a); }
    catch (Exception ex) { Console.WriteLine($"  failed: {ex.GetType().FullName}: {ex.Message}"); return 1; }
  }
  // Apart from Main, so the core is first needed after the Resolving handler is in place.
  [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
  static int Create(string[] a) {
    var client = new ViduClient(new ViduClientOptions(a[4]) { BaseUri = new Uri(a[2]), HistoryPath = Path.Combine(Path.GetTempPath(), "vidu-netcore31.jsonl") });
    var job = client.CreateJobAsync(new VideoRequest(a[3], "x") { Mode = "turbo", Duration = 4 }).GetAwaiter().GetResult();
    Console.WriteLine($"  created {job.JobId}"); return 0;
  }
}
'@
& dotnet build $app -c Release -v quiet --nologo '-clp:ErrorsOnly'
if ($LASTEXITCODE -ne 0) { throw 'The probe program did not build.' }

# 3. Both runs against the emulator, on the assembled runtime.
$emulator = Start-ViduEmulator
try {
    $env:DOTNET_ROOT = $dotnetRoot
    $env:DOTNET_SYSTEM_GLOBALIZATION_INVARIANT = '1' # .NET Core 3.1 predates this system's ICU; culture data is not the point
    foreach ($mode in 'default-context', 'isolated') {
        & (Join-Path $dotnetRoot 'dotnet') (Join-Path $app 'bin/Release/netcoreapp3.1/app.dll') $module $mode $emulator.BaseUri (Join-Path $root 'samples/images/meadow.png') $emulator.ApiKey
    }
}
finally {
    $emulator | Stop-ViduEmulator
    Remove-Item Env:DOTNET_ROOT, Env:DOTNET_SYSTEM_GLOBALIZATION_INVARIANT -ErrorAction SilentlyContinue
}
