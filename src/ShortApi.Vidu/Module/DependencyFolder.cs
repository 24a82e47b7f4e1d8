using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// The module's "dependencies" folder on .NET Framework: answers assembly requests from it, and checks which
    /// System.Text.Json the core will really get. No PowerShell types here, on purpose: samples/ClientSample compiles
    /// this same file into its net472 build, so the Mono check in build.ps1 Test runs exactly this code.
    /// </summary>
    internal sealed class DependencyFolder
    {
        private readonly Dictionary<string, (string Path, Version Version)> _shipped =
            new Dictionary<string, (string, Version)>(StringComparer.OrdinalIgnoreCase);

        public DependencyFolder(string folder)
        {
            Folder = folder;
            if (!Directory.Exists(folder)) return;
            foreach (var path in Directory.GetFiles(folder, "*.dll"))
            {
                var name = AssemblyName.GetAssemblyName(path);
                if (name.Name != null && name.Version != null) _shipped[name.Name] = (path, name.Version);
            }
        }

        public string Folder { get; }

        public bool Contains(string name) => _shipped.ContainsKey(name);

        /// <summary>
        /// An AssemblyResolve handler. A module cannot bring binding redirects, so a request for a lower version than
        /// shipped (System.Memory asks for Unsafe 4.0.4.1; 6.0.0.0 is shipped) is answered with the shipped copy. A
        /// request for a higher version is left to others: handing another module an older library than it was built
        /// against is exactly the trouble <see cref="CheckJson"/> guards the core from.
        /// </summary>
        public Assembly? Resolve(object? sender, ResolveEventArgs args)
        {
            var requested = new AssemblyName(args.Name);
            if (requested.Name == null || !_shipped.TryGetValue(requested.Name, out var shipped)) return null;
            if (requested.Version != null && shipped.Version < requested.Version) return null;
            return Assembly.LoadFrom(shipped.Path);
        }

        /// <summary>
        /// Binds the System.Text.Json that <paramref name="core"/> references, the way the core itself will bind it
        /// (same name, same AssemblyResolve handlers in the same order), and returns why the module cannot run with
        /// it, or null. <paramref name="bound"/> is what was loaded (null when nothing could be).
        /// </summary>
        public string? CheckJson(Assembly core, out Assembly? bound)
        {
            bound = null;
            var required = core.GetReferencedAssemblies().FirstOrDefault(r => r.Name == "System.Text.Json");
            if (required == null) return null;
            try
            {
                bound = Assembly.Load(required);
            }
            catch (Exception ex) when (ex is FileNotFoundException || ex is FileLoadException || ex is BadImageFormatException)
            {
                return $"ShortApi.Vidu could not load System.Text.Json {required.Version} ({ex.Message}). " +
                       $"Its folder '{Folder}' may be incomplete: reinstall the module.";
            }
            return JsonConflict(required.Version, bound.GetName().Version, bound.Location);
        }

        /// <summary>
        /// Why a System.Text.Json older than the core was built against must not be used, or null when
        /// <paramref name="bound"/> is at least <paramref name="required"/>. Pure, for the unit tests.
        /// </summary>
        public static string? JsonConflict(Version? required, Version? bound, string? location)
        {
            if (required == null || bound == null || bound >= required) return null;
            var from = string.IsNullOrEmpty(location) ? string.Empty : $" from '{location}'";
            return $"ShortApi.Vidu needs System.Text.Json {required} or later, but another module loaded System.Text.Json {bound}{from} " +
                   "before ShortApi.Vidu and hands that copy to every request for it. Start a new Windows PowerShell session and " +
                   "import ShortApi.Vidu before that module (for example first in your profile), or use PowerShell 7.4 or later.";
        }
    }
}
