using System;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using ShortApi.Vidu.Emulator;
using ShortApi.Vidu.Tests.Support;
using Xunit;
using static ShortApi.Vidu.Tests.Emulator.EmulatorCalls;

namespace ShortApi.Vidu.Tests.Emulator
{
    /// <summary>FlatAnswers: the shape the API page's own JavaScript and Python examples read, with no <c>data</c> object.</summary>
    public class FlatAnswerTests
    {
        private static async Task<string> CreateFlatAsync(EmulatorServer emulator, string body = ValidBody)
        {
            using var response = await CreateAsync(emulator, body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadAsStringAsync();
        }

        [Fact]
        public async Task The_create_answer_has_job_id_and_amount_at_the_top_level()
        {
            await using var emulator = await Emulators.StartAsync(o => o.FlatAnswers = true);
            var text = await CreateFlatAsync(emulator);
            var id = Assert.Single(emulator.State.AcceptedJobIds);
            Assert.Equal("{\"code\":0,\"job_id\":\"" + id + "\",\"amount\":\"0.275\"}", text);
        }

        [Fact]
        public async Task The_query_answer_has_status_and_result_at_the_top_level()
        {
            await using var emulator = await Emulators.StartAsync(o =>
            {
                o.FlatAnswers = true;
                o.JobDuration = TimeSpan.Zero;
            });
            using var created = JsonDocument.Parse(await CreateFlatAsync(emulator));
            var id = created.RootElement.GetProperty("job_id").GetString()!;
            using var response = await QueryAsync(emulator, id);
            var text = await response.Content.ReadAsStringAsync();

            Assert.Equal("{\"code\":0,\"status\":2,\"result\":{\"images\":[{\"url\":\"" + new Uri(emulator.CdnUri, "files/" + id + ".mp4").AbsoluteUri + "\"}]}}", text);
        }

        [Fact]
        public async Task A_failed_job_has_its_error_at_the_top_level()
        {
            await using var emulator = await Emulators.StartAsync(o =>
            {
                o.FlatAnswers = true;
                o.JobDuration = TimeSpan.Zero;
            });
            using var created = JsonDocument.Parse(await CreateFlatAsync(emulator, ValidBody.Replace("\"prompt\":\"x\"", "\"prompt\":\"x #fail\"")));
            using var response = await QueryAsync(emulator, created.RootElement.GetProperty("job_id").GetString()!);
            using var json = await JsonOfAsync(response);

            Assert.False(json.RootElement.TryGetProperty("data", out _));
            Assert.Equal(3, json.RootElement.GetProperty("status").GetInt32());
            Assert.Contains("#fail", json.RootElement.GetProperty("error").GetString());
        }

        [Fact]
        public async Task The_options_patch_turns_the_flat_shape_on_and_off_and_errors_keep_the_envelope()
        {
            await using var emulator = await Emulators.StartAsync();
            using (var on = await PostJsonAsync(emulator, "/_emulator/options", "{\"flatAnswers\":true}"))
            {
                on.EnsureSuccessStatusCode();
                using var view = await JsonOfAsync(on);
                Assert.True(view.RootElement.GetProperty("flatAnswers").GetBoolean());
            }

            Assert.StartsWith("{\"code\":0,\"job_id\":", await CreateFlatAsync(emulator));
            using (var refused = await CreateAsync(emulator, "{}"))
            {
                Assert.StartsWith("{\"code\":400,\"msg\":", await refused.Content.ReadAsStringAsync());
            }

            (await PostJsonAsync(emulator, "/_emulator/options", "{\"flatAnswers\":false}")).EnsureSuccessStatusCode();
            Assert.StartsWith("{\"code\":0,\"data\":{", await CreateFlatAsync(emulator));

            using var bad = await PostJsonAsync(emulator, "/_emulator/options", "{\"flatAnswers\":1}");
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        }
    }
}
