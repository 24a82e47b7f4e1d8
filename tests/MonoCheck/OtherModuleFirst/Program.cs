using System;
using System.IO;
using System.Reflection;
using System.Runtime.CompilerServices;

namespace ShortApi.Vidu.Tests.MonoCheck
{
    /// <summary>
    /// <c>OtherModuleFirst &lt;versioned|any&gt; &lt;ClientSample.exe&gt; &lt;its arguments…&gt;</c>: does in this process what a
    /// module imported earlier in a Windows PowerShell session does (registers an AssemblyResolve handler for its own
    /// folder, preloads its assemblies, uses its System.Text.Json), then runs ClientSample.exe in the same process,
    /// which does what ShortApi.Vidu's initializer does. Exits with the sample's exit code.
    /// </summary>
    internal static class Program
    {
        private static readonly string Folder =
            Path.Combine(Path.GetDirectoryName(typeof(Program).Assembly.Location) ?? ".", "other-module");

        private static int Main(string[] args)
        {
            if (args.Length < 2 || (args[0] != "versioned" && args[0] != "any"))
            {
                Console.Error.WriteLine("usage: OtherModuleFirst <versioned|any> <ClientSample.exe> <arguments>");
                return 2;
            }
            var versioned = args[0] == "versioned";
            AppDomain.CurrentDomain.AssemblyResolve += (sender, e) => Resolve(new AssemblyName(e.Name), versioned);
            foreach (var dll in Directory.GetFiles(Folder, "*.dll")) Assembly.LoadFrom(dll); // as Az.Accounts preloads its own
            Console.WriteLine($"other module: {UseJson()}");
            var rest = new string[args.Length - 2];
            Array.Copy(args, 2, rest, 0, rest.Length);
            return AppDomain.CurrentDomain.ExecuteAssembly(args[1], rest);
        }

        // versioned: Az.Accounts' published rule, answer only with a copy at least as new as asked for (System.Memory
        // whatever was asked). any: answer every request for a name it carries with its own copy, as naive resolvers do.
        private static Assembly? Resolve(AssemblyName requested, bool versioned)
        {
            var path = Path.Combine(Folder, requested.Name + ".dll");
            if (!File.Exists(path)) return null;
            var mine = AssemblyName.GetAssemblyName(path).Version;
            var answer = !versioned || requested.Version == null || mine >= requested.Version || requested.Name == "System.Memory";
            return answer ? Assembly.LoadFrom(path) : null;
        }

        // Separate and not inlined, so System.Text.Json is first needed after the resolver above is in place.
        [MethodImpl(MethodImplOptions.NoInlining)]
        private static string UseJson()
        {
            var json = typeof(System.Text.Json.JsonSerializer).Assembly.GetName();
            return $"System.Text.Json {json.Version} wrote {System.Text.Json.JsonSerializer.Serialize(new[] { 1, 2 })}";
        }
    }
}
