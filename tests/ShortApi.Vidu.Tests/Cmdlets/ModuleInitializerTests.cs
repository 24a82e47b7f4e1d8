#pragma warning disable SYSLIB0014 // ServicePointManager is what .NET Framework uses; the test runs the same code here.
using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using System.Reflection;
using ShortApi.Vidu.Commands;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    [Collection("Environment")]
    public class ModuleInitializerTests
    {
        [Fact]
        public void Tls12_is_added_without_removing_newer_protocols()
        {
            var saved = ServicePointManager.SecurityProtocol;
            try
            {
                ServicePointManager.SecurityProtocol = SecurityProtocolType.Tls13 | SecurityProtocolType.Tls11;
                ModuleInitializer.EnableTls12();
                Assert.Equal(SecurityProtocolType.Tls13 | SecurityProtocolType.Tls11 | SecurityProtocolType.Tls12, ServicePointManager.SecurityProtocol);
            }
            finally
            {
                ServicePointManager.SecurityProtocol = saved;
            }
        }

        [Fact]
        public void The_system_default_is_left_alone()
        {
            var saved = ServicePointManager.SecurityProtocol;
            try
            {
                ServicePointManager.SecurityProtocol = SecurityProtocolType.SystemDefault;
                ModuleInitializer.EnableTls12();
                Assert.Equal(SecurityProtocolType.SystemDefault, ServicePointManager.SecurityProtocol);
            }
            finally
            {
                ServicePointManager.SecurityProtocol = saved;
            }
        }

        [Fact]
        public void On_powershell_7_nothing_is_hooked() => Assert.False(ModuleInitializer.IsNetFramework);

        // The real Import-Module on this PowerShell, told it is 7.3: the initializer's refusal is the import's error,
        // and no cmdlet is left behind. (The collection runs alone, so no other runspace sees the pretend version.)
        [Fact]
        public void On_powershell_7_3_the_import_fails_with_the_reason_and_leaves_no_cmdlet()
        {
            var module = typeof(ModuleInitializer).Assembly.Location;
            ModuleInitializer.PowerShellVersionForTests = new Version(7, 3, 12);
            try
            {
                using var runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
                runspace.Open();
                using var shell = PowerShell.Create();
                shell.Runspace = runspace;
                shell.AddScript("param($m) try { Import-Module $m -ErrorAction Stop; 'imported' } catch { $_.FullyQualifiedErrorId; $_.Exception.Message }; " +
                                "@(Get-Module ShortApi.Vidu).Count; @(Get-Command New-ViduVideoJob -ErrorAction SilentlyContinue).Count")
                    .AddArgument(module);
                var output = shell.Invoke().Select(o => o.BaseObject).ToList();
                Assert.Equal("NotSupported,Microsoft.PowerShell.Commands.ImportModuleCommand", output[0]);
                Assert.StartsWith("ShortApi.Vidu needs PowerShell 7.4 or later, or Windows PowerShell 5.1; this is PowerShell 7.3.12.", (string)output[1]);
                Assert.Equal(new object[] { 0, 0 }, output.Skip(2));
            }
            finally
            {
                ModuleInitializer.PowerShellVersionForTests = null;
            }
        }

        // The resolver answers from the folder for the same or a lower version (a module has no binding redirects), and
        // leaves a request for a newer version than shipped to others rather than hand out an older copy.
        [Fact]
        public void The_dependency_folder_answers_only_with_a_copy_at_least_as_new_as_asked_for()
        {
            var folder = Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!;
            var dependencies = new DependencyFolder(folder);
            var shipped = AssemblyName.GetAssemblyName(Path.Combine(folder, "ShortApi.Vidu.Core.dll")).Version!;
            Assembly? Ask(Version version) => dependencies.Resolve(null, new ResolveEventArgs($"ShortApi.Vidu.Core, Version={version}, Culture=neutral, PublicKeyToken=null"));
            Assert.Equal("ShortApi.Vidu.Core", Ask(shipped)?.GetName().Name);
            Assert.Equal("ShortApi.Vidu.Core", Ask(new Version(0, 0, 0, 1))?.GetName().Name);
            Assert.Null(Ask(new Version(shipped.Major + 1, 0, 0, 0)));
            Assert.Null(dependencies.Resolve(null, new ResolveEventArgs("Not.Shipped, Version=1.0.0.0")));
        }

        [Fact]
        public void The_system_text_json_check_binds_what_the_core_references()
        {
            var dependencies = new DependencyFolder(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location)!);
            Assert.Null(dependencies.CheckJson(typeof(ShortApi.Vidu.Client.ViduClient).Assembly, out var bound));
            Assert.Equal("System.Text.Json", bound!.GetName().Name);
            Assert.True(bound.GetName().Version >= new Version(8, 0, 0, 0));
        }
    }
}
