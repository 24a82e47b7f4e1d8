#pragma warning disable SYSLIB0014 // ServicePointManager is what .NET Framework uses; the test runs the same code here.
using System.Net;
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
    }
}
