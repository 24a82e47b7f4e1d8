using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading.Tasks;
using ShortApi.Vidu.Emulator;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Emulator
{
    /// <summary>The test proxy itself: it forwards what it is given, challenges as a real proxy does, and records honestly.</summary>
    public class ForwardProxyTests
    {
        private static HttpClient Through(ForwardProxy proxy, ICredentials? credentials = null) =>
            new HttpClient(new SocketsHttpHandler { Proxy = new WebProxy(proxy.Uri) { Credentials = credentials }, UseProxy = true })
            {
                Timeout = TimeSpan.FromSeconds(20),
            };

        [Fact]
        public async Task It_forwards_absolute_form_requests_and_lists_what_it_saw_on_its_own_address()
        {
            await using var emulator = await Emulators.StartAsync();
            await using var proxy = await ForwardProxy.StartAsync();
            using var http = Through(proxy);
            var query = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseUri, "/api/v1/job/query?id=nosuchjob"));
            query.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiKey);

            using var answer = await http.SendAsync(query);

            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode); // the emulator's own answer, passed on
            Assert.Contains("\"code\":404", await answer.Content.ReadAsStringAsync());
            var seen = Assert.Single(proxy.Requests);
            Assert.Equal(new Uri(emulator.BaseUri, "/api/v1/job/query?id=nosuchjob").AbsoluteUri, seen.Target);
            Assert.Equal("Bearer " + emulator.ApiKey, seen.Authorization);
            Assert.Equal(404, seen.Status);
            Assert.Equal("Bearer " + emulator.ApiKey, Assert.Single(emulator.State.RecordedRequests).Authorization);

            using var direct = new HttpClient();
            using var listing = JsonDocument.Parse(await direct.GetStringAsync(new Uri(proxy.Uri, "/_proxy/requests")));
            Assert.Equal(seen.Target, listing.RootElement[0].GetProperty("target").GetString());
        }

        [Fact]
        public async Task Without_the_right_credentials_it_challenges_with_basic_and_forwards_nothing()
        {
            await using var emulator = await Emulators.StartAsync();
            await using var proxy = await ForwardProxy.StartAsync(requireCredentials: new NetworkCredential("alice", "right"));
            using var none = Through(proxy);
            using var wrong = Through(proxy, new NetworkCredential("alice", "wrong"));
            using var right = Through(proxy, new NetworkCredential("alice", "right"));

            using var challenged = await none.GetAsync(new Uri(emulator.CdnUri, "/files/x.mp4"));
            using var refused = await wrong.GetAsync(new Uri(emulator.CdnUri, "/files/x.mp4"));
            Assert.Equal(HttpStatusCode.ProxyAuthenticationRequired, challenged.StatusCode);
            Assert.Equal($"Basic realm=\"{ForwardProxy.Realm}\"", challenged.Headers.ProxyAuthenticate.Single().ToString());
            Assert.Equal(HttpStatusCode.ProxyAuthenticationRequired, refused.StatusCode);
            Assert.Empty(emulator.State.RecordedRequests);

            using var allowed = await right.GetAsync(new Uri(emulator.CdnUri, "/files/x.mp4"));
            Assert.Equal(HttpStatusCode.NotFound, allowed.StatusCode); // unknown job, from the emulator's CDN
            Assert.False(Assert.Single(emulator.State.RecordedRequests).HasProxyAuthorization, "a proxy that checks the credential consumes it");
        }

        [Fact]
        public async Task It_does_not_tunnel_but_answers_connect_as_a_proxy_would()
        {
            await using var proxy = await ForwardProxy.StartAsync(requireCredentials: new NetworkCredential("alice", "right"));
            using var none = Through(proxy);
            using var right = Through(proxy, new NetworkCredential("alice", "right"));

            var refused = await Assert.ThrowsAsync<HttpRequestException>(() => none.GetAsync("https://vidu-api.test/"));
            var unsupported = await Assert.ThrowsAsync<HttpRequestException>(() => right.GetAsync("https://vidu-api.test/"));

            Assert.Equal(HttpStatusCode.ProxyAuthenticationRequired, refused.StatusCode);
            Assert.Equal(HttpRequestError.ProxyTunnelError, unsupported.HttpRequestError);
            Assert.Equal(new int?[] { 407, 407, 501 }, proxy.Requests.Select(r => r.Status));
            Assert.All(proxy.Requests, r => Assert.Equal("CONNECT", r.Method));
        }

        [Fact]
        public async Task An_origin_that_drops_the_connection_drops_the_clients_too()
        {
            await using var emulator = await Emulators.StartAsync();
            await using var proxy = await ForwardProxy.StartAsync();
            emulator.EnqueueFaults("query", "drop");
            using var http = Through(proxy);
            var query = new HttpRequestMessage(HttpMethod.Get, new Uri(emulator.BaseUri, "/api/v1/job/query?id=x"));
            query.Headers.Authorization = new AuthenticationHeaderValue("Bearer", emulator.ApiKey);

            await Assert.ThrowsAsync<HttpRequestException>(() => http.SendAsync(query));

            Assert.Null(Assert.Single(proxy.Requests).Status);
        }
    }
}
