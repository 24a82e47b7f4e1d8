using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Net;
using System.Security;
using System.Threading.Tasks;
using ShortApi.Vidu.Emulator;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    /// <summary>-Proxy, -ProxyCredential and -ProxyUseDefaultCredentials, against the emulator behind a real forward proxy.</summary>
    public class ProxyTests : CmdletTest
    {
        private static readonly string Password = "Pr0xy-" + Guid.NewGuid().ToString("N");

        private ForwardProxy? _proxy;

        public ProxyTests()
            : base(o => o.JobDuration = TimeSpan.FromMilliseconds(300))
        {
        }

        private ForwardProxy Proxy => _proxy ?? throw new InvalidOperationException("StartProxy first.");

        private async Task StartProxy(NetworkCredential? require = null, bool echo = false) =>
            _proxy = await ForwardProxy.StartAsync(requireCredentials: require, echoCredentials: echo);

        private Task<PowerShellRun> RunBehindProxy(string script, string password = "") =>
            RunAsync(script, new Dictionary<string, object?>
            {
                ["Proxy"] = Proxy.Uri.AbsoluteUri,
                ["ProxyCred"] = new PSCredential("alice", Secure(password.Length > 0 ? password : Password)),
            });

        private static SecureString Secure(string text)
        {
            var secure = new SecureString();
            foreach (var c in text) secure.AppendChar(c);
            secure.MakeReadOnly();
            return secure;
        }

        [Fact]
        public async Task Create_wait_and_save_all_go_through_the_proxy_and_only_api_requests_carry_the_key()
        {
            await StartProxy();
            Folder.Png("cat.png");
            Folder.Png("dog.png");

            var run = await RunBehindProxy(
                "New-ViduVideoJob @Api -Image cat.png, dog.png -Prompt x -Proxy $Proxy -Verbose | " +
                "Wait-ViduVideoJob @Api -Proxy $Proxy -PollInterval 0.2 -Verbose | Save-ViduVideo @Api -Path videos -Proxy $Proxy -Verbose");

            Assert.Empty(run.Errors);
            Assert.Equal(new[] { "cat.mp4", "dog.mp4" }, run.OutputOf<FileInfo>().Select(f => f.Name).OrderBy(n => n));
            var forwarded = Proxy.Requests.Where(r => r.Forwarded).ToList();
            Assert.Equal(forwarded.Count, Proxy.Requests.Count);
            // Every request the emulator got (API and CDN) came through the proxy, and nothing else did.
            Assert.Equal(Emulator.State.RecordedRequests.Select(r => r.PathAndQuery).OrderBy(p => p, StringComparer.Ordinal),
                forwarded.Select(r => new Uri(r.Target).PathAndQuery).OrderBy(p => p, StringComparer.Ordinal));
            var creates = forwarded.Where(r => r.Method == "POST").ToList();
            var queries = forwarded.Where(r => r.Target.Contains("/api/v1/job/query", StringComparison.Ordinal)).ToList();
            var downloads = forwarded.Where(r => new Uri(r.Target).Port == Emulator.CdnUri.Port).ToList();
            Assert.Equal(2, creates.Count);
            Assert.True(queries.Count >= 2, $"{queries.Count} queries");
            Assert.Equal(2, downloads.Count);
            Assert.All(creates.Concat(queries), r => Assert.Equal("Bearer " + Emulator.ApiKey, r.Authorization));
            Assert.All(downloads, r => Assert.False(r.HasAuthorization, "the result host got the key through the proxy"));
            Assert.Contains(run.Verbose, line => line.StartsWith("POST ", StringComparison.Ordinal) && line.Contains("via proxy " + Proxy.Uri));
            Assert.Contains(run.Verbose, line => line.Contains("(no credentials) via proxy " + Proxy.Uri));
        }

        [Fact]
        public async Task A_proxy_credential_works_and_its_password_appears_nowhere_and_never_reaches_the_service()
        {
            await StartProxy(new NetworkCredential("alice", Password));
            Folder.Png("cat.png");

            var run = await RunBehindProxy(
                "$DebugPreference = 'Continue'\n" +
                "$jobs = New-ViduVideoJob @Api -Image cat.png -Prompt x -Proxy $Proxy -ProxyCredential $ProxyCred -Verbose\n" +
                "$jobs\n" +
                "[System.Management.Automation.PSSerializer]::Serialize($jobs)\n" +
                "$jobs | Wait-ViduVideoJob @Api -Proxy $Proxy -ProxyCredential $ProxyCred -PollInterval 0.2 -Verbose | " +
                "Save-ViduVideo @Api -Path videos -Proxy $Proxy -ProxyCredential $ProxyCred -Verbose\n" +
                "Get-ViduVideoJob -HistoryPath $History -NoRefresh | Out-String\n" +
                "Get-ViduVideoJob @Api -JobId nosuchjob -Proxy $Proxy -ProxyCredential $ProxyCred -ErrorAction SilentlyContinue");

            Assert.Single(run.OutputOf<FileInfo>());
            Assert.Single(run.Errors); // the unknown job, answered by the service through the proxy
            Assert.Contains(Proxy.Requests, r => r.HasProxyAuthorization && r.Forwarded);
            var token = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("alice:" + Password));
            Assert.All(Proxy.Requests.Where(r => r.HasProxyAuthorization), r => Assert.Equal("Basic " + token, r.ProxyAuthorization));
            Assert.All(Emulator.State.RecordedRequests, r => Assert.False(r.HasProxyAuthorization));
            var everything = run.AllText + File.ReadAllText(HistoryPath);
            Assert.Contains("via proxy", everything);
            Assert.DoesNotContain(Password, everything);
            Assert.DoesNotContain(token, everything);
        }

        [Fact]
        public async Task A_proxy_that_wants_credentials_and_gets_none_refuses_the_first_create_and_nothing_more_is_sent()
        {
            await StartProxy(new NetworkCredential("alice", Password));
            Folder.Png("cat.png");
            Folder.Png("dog.png");

            var run = await RunBehindProxy("New-ViduVideoJob @Api -Image cat.png, dog.png -Prompt x -Proxy $Proxy");

            var refused = run.Errors.First();
            Assert.StartsWith("ShortApi.ProxyAuthenticationRequired,", refused.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, refused.CategoryInfo.Category);
            Assert.Contains("nothing was created or charged", refused.ToString());
            Assert.DoesNotContain(run.Errors, e => e.FullyQualifiedErrorId.StartsWith("ShortApi.CreateOutcomeUnknown", StringComparison.Ordinal));
            AssertErrorId(run, "ShortApi.NotSent"); // the second picture: the same 407 would follow
            Assert.Contains("the proxy asked for credentials", run.Errors.Last().ToString());
            Assert.Single(Proxy.Requests);
            AssertNothingSent();
            var history = File.ReadAllText(HistoryPath);
            Assert.Contains("\"event\":\"refused\"", history);
            Assert.DoesNotContain("\"event\":\"unconfirmed\"", history);
        }

        [Theory]
        [InlineData("Wait-ViduVideoJob @Api -JobId job1, job2 -Proxy $Proxy -PollInterval 0.2")]
        [InlineData("Get-ViduVideoJob @Api -JobId job1, job2 -Proxy $Proxy")]
        [InlineData("Save-ViduVideo @Api -JobId job1, job2 -Path videos -Proxy $Proxy")]
        public async Task Waiting_querying_and_saving_end_at_the_first_407_since_every_request_would_get_one(string command)
        {
            await StartProxy(new NetworkCredential("alice", Password));

            var run = await RunBehindProxy($"try {{ {command} -ErrorAction SilentlyContinue; 'not terminated' }} catch {{ $_ }}");

            var record = Assert.IsType<ErrorRecord>(run.Output.Last().BaseObject);
            Assert.StartsWith("ShortApi.ProxyAuthenticationRequired,", record.FullyQualifiedErrorId);
            Assert.Equal(ErrorCategory.AuthenticationError, record.CategoryInfo.Category);
            Assert.Single(Proxy.Requests);
            Assert.Empty(Emulator.State.RecordedRequests);
        }

        [Fact]
        public async Task A_download_refused_by_the_proxy_ends_saving_with_the_proxys_error()
        {
            await StartProxy(new NetworkCredential("alice", Password));
            Folder.Png("cat.png");
            var run = await RunBehindProxy(
                "$job = New-ViduVideoJob @Api -Image cat.png -Prompt x | Wait-ViduVideoJob @Api -PollInterval 0.2\n" +
                "try { $job | Save-ViduVideo @Api -Path videos -Proxy $Proxy -ErrorAction SilentlyContinue; 'not terminated' } catch { $_ }");

            var record = Assert.IsType<ErrorRecord>(run.Output.Last().BaseObject);
            Assert.StartsWith("ShortApi.ProxyAuthenticationRequired,", record.FullyQualifiedErrorId);
            var refused = Assert.Single(Proxy.Requests);
            Assert.Equal(Emulator.CdnUri.Port, new Uri(refused.Target).Port);
            Assert.Equal(0, Emulator.State.DownloadsServed);
        }

        [Fact]
        public async Task A_refused_credential_echoed_by_the_proxy_is_masked_in_the_error()
        {
            await StartProxy(new NetworkCredential("alice", "the-right-one"), echo: true);

            var run = await RunBehindProxy("Get-ViduVideoJob @Api -JobId job1 -Proxy $Proxy -ProxyCredential $ProxyCred");

            AssertErrorId(run, "ShortApi.ProxyAuthenticationRequired");
            Assert.Contains("refused Proxy-Authorization: Basic ****", run.AllText);
            Assert.DoesNotContain(Password, run.AllText);
            Assert.DoesNotContain(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("alice:" + Password)), run.AllText);
        }

        [Theory]
        [InlineData("-ProxyCredential $ProxyCred", "need -Proxy")]
        [InlineData("-ProxyUseDefaultCredentials", "need -Proxy")]
        [InlineData("-Proxy $Proxy -ProxyCredential $ProxyCred -ProxyUseDefaultCredentials", "cannot be used together")]
        [InlineData("-Proxy proxy.example.com:8080", "Name the proxy with its scheme")]
        [InlineData("-Proxy socks5://127.0.0.1:1080", "uses 'socks5'")]
        [InlineData("-Proxy http://alice:hunter2@127.0.0.1:3128", "user name or password")]
        [InlineData("-Proxy alice:hunter2@127.0.0.1:3128", "user name or password")]
        public async Task Proxy_parameters_follow_invoke_restmethods_rules_and_fail_before_anything_is_sent(string parameters, string message)
        {
            await StartProxy();
            Folder.Png("cat.png");
            foreach (var command in new[] { "New-ViduVideoJob @Api -Image cat.png -Prompt x", "Get-ViduVideoJob @Api -JobId job1", "Save-ViduVideo @Api -JobId job1" })
            {
                var run = await RunBehindProxy($"try {{ {command} {parameters} -ErrorAction SilentlyContinue; 'not terminated' }} catch {{ $_ }}");
                var record = Assert.IsType<ErrorRecord>(run.Output.Last().BaseObject);
                Assert.StartsWith("ShortApi.InvalidArgument,", record.FullyQualifiedErrorId);
                Assert.Contains(message, record.ToString());
                Assert.DoesNotContain("hunter2", record.ToString());
                Assert.DoesNotContain("hunter2", record.TargetObject?.ToString() ?? string.Empty);
            }
            Assert.Empty(Proxy.Requests);
            Assert.Empty(Emulator.State.RecordedRequests);
        }

        public override async Task DisposeAsync()
        {
            if (_proxy != null) await _proxy.DisposeAsync();
            await base.DisposeAsync();
        }
    }
}
