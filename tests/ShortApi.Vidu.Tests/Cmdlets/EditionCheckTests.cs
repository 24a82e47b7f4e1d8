using System;
using ShortApi.Vidu.Commands;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    /// <summary>Which PowerShell the module agrees to run on (see EditionCheck for why 7.0-7.3 cannot).</summary>
    public class EditionCheckTests
    {
        [Theory]
        [InlineData("Desktop", "5.1.22621.4391")]
        [InlineData("Core", "7.4.0")]
        [InlineData("Core", "7.6.9")]
        [InlineData("Core", "8.0.0")]
        public void Runs_on_windows_powershell_5_1_and_powershell_7_4_or_later(string edition, string version) =>
            Assert.Null(EditionCheck.Refusal(edition, Version.Parse(version)));

        [Theory]
        [InlineData("7.0.13")]
        [InlineData("7.1.7")]
        [InlineData("7.2.24")]
        [InlineData("7.3.12")]
        [InlineData("6.2.7")]
        public void Refuses_powershell_before_7_4_saying_which_it_is_and_what_to_do(string version)
        {
            var message = EditionCheck.Refusal("Core", Version.Parse(version));
            Assert.NotNull(message);
            Assert.StartsWith("ShortApi.Vidu needs PowerShell 7.4 or later, or Windows PowerShell 5.1; this is PowerShell " + version + ".", message);
            Assert.Contains("System.Text.Json", message);
            Assert.Contains("winget install --id Microsoft.PowerShell", message);
        }

        [Fact]
        public void Refuses_windows_powershell_before_5_1()
        {
            var message = EditionCheck.Refusal("Desktop", new Version(5, 0, 10586));
            Assert.StartsWith("ShortApi.Vidu needs PowerShell 7.4 or later, or Windows PowerShell 5.1; this is Windows PowerShell 5.0.10586.", message);
        }

        [Fact]
        public void This_powershell_is_read_from_the_engine() => Assert.Equal(new Version(7, 6, 9), ModuleInitializer.PowerShellVersion());

        [Theory]
        [InlineData("8.0.0.0", "8.0.0.0")]
        [InlineData("8.0.0.0", "10.0.0.0")]
        public void A_system_text_json_at_least_as_new_as_the_core_needs_is_fine(string required, string bound) =>
            Assert.Null(DependencyFolder.JsonConflict(Version.Parse(required), Version.Parse(bound), "/x/System.Text.Json.dll"));

        [Fact]
        public void An_older_system_text_json_is_named_with_where_it_came_from_and_what_to_do()
        {
            var message = DependencyFolder.JsonConflict(new Version(8, 0, 0, 0), new Version(4, 0, 1, 2), @"C:\Modules\Az.Accounts\lib\System.Text.Json.dll");
            Assert.Equal(
                @"ShortApi.Vidu needs System.Text.Json 8.0.0.0 or later, but another module loaded System.Text.Json 4.0.1.2 from 'C:\Modules\Az.Accounts\lib\System.Text.Json.dll' " +
                "before ShortApi.Vidu and hands that copy to every request for it. Start a new Windows PowerShell session and import ShortApi.Vidu " +
                "before that module (for example first in your profile), or use PowerShell 7.4 or later.", message);
        }
    }
}
