using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using ShortApi.Vidu.Tests.Support;
using Xunit;
using static ShortApi.Vidu.Tests.Emulator.EmulatorCalls;

namespace ShortApi.Vidu.Tests.Emulator
{
    /// <summary>The account balance: accepted creates are charged; one costing more than is left is a 402 refusal with no job.</summary>
    public class BalanceTests
    {
        [Fact]
        public async Task Creates_are_charged_until_the_next_one_costs_more_than_is_left()
        {
            // Exactly two jobs' worth: the second spends the last cent, which is allowed.
            await using var emulator = await Emulators.StartAsync(o => o.Balance = 2 * ValidBodyPrice);
            using var first = await CreateAsync(emulator);
            Assert.Equal(ValidBodyPrice, emulator.State.BalanceRemaining);
            using var second = await CreateAsync(emulator);
            using var third = await CreateAsync(emulator);

            Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            Assert.Equal(HttpStatusCode.OK, second.StatusCode);
            Assert.Equal(HttpStatusCode.PaymentRequired, third.StatusCode);
            using var json = await JsonOfAsync(third);
            Assert.Equal(402, json.RootElement.GetProperty("code").GetInt32());
            Assert.Equal("insufficient balance: this job costs 0.275 USD and 0 USD is left", json.RootElement.GetProperty("msg").GetString());
            Assert.Equal(2, emulator.State.CreatesAccepted);
            Assert.Equal(1, emulator.State.CreatesRefused);
            Assert.Equal(0m, emulator.State.BalanceRemaining);
        }

        [Fact]
        public async Task The_stats_report_what_is_left_and_null_when_unlimited()
        {
            await using var emulator = await Emulators.StartAsync(o => o.Balance = 1m);
            await CreateJobAsync(emulator);
            using (var stats = await GetJsonAsync(emulator, "/_emulator/stats"))
            {
                Assert.Equal(0.725m, stats.RootElement.GetProperty("balanceRemaining").GetDecimal());
            }

            emulator.Options.Balance = null;
            using (var stats = await GetJsonAsync(emulator, "/_emulator/stats"))
            {
                Assert.Equal(JsonValueKind.Null, stats.RootElement.GetProperty("balanceRemaining").ValueKind);
            }
        }

        [Fact]
        public async Task Reset_restores_the_configured_balance()
        {
            await using var emulator = await Emulators.StartAsync(o => o.Balance = 0.3m);
            await CreateJobAsync(emulator);
            Assert.Equal(0.025m, emulator.State.BalanceRemaining);
            (await PostJsonAsync(emulator, "/_emulator/reset", "{}")).EnsureSuccessStatusCode();
            Assert.Equal(0.3m, emulator.State.BalanceRemaining);
            Assert.Equal(0, emulator.State.CreatesRefused);
        }

        [Fact]
        public async Task The_options_patch_sets_a_balance_and_null_lifts_it()
        {
            await using var emulator = await Emulators.StartAsync();
            using (var set = await PostJsonAsync(emulator, "/_emulator/options", "{\"balance\":0.3}"))
            {
                set.EnsureSuccessStatusCode();
                using var view = await JsonOfAsync(set);
                Assert.Equal(0.3m, view.RootElement.GetProperty("balance").GetDecimal());
            }

            using (var ok = await CreateAsync(emulator)) Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
            using (var refused = await CreateAsync(emulator)) Assert.Equal(HttpStatusCode.PaymentRequired, refused.StatusCode);

            // Naming the same balance again gives the account that much afresh.
            (await PostJsonAsync(emulator, "/_emulator/options", "{\"balance\":0.3}")).EnsureSuccessStatusCode();
            Assert.Equal(0.3m, emulator.State.BalanceRemaining);

            (await PostJsonAsync(emulator, "/_emulator/options", "{\"balance\":null}")).EnsureSuccessStatusCode();
            for (var i = 0; i < 3; i++)
            {
                using var unlimited = await CreateAsync(emulator);
                Assert.Equal(HttpStatusCode.OK, unlimited.StatusCode);
            }

            Assert.Null(emulator.State.BalanceRemaining);
        }

        [Theory]
        [InlineData("{\"balance\":-1}")]
        [InlineData("{\"balance\":\"1\"}")]
        public async Task A_bad_balance_is_refused_and_changes_nothing(string patch)
        {
            await using var emulator = await Emulators.StartAsync(o => o.Balance = 1m);
            using var response = await PostJsonAsync(emulator, "/_emulator/options", patch);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(1m, emulator.Options.Balance);
        }

        [Fact]
        public async Task A_short_balance_refuses_before_a_fault_that_would_strike_after_creation()
        {
            await using var emulator = await Emulators.StartAsync(o => o.Balance = 0.1m);
            emulator.EnqueueFaults("create", "gateway:502");
            using var response = await CreateAsync(emulator);
            Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
            Assert.Equal(0, emulator.State.CreatesAccepted);
            Assert.Equal(0.1m, emulator.State.BalanceRemaining);
        }

        [Fact]
        public async Task Concurrent_creates_never_spend_more_than_the_balance()
        {
            await using var emulator = await Emulators.StartAsync(o => o.Balance = 5 * ValidBodyPrice);
            var sends = new Task<System.Net.Http.HttpResponseMessage>[20];
            for (var i = 0; i < sends.Length; i++) sends[i] = CreateAsync(emulator);
            foreach (var response in await Task.WhenAll(sends)) response.Dispose();

            Assert.Equal(5, emulator.State.CreatesAccepted);
            Assert.Equal(15, emulator.State.CreatesRefused);
            Assert.Equal(0m, emulator.State.BalanceRemaining);
        }
    }
}
