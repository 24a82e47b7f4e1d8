using System;
using System.IO;
using System.Management.Automation;
using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// Load-time work. On PowerShell 7.0-7.3 the import is refused with a clear message (see <see cref="EditionCheck"/>);
    /// PowerShell runs this before it registers any cmdlet, so a refused import leaves nothing half usable.
    /// On Windows PowerShell 5.1 (.NET Framework), which has no System.Text.Json and no binding redirects for a module:
    /// dependency assemblies are resolved from the module's "dependencies" folder, the System.Text.Json the core will
    /// really get is checked (another module may have loaded an older one first), and TLS 1.2 is added.
    /// PowerShell 7.4+ needs none of that but one name: Microsoft.Bcl.TimeProvider, which .NET 8+ folds into its own
    /// library and so cannot offer under that name; only that name is answered there, from the same folder.
    /// </summary>
    public sealed class ModuleInitializer : IModuleAssemblyInitializer, IModuleAssemblyCleanup
    {
        private static readonly Lazy<DependencyFolder> Dependencies = new Lazy<DependencyFolder>(() => new DependencyFolder(
            Path.Combine(Path.GetDirectoryName(typeof(ModuleInitializer).Assembly.Location) ?? ".", "dependencies")));

        // One delegate instance, so OnRemove (and a second import) removes exactly what was added.
        private static readonly ResolveEventHandler Resolver = (sender, args) => Dependencies.Value.Resolve(sender, args);

        // On PowerShell 7: a string test first, so a miss of any other module's assembly costs next to nothing.
        private static readonly ResolveEventHandler TimeProviderResolver = (sender, args) =>
            args.Name != null && args.Name.StartsWith(TimeProviderAssembly + ",", StringComparison.OrdinalIgnoreCase)
                ? Dependencies.Value.Resolve(sender, args)
                : null;

        internal const string TimeProviderAssembly = "Microsoft.Bcl.TimeProvider";

        /// <summary>True on .NET Framework, where the core library is mscorlib.</summary>
        internal static bool IsNetFramework => typeof(object).Assembly.GetName().Name == "mscorlib";

        /// <summary>Tests only: pretend to be this PowerShell version (the edition still comes from the runtime).</summary>
        internal static Version? PowerShellVersionForTests { get; set; }

        /// <inheritdoc />
        public void OnImport()
        {
            var refusal = EditionCheck.Refusal(IsNetFramework ? "Desktop" : "Core", PowerShellVersion());
            if (refusal != null) throw new PSNotSupportedException(refusal);
            if (!IsNetFramework)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= TimeProviderResolver;
                AppDomain.CurrentDomain.AssemblyResolve += TimeProviderResolver;
                return;
            }

            AppDomain.CurrentDomain.AssemblyResolve -= Resolver;
            AppDomain.CurrentDomain.AssemblyResolve += Resolver;
            // Bind System.Text.Json now, through every resolver in the order the core's own first JSON call would meet
            // them: an error here, at import, beats one in the middle of a paid batch.
            var conflict = Dependencies.Value.CheckJson(CoreAssembly(), out _);
            if (conflict != null)
            {
                AppDomain.CurrentDomain.AssemblyResolve -= Resolver;
                throw new PSInvalidOperationException(conflict);
            }
            EnableTls12();
        }

        /// <inheritdoc />
        public void OnRemove(PSModuleInfo psModuleInfo)
        {
            AppDomain.CurrentDomain.AssemblyResolve -= IsNetFramework ? Resolver : TimeProviderResolver;
        }

        // Apart from OnImport and not inlined: naming a core type makes the JIT load it, which must happen after the
        // resolver is in place (the core is found beside this assembly; a type of it may one day need its dependencies).
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static Assembly CoreAssembly() => typeof(ShortApi.Vidu.Client.ViduClient).Assembly;

        /// <summary>$PSVersionTable.PSVersion: PSVersionInfo is public on PowerShell 7 but not in the 5.1 reference assemblies.</summary>
        internal static Version PowerShellVersion()
        {
            if (PowerShellVersionForTests != null) return PowerShellVersionForTests;
            var engine = typeof(PSObject).Assembly;
            var property = engine.GetType("System.Management.Automation.PSVersionInfo")?
                .GetProperty("PSVersion", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic);
            if (property?.GetValue(null) is Version version) return version;
            // The engine's assembly version is major.minor.0.500 on PowerShell 7 and 3.0.0.0 on Windows PowerShell.
            var assembly = engine.GetName().Version ?? new Version(0, 0);
            return IsNetFramework ? EditionCheck.MinimumDesktop : new Version(assembly.Major, assembly.Minor);
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
