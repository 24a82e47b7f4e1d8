using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Client;
using ShortApi.Vidu.Emulator;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Pipeline;
using ShortApi.Vidu.Tests.Support;
using ShortApi.Vidu.Transport;
using ShortApi.Vidu.Wire;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>The core behind a forward proxy, over real sockets: which requests go through it, with which credentials, and what a 407 means.</summary>
    public class ProxyClientTests
    {
        private static readonly NetworkCredential Sign = new NetworkCredential("alice", "pr0xy-S3cret-" + Guid.NewGuid().ToString("N"));

        private static ApiClient Client(Uri baseUri, string key, ProxySettings? proxy, Action<string>? log = null) =>
            new ApiClient(new ApiClientOptions(ApiEndpoint.Parse(baseUri.AbsoluteUri, "test"), new ApiKey(key))
            {
                MaxRetries = 3,
                RetryInterval = TimeSpan.FromMilliseconds(20),
                MaxRetryInterval = TimeSpan.FromMilliseconds(100),
                RequestTimeout = TimeSpan.FromSeconds(10),
                Proxy = proxy,
                Log = log,
            });

        [Fact]
        public async Task Create_query_and_download_all_go_through_an_explicit_proxy_and_only_the_api_gets_the_key()
        {
            await using var emulator = await Emulators.StartAsync(o => o.JobDuration = TimeSpan.Zero);
            await using var proxy = await ForwardProxy.StartAsync();
            var lines = new ConcurrentQueue<string>();
            var client = Client(emulator.BaseUri, emulator.ApiKey, new ProxySettings(proxy.Uri), lines.Enqueue);

            var created = await client.CreateJobAsync(Requests.ByUrl(), CancellationToken.None);
            var state = await client.QueryJobAsync(created.JobId, CancellationToken.None);
            var length = await client.DownloadAsync(new Uri(state.VideoUrls.Single()), created.JobId, CancellationToken.None,
                async m => (await m.Response!.Content.ReadAsByteArrayAsync()).Length);

            Assert.Equal(15109, length);
            var seen = proxy.Requests;
            Assert.Equal(new[] { "POST", "GET", "GET" }, seen.Select(r => r.Method));
            Assert.Equal(new Uri(emulator.BaseUri, "/api/v1/job/create").AbsoluteUri, seen[0].Target);
            Assert.Equal(state.VideoUrls.Single(), seen[2].Target);
            Assert.All(seen.Take(2), r => Assert.Equal("Bearer " + emulator.ApiKey, r.Authorization));
            Assert.False(seen[2].HasAuthorization, "the result host got the key through the proxy");
            // What reached the emulator is exactly what the proxy forwarded.
            Assert.Equal(seen.Select(r => new Uri(r.Target).PathAndQuery), emulator.State.RecordedRequests.Select(r => r.PathAndQuery));
            Assert.All(lines, line => Assert.Contains("via proxy " + proxy.Uri, line));
        }

        [Fact]
        public async Task A_proxy_that_wants_credentials_gets_them_from_the_handler_and_the_origin_never_sees_them()
        {
            await using var emulator = await Emulators.StartAsync();
            await using var proxy = await ForwardProxy.StartAsync(requireCredentials: Sign);
            var client = Client(emulator.BaseUri, emulator.ApiKey, new ProxySettings(proxy.Uri, Sign));

            var created = await client.CreateJobAsync(Requests.ByUrl(), CancellationToken.None);

            Assert.Equal(created.JobId, emulator.State.AcceptedJobIds.Single());
            // The handler answers the challenge: first without, then with Proxy-Authorization; our pipeline never sets it.
            Assert.Equal(new int?[] { 407, 200 }, proxy.Requests.Select(r => r.Status));
            Assert.False(proxy.Requests[0].HasProxyAuthorization);
            Assert.StartsWith("Basic ", proxy.Requests[1].ProxyAuthorization);
            Assert.Single(emulator.State.RecordedRequests);
            Assert.False(emulator.State.RecordedRequests.Single().HasProxyAuthorization);
        }

        [Fact]
        public async Task A_proxy_credential_is_never_sent_unasked_so_a_proxy_that_relays_headers_shows_none_at_the_origin()
        {
            // This proxy does not authenticate, so it relays any Proxy-Authorization it gets: one sent unasked would arrive.
            await using var emulator = await Emulators.StartAsync();
            await using var proxy = await ForwardProxy.StartAsync();
            var client = Client(emulator.BaseUri, emulator.ApiKey, new ProxySettings(proxy.Uri, Sign));

            await client.CreateJobAsync(Requests.ByUrl(), CancellationToken.None);

            Assert.False(Assert.Single(proxy.Requests).HasProxyAuthorization);
            Assert.False(Assert.Single(emulator.State.RecordedRequests).HasProxyAuthorization);
        }

        [Fact]
        public async Task A_407_to_a_create_is_a_certain_refusal_sent_once_and_never_a_possible_charge()
        {
            await using var emulator = await Emulators.StartAsync();
            await using var proxy = await ForwardProxy.StartAsync(requireCredentials: Sign);
            var client = Client(emulator.BaseUri, emulator.ApiKey, new ProxySettings(proxy.Uri));

            var error = await Assert.ThrowsAsync<ShortApiException>(() => client.CreateJobAsync(Requests.ByUrl(), CancellationToken.None));

            Assert.Equal(ShortApiErrorKind.ProxyAuthenticationRequired, error.Kind);
            Assert.Equal(407, error.HttpStatus);
            Assert.True(error.CertainlyNotActed);
            Assert.False(ResendRule.MayHaveCreated(error));
            Assert.Equal(1, error.Attempts);
            Assert.Single(proxy.Requests);
            Assert.Equal(0, emulator.State.CreatesReceived);
            Assert.Contains("Nothing reached 127.0.0.1, so nothing was created or charged", error.Message);
            Assert.Contains("-ProxyCredential", error.Message);
        }

        [Fact]
        public async Task A_refused_tunnel_to_an_https_api_is_the_same_refusal_and_is_not_retried()
        {
            // An https address goes through the proxy as CONNECT; a 407 there arrives as an exception, not an answer.
            await using var proxy = await ForwardProxy.StartAsync(requireCredentials: Sign);
            var client = Client(new Uri("https://vidu-api.test/"), "k", new ProxySettings(proxy.Uri));

            var error = await Assert.ThrowsAsync<ShortApiException>(() => client.CreateJobAsync(Requests.ByUrl(), CancellationToken.None));

            Assert.Equal(ShortApiErrorKind.ProxyAuthenticationRequired, error.Kind);
            Assert.True(error.ConnectionNeverOpened);
            Assert.False(ResendRule.MayHaveCreated(error));
            var tunnel = Assert.Single(proxy.Requests);
            Assert.Equal("CONNECT", tunnel.Method);
            Assert.Equal("vidu-api.test:443", tunnel.Target);
            Assert.Contains("refused to open a connection to vidu-api.test", error.Message);
        }

        [Fact]
        public async Task A_proxy_that_echoes_a_refused_credential_gets_it_masked_in_the_error_and_the_log()
        {
            await using var emulator = await Emulators.StartAsync();
            await using var proxy = await ForwardProxy.StartAsync(requireCredentials: new NetworkCredential("alice", "another"), echoCredentials: true);
            var lines = new ConcurrentQueue<string>();
            var client = Client(emulator.BaseUri, emulator.ApiKey, new ProxySettings(proxy.Uri, Sign), lines.Enqueue);

            var error = await Assert.ThrowsAsync<ShortApiException>(() => client.QueryJobAsync("job1", CancellationToken.None));

            var token = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("alice:" + Sign.Password));
            Assert.Equal("Basic " + token, proxy.Requests.Last().ProxyAuthorization); // the proxy did get it, and echoed it
            var text = error.ToString() + string.Join("\n", lines);
            Assert.Contains("refused Proxy-Authorization: Basic ****", text);
            Assert.DoesNotContain(token, text);
            Assert.DoesNotContain(token.Substring(0, 12), text);
            Assert.DoesNotContain(Sign.Password, text);
        }

        [Fact]
        public async Task The_public_client_takes_a_web_proxy_for_every_request()
        {
            await using var emulator = await Emulators.StartAsync(o => o.JobDuration = TimeSpan.FromMilliseconds(200));
            await using var proxy = await ForwardProxy.StartAsync(requireCredentials: Sign);
            using var folder = new TestFolder();
            var client = new ViduClient(new ViduClientOptions(emulator.ApiKey)
            {
                BaseUri = emulator.BaseUri,
                PollInterval = TimeSpan.FromMilliseconds(100),
                Proxy = new WebProxy(proxy.Uri) { Credentials = Sign },
            });

            var job = await client.CreateJobAsync(new VideoRequest(folder.Png("cat.png"), "slow dolly in"));
            job = await client.WaitForCompletionAsync(job);
            var saved = await client.DownloadVideoAsync(job, folder.File("videos"));

            Assert.Equal(15109, new System.IO.FileInfo(saved).Length);
            var forwarded = proxy.Requests.Where(r => r.Forwarded).ToList();
            Assert.Contains(forwarded, r => r.Method == "POST");
            Assert.Contains(forwarded, r => r.Target.Contains("/api/v1/job/query", StringComparison.Ordinal));
            Assert.Contains(forwarded, r => r.Target == job.VideoUrls.Single() && !r.HasAuthorization);
            Assert.Equal(forwarded.Count, emulator.State.RecordedRequests.Count);
        }

        [Fact]
        public async Task A_proxy_the_handler_cannot_use_fails_before_anything_leaves_so_a_create_is_not_unconfirmed()
        {
            // .NET refuses an ftp:// proxy before connecting (as .NET Framework refuses an https:// one).
            await using var emulator = await Emulators.StartAsync();
            var client = Client(emulator.BaseUri, emulator.ApiKey, ProxySettings.FromWebProxy(new WebProxy(new Uri("ftp://127.0.0.1:21/"))));

            var error = await Assert.ThrowsAsync<ShortApiException>(() => client.CreateJobAsync(Requests.ByUrl(), CancellationToken.None));

            Assert.Equal(ShortApiErrorKind.ConnectionFailed, error.Kind);
            Assert.True(error.ConnectionNeverOpened);
            Assert.False(ResendRule.MayHaveCreated(error));
            Assert.Equal(0, emulator.State.CreatesReceived);
        }

        [Fact]
        public void One_client_serves_each_distinct_proxy_and_the_default_has_its_own()
        {
            var address = new Uri("http://proxy-cache.test:8080/");
            var first = SharedHttpClient.For(new ProxySettings(address, new NetworkCredential("u", "p1")));
            Assert.Same(first, SharedHttpClient.For(new ProxySettings(address, new NetworkCredential("u", "p1"))));
            Assert.NotSame(first, SharedHttpClient.For(new ProxySettings(address, new NetworkCredential("u", "p2"))));
            Assert.NotSame(first, SharedHttpClient.For(new ProxySettings(address)));
            Assert.NotSame(first, SharedHttpClient.For(new ProxySettings(address, useDefaultCredentials: true)));
            Assert.Same(SharedHttpClient.Instance, SharedHttpClient.For(null));
            var given = new WebProxy(address);
            Assert.Same(SharedHttpClient.For(ProxySettings.FromWebProxy(given)), SharedHttpClient.For(ProxySettings.FromWebProxy(given)));
        }

        [Fact]
        public void Without_a_proxy_the_handler_takes_the_platform_default_and_with_one_it_proxies_loopback_too()
        {
            using var plain = SharedHttpClient.CreateHandler(null);
            Assert.True(plain.UseProxy);
            Assert.Null(plain.Proxy); // null with UseProxy: SocketsHttpHandler uses HttpClient.DefaultProxy, .NET Framework WebRequest.DefaultWebProxy
            Assert.False(plain.AllowAutoRedirect);
            Assert.False(plain.UseCookies);
            Assert.Equal(64, plain.MaxConnectionsPerServer);

            var explicitProxy = new ProxySettings(new Uri("http://proxy.test:3128/")).CreateWebProxy();
            using var proxied = SharedHttpClient.CreateHandler(explicitProxy);
            Assert.Same(explicitProxy, proxied.Proxy);
            Assert.False(proxied.AllowAutoRedirect);
            Assert.Equal(new Uri("http://proxy.test:3128/"), SystemProxy.Through(explicitProxy, new Uri("http://127.0.0.1:5080/api")));
            Assert.Equal(new Uri("http://proxy.test:3128/"), SystemProxy.Through(explicitProxy, new Uri("http://localhost:5080/api")));
        }

        [Theory]
        [InlineData("http://proxy.example.com:8080", "http://proxy.example.com:8080/")]
        [InlineData("https://proxy.example.com", "https://proxy.example.com/")]
        [InlineData("http://proxy.example.com:8080/some/path", "http://proxy.example.com:8080/")]
        public void A_proxy_address_is_scheme_host_and_port(string text, string expected) =>
            Assert.Equal(expected, ProxySettings.CheckAddress(new Uri(text, UriKind.RelativeOrAbsolute), "-Proxy").AbsoluteUri);

        [Theory]
        [InlineData("proxy.example.com:8080", "Name the proxy with its scheme")]
        [InlineData("proxy.example.com", "not an absolute")]
        [InlineData("socks5://proxy.example.com:1080", "uses 'socks5'")]
        [InlineData("http://alice:secret@proxy.example.com:8080", "'http://****@proxy.example.com:8080' has a user name or password")]
        [InlineData("alice:secret@proxy.example.com:8080", "'****@proxy.example.com:8080' has a user name or password")]
        public void A_proxy_address_that_is_not_absolute_http_or_carries_a_password_is_refused(string text, string expected)
        {
            var error = Assert.Throws<ArgumentException>(() => ProxySettings.CheckAddress(new Uri(text, UriKind.RelativeOrAbsolute), "-Proxy"));
            Assert.Contains(expected, error.Message);
            Assert.DoesNotContain("secret", error.Message);
        }

        [Fact]
        public void The_mask_covers_the_password_its_basic_token_and_any_user_info_in_a_uri()
        {
            var settings = new ProxySettings(new Uri("http://proxy.test:3128/"), new NetworkCredential("bob", "hunter22", "CORP"));
            var token = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("CORP\\bob:hunter22"));
            var masked = settings.Redact($"pw hunter22; Proxy-Authorization: Basic {token}; via http://bob:hunter22@proxy.test:3128/");
            Assert.Equal("pw ****; Proxy-Authorization: Basic ****; via http://****@proxy.test:3128/", masked);
            Assert.Equal("proxy 'http://****@proxy.test/' failed", ProxySettings.RedactUserInfo("proxy 'http://u:p@proxy.test/' failed"));
            Assert.Equal("http://proxy.test:3128/ (credential ****)", settings.ToString());
        }
    }
}
