using System;
using System.Management.Automation;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    [CollectionDefinition("Environment", DisableParallelization = true)]
    public class EnvironmentCollection
    {
    }

    /// <summary>Tests that change process environment variables run alone.</summary>
    [Collection("Environment")]
    public class NoKeyTests : CmdletTest
    {
        [Fact]
        public void Without_a_key_the_command_stops_before_sending_and_says_where_keys_come_from()
        {
            var saved = Environment.GetEnvironmentVariable("SHORTAPI_KEY");
            Environment.SetEnvironmentVariable("SHORTAPI_KEY", null);
            try
            {
                Folder.Png("cat.png");
                var record = RunTerminating("New-ViduVideoJob -Image cat.png -Prompt x -BaseUri $Base -NoHistory");
                Assert.StartsWith("ShortApi.MissingApiKey", record.FullyQualifiedErrorId);
                Assert.Contains("SHORTAPI_KEY", record.ToString());
                AssertNothingSent();
            }
            finally
            {
                Environment.SetEnvironmentVariable("SHORTAPI_KEY", saved);
            }
        }

        [Fact]
        public void A_wait_without_a_key_stops_the_pipeline_before_an_earlier_command_pays()
        {
            var saved = Environment.GetEnvironmentVariable("SHORTAPI_KEY");
            Environment.SetEnvironmentVariable("SHORTAPI_KEY", null);
            try
            {
                Folder.Png("cat.png");
                var record = RunTerminating("New-ViduVideoJob -Image cat.png -Prompt x -BaseUri $Base -ApiKey $Key -NoHistory | Wait-ViduVideoJob -BaseUri $Base -NoHistory");
                Assert.StartsWith("ShortApi.MissingApiKey", record.FullyQualifiedErrorId);
                AssertNothingSent();
            }
            finally
            {
                Environment.SetEnvironmentVariable("SHORTAPI_KEY", saved);
            }
        }

        [Fact]
        public void The_key_and_endpoint_come_from_the_environment_when_not_given()
        {
            var saved = (Environment.GetEnvironmentVariable("SHORTAPI_KEY"), Environment.GetEnvironmentVariable("SHORTAPI_BASE_URL"));
            Environment.SetEnvironmentVariable("SHORTAPI_KEY", Emulator.ApiKey);
            Environment.SetEnvironmentVariable("SHORTAPI_BASE_URL", Emulator.BaseUri.AbsoluteUri);
            try
            {
                Folder.Png("cat.png");
                var run = Run("New-ViduVideoJob -Image cat.png -Prompt x -NoHistory");
                Assert.Single(run.OutputOf<VideoJob>());
                Assert.Equal(1, Emulator.State.CreatesAccepted);
            }
            finally
            {
                Environment.SetEnvironmentVariable("SHORTAPI_KEY", saved.Item1);
                Environment.SetEnvironmentVariable("SHORTAPI_BASE_URL", saved.Item2);
            }
        }
    }
}
