using System;
using System.Linq;
using System.Net;
using System.Text.Json;
using System.Threading.Tasks;
using ShortApi.Vidu.Emulator;
using ShortApi.Vidu.Tests.Support;
using Xunit;
using static ShortApi.Vidu.Tests.Emulator.EmulatorCalls;
using static ShortApi.Vidu.Tests.Emulator.ModelBodies;

namespace ShortApi.Vidu.Tests.Emulator
{
    /// <summary>
    /// Every model accepts a valid body with non-default arguments and charges what its page says. The amounts are
    /// worked out by hand from VIDU-MODELS.md and API-NOTES.md, so neither the emulator nor the module is trusted.
    /// </summary>
    public class ModelWireTests
    {
        [Theory]
        // Q2 image, seed table: turbo 1080p starts at 0.175 plus 0.05/s → 0.175 + 6 × 0.05.
        [InlineData(Q2Image, "'mode':'turbo','prompt':'x','duration':'7','image':'https://a/b.png','resolution':'1080p','generate_audio':true,'voice_id':'v1'", "0.475", 1, "string")]
        // pro 540p: 0.05 at 2 s plus 0.025/s → 0.05 + 2 × 0.025.
        [InlineData(Q2Image, "'mode':'pro','prompt':'x','duration':'4','image':'https://a/b.png','resolution':'540p'", "0.1", 1, "string")]
        // pro-fast 720p: 0.04 plus 0.01/s, the longest Q2 image video.
        [InlineData(Q2Image, "'mode':'pro-fast','prompt':'x','duration':'10','image':'https://a/b.png'", "0.13", 1, "string")]
        // Q2 start-end, the same table: turbo 720p 0.05 at 2 s plus 0.05/s, 8 s (its longest) → 0.05 + 6 × 0.05.
        [InlineData(Q2StartEnd, "'mode':'turbo','prompt':'x','duration':'8','image':'https://a/1.png','image_tail':'https://a/2.png'", "0.35", 2, "string")]
        // pro-fast 1080p: 0.08 plus 0.02/s → 0.08 + 2 × 0.02.
        [InlineData(Q2StartEnd, "'mode':'pro-fast','prompt':'x','duration':'3','image':'https://a/1.png','image_tail':'https://a/2.png','resolution':'1080p'", "0.12", 2, "string")]
        // Q2 text: 1080p starts at 0.10 plus 0.05/s → 0.10 + 5 × 0.05.
        [InlineData(Q2Text, "'prompt':'x','duration':'6','resolution':'1080p','aspect_ratio':'9:16'", "0.35", 0, "string")]
        // 540p: 0.05 plus 0.01/s → 0.05 + 9 × 0.01.
        [InlineData(Q2Text, "'prompt':'x','duration':'10','resolution':'540p','aspect_ratio':'1:1'", "0.14", 0, "string")]
        // Q3 image, per second: turbo 1080p 0.064 × 16.
        [InlineData(Q3Image, "'mode':'turbo','prompt':'x','duration':'16','image':'https://a/b.png','resolution':'1080p'", "1.024", 1, "string")]
        // pro 540p 0.056 × 2.
        [InlineData(Q3Image, "'prompt':'x','duration':'2','image':'https://a/b.png','resolution':'540p'", "0.112", 1, "string")]
        // Q3 start-end: turbo 540p 0.032 × 3 (audio costs nothing unless the surcharge option says so).
        [InlineData(Q3StartEnd, "'mode':'turbo','prompt':'x','duration':'3','image':'https://a/1.png','image_tail':'https://a/2.png','resolution':'540p','generate_audio':true", "0.096", 2, "string")]
        // Q3 text: pro 1080p 0.128 × 12.
        [InlineData(Q3Text, "'mode':'pro','prompt':'x','duration':'12','resolution':'1080p','aspect_ratio':'4:3','generate_audio':false", "1.536", 0, "string")]
        // Q3 reference, per second: mix 1080p 0.12 × 16, seven pictures, duration an integer.
        [InlineData(Q3Reference, "'mode':'mix','prompt':'x','duration':16,'images':['https://a/1.png','https://a/2.png','https://a/3.png','https://a/4.png','https://a/5.png','https://a/6.png','https://a/7.png'],'resolution':'1080p','aspect_ratio':'3:4'", "1.92", 7, "number")]
        // turbo 540p 0.02 × 3 (its shortest).
        [InlineData(Q3Reference, "'mode':'turbo','prompt':'x','duration':3,'images':['https://a/1.png','https://a/2.png'],'resolution':'540p'", "0.06", 2, "number")]
        // pro 720p 0.08 × 5, every default but the pictures.
        [InlineData(Q3Reference, "'prompt':'x','images':['https://a/1.png']", "0.4", 1, null)]
        public async Task A_valid_body_is_accepted_and_charged_by_the_models_own_rule(string model, string args, string amount, int images, string? durationType)
        {
            await using var emulator = await Emulators.StartAsync();
            using var response = await CreateAsync(emulator, Body(model, args));
            var text = await response.Content.ReadAsStringAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, text);
            using var json = JsonDocument.Parse(text);
            Assert.Equal(amount, json.RootElement.GetProperty("data").GetProperty("amount").GetString());

            var job = Assert.Single(emulator.State.AcceptedJobs);
            Assert.Equal(json.RootElement.GetProperty("data").GetProperty("job_id").GetString(), job.JobId);
            Assert.Equal(model, job.Model);
            Assert.Equal(decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), job.Amount);
            Assert.Equal(model[(model.LastIndexOf('/') + 1)..], job.Arguments.Kind);
            Assert.Equal(images, job.Arguments.ImageCount);
            Assert.Equal(durationType, job.Arguments.DurationJsonType);
            Assert.Equal(1, emulator.State.CreatesAccepted);
            Assert.Equal(0, emulator.State.CreatesRefused);
        }

        [Fact]
        public async Task Defaults_are_filled_in_and_recorded_per_model()
        {
            await using var emulator = await Emulators.StartAsync();
            foreach (var model in AllModels)
            {
                await CreateJobAsync(emulator, Body(model, MinimalArgs(model)));
            }

            var jobs = emulator.State.AcceptedJobs;
            Assert.Equal(AllModels, jobs.Select(job => job.Model));
            Assert.All(jobs, job =>
            {
                Assert.Equal("720p", job.Arguments.Resolution);
                Assert.Equal(5, job.Arguments.DurationSeconds);
                Assert.Null(job.Arguments.DurationJsonType);
                Assert.False(job.Arguments.GenerateAudio);
                Assert.Equal(job.Model == Q2Text ? null : "pro", job.Arguments.Mode);
                Assert.Equal(job.Model is Q2Text or Q3Text or Q3Reference ? "16:9" : null, job.Arguments.AspectRatio);
            });

            // The defaults' prices: seed pro 720p 5 s; start-end the same; Q2 text 720p as its page states (0.75 + 4 × 0.025);
            // Q3 pro 720p 0.12 × 5 three times; reference pro 720p 0.08 × 5.
            Assert.Equal(new[] { 0.275m, 0.275m, 0.85m, 0.6m, 0.6m, 0.6m, 0.4m }, jobs.Select(job => job.Amount));
        }

        [Fact]
        public async Task The_recordings_carry_the_arguments_read_and_the_job_made()
        {
            await using var emulator = await Emulators.StartAsync();
            var id = await CreateJobAsync(emulator, Body(Q3Reference, "'prompt':'x','duration':4,'images':" + ModelBodies.ImageList(3)));
            using (var refused = await CreateAsync(emulator, Body(Q3Reference, "'prompt':'x','duration':'4','images':" + ModelBodies.ImageList(3))))
            {
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            }

            using var requests = await GetJsonAsync(emulator, "/_emulator/requests");
            var creates = requests.RootElement.EnumerateArray().ToArray();
            Assert.Equal(2, creates.Length);
            var arguments = creates[0].GetProperty("arguments");
            Assert.Equal(id, creates[0].GetProperty("jobId").GetString());
            Assert.Equal(Q3Reference, arguments.GetProperty("model").GetString());
            Assert.Equal("reference-to-video", arguments.GetProperty("kind").GetString());
            Assert.Equal(3, arguments.GetProperty("imageCount").GetInt32());
            Assert.Equal("number", arguments.GetProperty("durationJsonType").GetString());
            Assert.Equal(4, arguments.GetProperty("durationSeconds").GetInt32());
            Assert.Equal(new[] { "prompt", "duration", "images" }, arguments.GetProperty("argNames").EnumerateArray().Select(name => name.GetString()));
            Assert.Equal(JsonValueKind.Null, creates[1].GetProperty("arguments").ValueKind);
            Assert.Equal(JsonValueKind.Null, creates[1].GetProperty("jobId").ValueKind);

            using var jobs = await GetJsonAsync(emulator, "/_emulator/jobs");
            var job = Assert.Single(jobs.RootElement.EnumerateArray().ToArray());
            Assert.Equal(id, job.GetProperty("jobId").GetString());
            Assert.Equal(Q3Reference, job.GetProperty("model").GetString());
            Assert.Equal(0.32m, job.GetProperty("amount").GetDecimal());
        }

        [Fact]
        public async Task A_valid_create_refused_for_the_balance_keeps_its_arguments_but_no_job()
        {
            await using var emulator = await Emulators.StartAsync(o => o.Balance = 0.5m);
            using var response = await CreateAsync(emulator, Body(Q3Text, "'prompt':'x'"));
            Assert.Equal(HttpStatusCode.PaymentRequired, response.StatusCode);
            var recorded = Assert.Single(emulator.State.RecordedRequests);
            Assert.Equal(Q3Text, recorded.Arguments!.Model);
            Assert.Null(recorded.JobId);
            Assert.Empty(emulator.State.AcceptedJobs);
        }

        [Fact]
        public async Task Long_pictures_are_shortened_in_the_recorded_body_wherever_they_are()
        {
            var png = "data:image/png;base64," + Convert.ToBase64String(Pictures.Png(8, 8, padding: 1024));
            await using var emulator = await Emulators.StartAsync();
            await CreateJobAsync(emulator, Body(Q3Reference, "'prompt':'x','images':['" + png + "','https://a/2.png']"));
            await CreateJobAsync(emulator, Body(Q2StartEnd, "'prompt':'x','image':'" + png + "','image_tail':'" + png + "'"));

            var bodies = emulator.State.RecordedRequests.Select(request => request.Body!).ToArray();
            Assert.All(bodies, body => Assert.DoesNotContain("base64", body));
            Assert.Contains("\"images\":[\"<data uri: " + png.Length + " chars>\",\"https://a/2.png\"]", bodies[0]);
            Assert.Contains("\"image_tail\":\"<data uri: " + png.Length + " chars>\"", bodies[1]);
        }

        [Theory]
        [InlineData(Q2Image, "'prompt':'x','image':'https://a/b.png','generate_audio':true,'voice_id':'v1'", "0.35")]
        [InlineData(Q3StartEnd, "'prompt':'x','image':'https://a/1.png','image_tail':'https://a/2.png','generate_audio':true", "0.675")]
        [InlineData(Q3Text, "'prompt':'x','generate_audio':true", "0.675")]
        [InlineData(Q3Text, "'prompt':'x','generate_audio':false", "0.6")]
        public async Task The_audio_surcharge_applies_to_every_model_with_generate_audio(string model, string args, string amount)
        {
            await using var emulator = await Emulators.StartAsync(o => o.AudioSurcharge = 0.075m);
            using var response = await CreateAsync(emulator, Body(model, args));
            using var json = await JsonOfAsync(response);
            Assert.Equal(amount, json.RootElement.GetProperty("data").GetProperty("amount").GetString());
        }

        [Fact]
        public async Task Q2_text_at_720p_charges_the_pages_start_unless_told_to_charge_the_likely_one()
        {
            var body = Body(Q2Text, "'prompt':'x','duration':'3','resolution':'720p'");
            await using var emulator = await Emulators.StartAsync();
            Assert.Equal(0.75m, emulator.Options.Q2TextCharge720pStart);
            using (var stated = await CreateAsync(emulator, body))
            using (var json = await JsonOfAsync(stated))
            {
                Assert.Equal("0.8", json.RootElement.GetProperty("data").GetProperty("amount").GetString()); // 0.75 + 2 × 0.025
            }

            using (var patched = await PostJsonAsync(emulator, "/_emulator/options", "{\"q2TextCharge720pStart\":0.075}"))
            using (var view = await JsonOfAsync(patched))
            {
                Assert.Equal(0.075m, view.RootElement.GetProperty("q2TextCharge720pStart").GetDecimal());
            }

            using (var likely = await CreateAsync(emulator, body))
            using (var json = await JsonOfAsync(likely))
            {
                Assert.Equal("0.125", json.RootElement.GetProperty("data").GetProperty("amount").GetString()); // 0.075 + 2 × 0.025
            }

            // The other resolutions keep their own starts.
            using var other = await CreateAsync(emulator, Body(Q2Text, "'prompt':'x','duration':'3','resolution':'1080p'"));
            using var otherJson = await JsonOfAsync(other);
            Assert.Equal("0.2", otherJson.RootElement.GetProperty("data").GetProperty("amount").GetString()); // 0.10 + 2 × 0.05
        }

        [Fact]
        public async Task The_prompt_markers_work_on_every_model()
        {
            await using var emulator = await Emulators.StartAsync(o => o.JobDuration = TimeSpan.Zero);
            var failed = await CreateJobAsync(emulator, Body(Q3Reference, "'prompt':'a #fail','images':" + ModelBodies.ImageList(2)));
            var stuck = await CreateJobAsync(emulator, Body(Q2Text, "'prompt':'a #status=7'"));
            using var failedAnswer = await JsonOfAsync(await QueryAsync(emulator, failed));
            using var stuckAnswer = await JsonOfAsync(await QueryAsync(emulator, stuck));
            Assert.Equal(3, failedAnswer.RootElement.GetProperty("data").GetProperty("status").GetInt32());
            Assert.Equal(7, stuckAnswer.RootElement.GetProperty("data").GetProperty("status").GetInt32());
        }
    }
}
