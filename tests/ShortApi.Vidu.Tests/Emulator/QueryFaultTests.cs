using System;
using System.Net;
using System.Threading.Tasks;
using ShortApi.Vidu.Tests.Support;
using Xunit;
using static ShortApi.Vidu.Tests.Emulator.EmulatorCalls;

namespace ShortApi.Vidu.Tests.Emulator
{
    /// <summary>The new query faults: what each answers, so a client's reading of a poll can be tested over a socket.</summary>
    public class QueryFaultTests
    {
        [Fact]
        public async Task Pass_answers_normally_even_when_every_query_would_fail_at_random()
        {
            await using var emulator = await Emulators.StartAsync(o => o.QueryFaultRate = 1);
            var id = await CreateJobAsync(emulator);
            emulator.EnqueueFaults("query", "pass");
            using var passed = await QueryAsync(emulator, id);
            using var struck = await QueryAsync(emulator, id);
            Assert.Equal(HttpStatusCode.OK, passed.StatusCode);
            Assert.True((int)struck.StatusCode >= 500, $"got {(int)struck.StatusCode}");
        }

        [Theory]
        [InlineData("401", 401)]
        [InlineData("404", 404)]
        public async Task A_status_token_answers_the_envelope_even_for_a_good_key_and_a_known_job(string token, int status)
        {
            await using var emulator = await Emulators.StartAsync();
            var id = await CreateJobAsync(emulator);
            emulator.EnqueueFaults("query", token);
            using var response = await QueryAsync(emulator, id);
            Assert.Equal(status, (int)response.StatusCode);
            using var json = await JsonOfAsync(response);
            Assert.Equal(status, json.RootElement.GetProperty("code").GetInt32());
            Assert.True(json.RootElement.TryGetProperty("msg", out _));
            Assert.Null(response.Headers.RetryAfter);
        }

        [Theory]
        [InlineData("429:6", 6)]
        [InlineData("429", 2)]
        public async Task A_429_carries_the_tokens_retry_after_or_else_the_option(string token, int seconds)
        {
            await using var emulator = await Emulators.StartAsync(o => o.RetryAfterSeconds = 2);
            var id = await CreateJobAsync(emulator);
            emulator.EnqueueFaults("query", token);
            using var response = await QueryAsync(emulator, id);
            Assert.Equal((HttpStatusCode)429, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(seconds), response.Headers.RetryAfter!.Delta);
        }

        [Theory]
        [InlineData(500)]
        [InlineData(502)]
        [InlineData(503)]
        [InlineData(504)]
        public async Task A_gateway_token_answers_a_bare_text_page(int status)
        {
            await using var emulator = await Emulators.StartAsync();
            var id = await CreateJobAsync(emulator);
            emulator.EnqueueFaults("query", "gateway:" + status);
            using var response = await QueryAsync(emulator, id);
            Assert.Equal(status, (int)response.StatusCode);
            Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
            Assert.StartsWith("upstream connect error or disconnect/reset before headers", await response.Content.ReadAsStringAsync());
        }

        [Theory]
        [InlineData("402")]
        [InlineData("503:5")]
        [InlineData("late:10")]
        [InlineData("gateway:404")]
        public async Task Tokens_that_mean_nothing_for_a_query_are_refused(string token)
        {
            await using var emulator = await Emulators.StartAsync();
            var error = Assert.Throws<ArgumentException>(() => emulator.EnqueueFaults("query", token));
            Assert.Contains("Query tokens: pass", error.Message);
        }
    }
}
