using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Reflection;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// Load-time work for Windows PowerShell 5.1 (.NET Framework), which has no System.Text.Json and no binding
    /// redirects for a module: dependency assemblies are resolved from the module's "dependencies" folder, and
    /// TLS 1.2 is added to the enabled protocols. PowerShell 7 needs neither, so nothing runs there.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly string DependencyFolder =
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "dependencies");

        /// <summary>True on .NET Framework, where the core library is mscorlib.</summary>
        internal static bool IsNetFramework => typeof(object).Assembly.GetName().Name == "mscorlib";

        /// <inheritdoc />
        public void OnImport()
        {
            if (!IsNetFramework) return;
            AppDomain.CurrentDomain.AssemblyResolve += ResolveDependency;
            EnableTls12();
        }

        /// <inheritdoc />
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            if (IsNetFramework) AppDomain.CurrentDomain.AssemblyResolve -= ResolveDependency;
        }

        // Any version request is answered with the shipped copy: .NET Framework would otherwise refuse, say,
        // System.Memory 4.0.1.2 when 4.0.1.1 was asked for, and a module cannot bring binding redirects.
        internal static Assembly? ResolveDependency(object? sender, ResolveEventArgs args)
        {
            var name = new AssemblyName(args.Name).Name;
            if (string.IsNullOrEmpty(name)) return null;
            var path = Path.Combine(DependencyFolder, name + ".dll");
            return File.Exists(path) ? Assembly.LoadFrom(path) : null;
        }

        // Windows PowerShell may start with only SSL3/TLS 1.0 enabled; the API needs TLS 1.2. Add it, keep the rest
        // (including TLS 1.3 where the OS offers it), and leave SystemDefault alone, since that already means the best.
        internal static void EnableTls12()
        {
            var current = ServicePointManager.SecurityProtocol;
            if (current == 0) return;
            if ((current & SecurityProtocolType.Tls12) == 0)
                ServicePointManager.SecurityProtocol = current | SecurityProtocolType.Tls12;
        }
    }
}
