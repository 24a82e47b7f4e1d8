using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    /// <summary>Every ErrorRecord comes from one factory, so ids, categories and the wording of advice stay in one place.</summary>
    public class ErrorFactoryTests
    {
        private static string Source => Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/ShortApi.Vidu"));

        [Fact]
        public void No_cmdlet_makes_an_error_record_of_its_own()
        {
            var files = Directory.GetFiles(Source, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar) &&
                            !f.Contains(Path.DirectorySeparatorChar + "bin" + Path.DirectorySeparatorChar))
                .ToList();
            Assert.True(files.Count > 20, $"the module's sources are under {Source}");
            var outside = files
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "Errors" + Path.DirectorySeparatorChar))
                .Where(f => Regex.IsMatch(File.ReadAllText(f), @"new\s+ErrorRecord\s*\("))
                .Select(f => Path.GetRelativePath(Source, f))
                .ToList();
            Assert.True(outside.Count == 0, "make these through ErrorRecords (src/ShortApi.Vidu/Errors): " + string.Join(", ", outside));
        }
    }
}
