using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;
using ShortApi.Vidu.Emulator;
using ShortApi.Vidu.Tests.Support;
using Xunit;
using static ShortApi.Vidu.Tests.Emulator.EmulatorCalls;
using static ShortApi.Vidu.Tests.Emulator.ModelBodies;

namespace ShortApi.Vidu.Tests.Emulator
{
    /// <summary>The list under <c>result</c> can be named per model, so one run can have a model answer videos and another images.</summary>
    public class ModelResultFieldTests
    {
        private static async Task<string> FinishedListNameAsync(EmulatorServer emulator, string jobId)
        {
            using var response = await QueryAsync(emulator, jobId);
            using var json = await JsonOfAsync(response);
            var data = json.RootElement.GetProperty("data");
            Assert.Equal(2, data.GetProperty("status").GetInt32());
            return Assert.Single(data.GetProperty("result").EnumerateObject()).Name;
        }

        [Fact]
        public async Task A_model_named_in_ResultFieldByModel_answers_its_own_list_and_the_rest_follow_ResultField()
        {
            await using var emulator = await Emulators.StartAsync(o =>
            {
                o.JobDuration = TimeSpan.Zero;
                o.ResultFieldByModel[Q3Text] = "videos";
            });
            var text = await CreateJobAsync(emulator, Body(Q3Text, MinimalArgs(Q3Text)));
            var image = await CreateJobAsync(emulator, Body(Q2Image, MinimalArgs(Q2Image)));
            Assert.Equal("videos", await FinishedListNameAsync(emulator, text));
            Assert.Equal("images", await FinishedListNameAsync(emulator, image));

            // The per-model name wins over a changed default, and is read at query time.
            emulator.Options.ResultField = "videos";
            emulator.Options.ResultFieldByModel = new Dictionary<string, string> { [Q2Image] = "images", [Q3Text] = "images" };
            Assert.Equal("images", await FinishedListNameAsync(emulator, text));
            Assert.Equal("images", await FinishedListNameAsync(emulator, image));
            var reference = await CreateJobAsync(emulator, Body(Q3Reference, MinimalArgs(Q3Reference)));
            Assert.Equal("videos", await FinishedListNameAsync(emulator, reference));
        }

        [Fact]
        public async Task The_options_patch_sets_and_clears_the_per_model_names()
        {
            await using var emulator = await Emulators.StartAsync(o => o.JobDuration = TimeSpan.Zero);
            using (var patched = await PostJsonAsync(emulator, "/_emulator/options", "{\"resultFieldByModel\":{\"" + Q2StartEnd + "\":\"videos\"}}"))
            {
                Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
                using var view = await JsonOfAsync(patched);
                Assert.Equal("videos", view.RootElement.GetProperty("resultFieldByModel").GetProperty(Q2StartEnd).GetString());
            }

            var job = await CreateJobAsync(emulator, Body(Q2StartEnd, MinimalArgs(Q2StartEnd)));
            Assert.Equal("videos", await FinishedListNameAsync(emulator, job));

            (await PostJsonAsync(emulator, "/_emulator/options", "{\"resultFieldByModel\":null}")).EnsureSuccessStatusCode();
            Assert.Empty(emulator.Options.ResultFieldByModel);
            Assert.Equal("images", await FinishedListNameAsync(emulator, job));
        }

        [Theory]
        [InlineData("{\"resultFieldByModel\":{\"vidu/vidu-q2/reference-to-video\":\"videos\"}}", "not served")]
        [InlineData("{\"resultFieldByModel\":{\"vidu/vidu-q3/text-to-video\":\"\"}}", "empty")]
        [InlineData("{\"resultFieldByModel\":{\"vidu/vidu-q3/text-to-video\":1}}", "must be a string")]
        [InlineData("{\"resultFieldByModel\":[\"videos\"]}", "must be an object")]
        [InlineData("{\"q2TextCharge720pStart\":\"0.075\"}", "q2TextCharge720pStart must be a number")]
        [InlineData("{\"q2TextCharge720pStart\":-1}", "must not be negative")]
        public async Task A_bad_patch_is_refused_and_changes_nothing(string patch, string message)
        {
            await using var emulator = await Emulators.StartAsync(o => o.ResultFieldByModel[Q3Image] = "videos");
            using var response = await PostJsonAsync(emulator, "/_emulator/options", patch);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains(message, await response.Content.ReadAsStringAsync());
            Assert.Equal("videos", Assert.Single(emulator.Options.ResultFieldByModel).Value);
            Assert.Equal(0.75m, emulator.Options.Q2TextCharge720pStart);
        }

        [Fact]
        public async Task An_unknown_model_in_the_options_stops_the_start()
        {
            var options = new EmulatorOptions();
            options.ResultFieldByModel["vidu/vidu-q9/image-to-video"] = "videos";
            var error = await Assert.ThrowsAsync<ArgumentException>(() => EmulatorServer.StartAsync(options));
            Assert.Contains("vidu/vidu-q9/image-to-video", error.Message);
        }

        [Fact]
        public async Task Callbacks_and_nourl_use_the_models_list_name()
        {
            await using var emulator = await Emulators.StartAsync(o =>
            {
                o.JobDuration = TimeSpan.FromMilliseconds(100);
                o.ResultFieldByModel[Q3Reference] = "videos";
            });
            var sink = new Uri(emulator.BaseUri, "/_emulator/callback-sink").AbsoluteUri;
            var body = Body(Q3Reference, MinimalArgs(Q3Reference)).TrimEnd('}') + "},\"callback_url\":\"" + sink + "\"}";
            var job = await CreateJobAsync(emulator, body);
            await emulator.State.WaitUntilAsync(s => s.CallbackSinkBodies.Count == 1, TimeSpan.FromSeconds(10));
            Assert.Contains("\"result\":{\"videos\":[{\"url\":", emulator.State.CallbackSinkBodies.Single());

            emulator.EnqueueFaults("query", "nourl");
            using var response = await QueryAsync(emulator, job);
            Assert.Equal("{\"code\":0,\"data\":{\"status\":2,\"result\":{\"videos\":[]}}}", await response.Content.ReadAsStringAsync());
        }

        [Fact]
        public async Task The_command_line_names_lists_per_model_and_the_Q2_text_720p_start()
        {
            using var process = EmulatorProcess.Start(
                "--job-seconds", "0", "--result-field-for", Q3Text + "=videos", "--result-field-for", Q2Text + "=images",
                "--result-field", "videos", "--q2-text-720p-start", "0.075", "--exit-on-stdin-close");
            try
            {
                var baseUri = await EmulatorProcess.ReadBaseUriAsync(process);
                using var options = JsonDocument.Parse(await WireClient.GetStringAsync(new Uri(baseUri, "/_emulator/options")));
                Assert.Equal("videos", options.RootElement.GetProperty("resultFieldByModel").GetProperty(Q3Text).GetString());
                Assert.Equal(0.075m, options.RootElement.GetProperty("q2TextCharge720pStart").GetDecimal());

                var (q2Text, amount) = await CreateOverAsync(baseUri, Body(Q2Text, "'prompt':'x'"));
                Assert.Equal("0.175", amount); // 0.075 + 4 × 0.025
                var (q3Text, _) = await CreateOverAsync(baseUri, Body(Q3Text, "'prompt':'x'"));
                var (q3Image, _) = await CreateOverAsync(baseUri, Body(Q3Image, MinimalArgs(Q3Image)));
                Assert.Contains("\"images\":", await QueryOverAsync(baseUri, q2Text));
                Assert.Contains("\"videos\":", await QueryOverAsync(baseUri, q3Text));
                Assert.Contains("\"videos\":", await QueryOverAsync(baseUri, q3Image));

                process.StandardInput.Close();
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
                Assert.Equal(0, process.ExitCode);
            }
            finally
            {
                EmulatorProcess.Stop(process);
            }
        }

        [Theory]
        [InlineData("--result-field-for", "vidu/vidu-q3/text-to-video")]
        [InlineData("--result-field-for", "vidu/vidu-q3/text-to-video=clips")]
        [InlineData("--result-field-for", "vidu/vidu-q9/text-to-video=videos")]
        [InlineData("--q2-text-720p-start", "cheap")]
        public async Task A_bad_value_on_the_command_line_exits_with_code_2(string option, string value)
        {
            using var process = EmulatorProcess.Start(option, value);
            var error = await process.StandardError.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(30));
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(2, process.ExitCode);
            Assert.StartsWith("error: ", error);
        }

        private static async Task<(string JobId, string Amount)> CreateOverAsync(Uri baseUri, string body)
        {
            using var response = await WireClient.SendAsync(new HttpRequestMessage(HttpMethod.Post, new Uri(baseUri, "/api/v1/job/create"))
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "emulator-key") },
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            });
            response.EnsureSuccessStatusCode();
            using var json = await JsonOfAsync(response);
            var data = json.RootElement.GetProperty("data");
            return (data.GetProperty("job_id").GetString()!, data.GetProperty("amount").GetString()!);
        }

        private static async Task<string> QueryOverAsync(Uri baseUri, string jobId)
        {
            using var response = await WireClient.SendAsync(new HttpRequestMessage(HttpMethod.Get, new Uri(baseUri, "/api/v1/job/query?id=" + jobId))
            {
                Headers = { Authorization = new AuthenticationHeaderValue("Bearer", "emulator-key") },
            });
            return await response.Content.ReadAsStringAsync();
        }
    }
}
