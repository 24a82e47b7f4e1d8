using System;
using System.Net;
using System.Threading.Tasks;
using ShortApi.Vidu.Emulator;
using ShortApi.Vidu.Tests.Support;
using Xunit;
using static ShortApi.Vidu.Tests.Emulator.EmulatorCalls;
using static ShortApi.Vidu.Tests.Emulator.ModelBodies;

namespace ShortApi.Vidu.Tests.Emulator
{
    /// <summary>One emulator for the whole class; its tests run one after another, so counter deltas are exact.</summary>
    public sealed class RuleEmulatorFixture : IAsyncLifetime
    {
        public EmulatorServer Emulator { get; private set; } = null!;

        public async Task InitializeAsync() => Emulator = await Emulators.StartAsync();

        public async Task DisposeAsync() => await Emulator.DisposeAsync();
    }

    /// <summary>
    /// Every rule of every model's page, broken once: a 400 in the service's envelope whose message names the field,
    /// and no job. The expected text is the field's name (and for a few, the rule), which module tests may rely on.
    /// </summary>
    public class ModelRuleTests : IClassFixture<RuleEmulatorFixture>
    {
        private const string Url = "'https://a/b.png'";
        private readonly EmulatorServer emulator;

        public ModelRuleTests(RuleEmulatorFixture fixture)
        {
            emulator = fixture.Emulator;
        }

        [Theory]
        // Unknown model ids, including the Q2 reference model that has no page yet.
        [InlineData("vidu/vidu-q2/reference-to-video", "'prompt':'x','images':[" + Url + "]", "model \"vidu/vidu-q2/reference-to-video\" is not served")]
        [InlineData("vidu/vidu-q1/image-to-video", "'prompt':'x','image':" + Url, "model \"vidu/vidu-q1/image-to-video\" is not served")]
        // prompt is required on every page.
        [InlineData(Q2Image, "'image':" + Url, "args.prompt is required")]
        [InlineData(Q2StartEnd, "'image':" + Url + ",'image_tail':" + Url, "args.prompt is required")]
        [InlineData(Q2Text, "'duration':'5'", "args.prompt is required")]
        [InlineData(Q3Image, "'image':" + Url, "args.prompt is required")]
        [InlineData(Q3StartEnd, "'image':" + Url + ",'image_tail':" + Url, "args.prompt is required")]
        [InlineData(Q3Text, "'prompt':' '", "args.prompt must not be empty")]
        [InlineData(Q3Reference, "'images':[" + Url + "]", "args.prompt is required")]
        // Pictures each model requires.
        [InlineData(Q2Image, "'prompt':'x'", "args.image is required")]
        [InlineData(Q3Image, "'prompt':'x','image':null", "args.image is required")]
        [InlineData(Q2StartEnd, "'prompt':'x','image_tail':" + Url, "args.image is required")]
        [InlineData(Q2StartEnd, "'prompt':'x','image':" + Url, "args.image_tail is required")]
        [InlineData(Q3StartEnd, "'prompt':'x','image':" + Url, "args.image_tail is required")]
        [InlineData(Q3StartEnd, "'prompt':'x','image':" + Url + ",'image_tail':'ftp://a/b.png'", "args.image_tail must be an absolute http(s) URL")]
        [InlineData(Q3Reference, "'prompt':'x'", "args.images is required")]
        [InlineData(Q3Reference, "'prompt':'x','images':" + Url, "args.images must be a JSON array of 1 to 7 image strings")]
        [InlineData(Q3Reference, "'prompt':'x','images':[]", "args.images must hold 1 to 7 images (got 0)")]
        [InlineData(Q3Reference, "'prompt':'x','images':[" + Url + "," + Url + "," + Url + "," + Url + "," + Url + "," + Url + "," + Url + "," + Url + "]", "args.images must hold 1 to 7 images (got 8)")]
        [InlineData(Q3Reference, "'prompt':'x','images':[" + Url + ",'b.png']", "args.images[1] must be an absolute http(s) URL")]
        [InlineData(Q3Reference, "'prompt':'x','images':[" + Url + ",42]", "args.images[1] must be a string")]
        [InlineData(Q3Reference, "'prompt':'x','images':['data:image/png;base64,/9j/4AAQSkZJRgABAQ==']", "args.images[0] data URI declares image/png but its bytes are not a PNG image")]
        [InlineData(Q3Reference, "'prompt':'x','images':['data:image/gif;base64,R0lGODlh']", "args.images[0] must be an absolute http(s) URL or a data:image/png|jpeg|webp;base64,... URI")]
        // Arguments a model does not list are refused, even as null.
        [InlineData(Q2Text, "'mode':'pro','prompt':'x'", "args.mode is not an argument of vidu/vidu-q2/text-to-video")]
        [InlineData(Q3Image, "'prompt':'x','image':" + Url + ",'generate_audio':false", "args.generate_audio is not an argument of vidu/vidu-q3/image-to-video")]
        [InlineData(Q2Image, "'prompt':'x','image':" + Url + ",'aspect_ratio':'16:9'", "args.aspect_ratio is not an argument of vidu/vidu-q2/image-to-video")]
        [InlineData(Q2Image, "'prompt':'x','image':" + Url + ",'aspect_ratio':null", "args.aspect_ratio is not an argument")]
        [InlineData(Q2StartEnd, "'prompt':'x','image':" + Url + ",'image_tail':" + Url + ",'aspect_ratio':'16:9'", "args.aspect_ratio is not an argument")]
        [InlineData(Q3Image, "'prompt':'x','image':" + Url + ",'aspect_ratio':'16:9'", "args.aspect_ratio is not an argument")]
        [InlineData(Q3StartEnd, "'prompt':'x','image':" + Url + ",'image_tail':" + Url + ",'aspect_ratio':'1:1'", "args.aspect_ratio is not an argument")]
        [InlineData(Q2StartEnd, "'prompt':'x','image':" + Url + ",'image_tail':" + Url + ",'generate_audio':true", "args.generate_audio is not an argument")]
        [InlineData(Q3StartEnd, "'prompt':'x','image':" + Url + ",'image_tail':" + Url + ",'voice_id':'v'", "args.voice_id is not an argument")]
        [InlineData(Q3Text, "'prompt':'x','generate_audio':true,'voice_id':'v'", "args.voice_id is not an argument")]
        [InlineData(Q3Reference, "'prompt':'x','images':[" + Url + "],'generate_audio':false", "args.generate_audio is not an argument")]
        [InlineData(Q2Text, "'prompt':'x','image':" + Url, "args.image is not an argument of vidu/vidu-q2/text-to-video")]
        [InlineData(Q3Text, "'prompt':'x','image':" + Url, "args.image is not an argument")]
        [InlineData(Q3Reference, "'prompt':'x','image':" + Url + ",'images':[" + Url + "]", "args.image is not an argument")]
        [InlineData(Q3Reference, "'prompt':'x','images':[" + Url + "],'image_tail':" + Url, "args.image_tail is not an argument")]
        [InlineData(Q3Image, "'prompt':'x','images':[" + Url + "]", "args.images is not an argument")]
        [InlineData(Q2Image, "'prompt':'x','image':" + Url + ",'image_tail':" + Url, "args.image_tail is not an argument")]
        [InlineData(Q3Text, "'prompt':'x','seed':1", "args.seed is not an argument")]
        // duration: a string everywhere but Q3 reference, where it is an integer.
        [InlineData(Q2Image, "'prompt':'x','image':" + Url + ",'duration':5", "args.duration must be a string")]
        [InlineData(Q2StartEnd, "'prompt':'x','image':" + Url + ",'image_tail':" + Url + ",'duration':5", "args.duration must be a string")]
        [InlineData(Q2Text, "'prompt':'x','duration':5", "args.duration must be a string")]
        [InlineData(Q3Image, "'prompt':'x','image':" + Url + ",'duration':5", "args.duration must be a string")]
        [InlineData(Q3StartEnd, "'prompt':'x','image':" + Url + ",'image_tail':" + Url + ",'duration':5", "args.duration must be a string")]
        [InlineData(Q3Text, "'prompt':'x','duration':5", "args.duration must be a string")]
        [InlineData(Q3Reference, "'prompt':'x','images':[" + Url + "],'duration':'5'", "args.duration must be an integer")]
        [InlineData(Q3Reference, "'prompt':'x','images':[" + Url + "],'duration':5.5", "args.duration must be an integer")]
        // duration out of each model's range.
        [InlineData(Q2Image, "'prompt':'x','image':" + Url + ",'duration':'11'", "args.duration must be one of \"1\" to \"10\"")]
        [InlineData(Q2Image, "'prompt':'x','image':" + Url + ",'duration':'0'", "args.duration must be one of \"1\" to \"10\"")]
        [InlineData(Q2StartEnd, "'prompt':'x','image':" + Url + ",'image_tail':" + Url + ",'duration':'9'", "args.duration must be one of \"1\" to \"8\"")]
        [InlineData(Q2Text, "'prompt':'x','duration':'11'", "args.duration must be one of \"1\" to \"10\"")]
        [InlineData(Q3Image, "'prompt':'x','image':" + Url + ",'duration':'17'", "args.duration must be one of \"1\" to \"16\"")]
        [InlineData(Q3StartEnd, "'prompt':'x','image':" + Url + ",'image_tail':" + Url + ",'duration':'17'", "args.duration must be one of \"1\" to \"16\"")]
        [InlineData(Q3Text, "'prompt':'x','duration':'0'", "args.duration must be one of \"1\" to \"16\"")]
        [InlineData(Q3Reference, "'prompt':'x','images':[" + Url + "],'duration':2", "args.duration must be an integer from 3 to 16")]
        [InlineData(Q3Reference, "'prompt':'x','images':[" + Url + "],'duration':17", "args.duration must be an integer from 3 to 16")]
        // Modes: Q3 has no pro-fast; only reference has mix; Q2 has no mix.
        [InlineData(Q3Image, "'mode':'pro-fast','prompt':'x','image':" + Url, "args.mode must be one of pro, turbo")]
        [InlineData(Q3StartEnd, "'mode':'pro-fast','prompt':'x','image':" + Url + ",'image_tail':" + Url, "args.mode must be one of pro, turbo")]
        [InlineData(Q3Text, "'mode':'mix','prompt':'x'", "args.mode must be one of pro, turbo")]
        [InlineData(Q3Reference, "'mode':'pro-fast','prompt':'x','images':[" + Url + "]", "args.mode must be one of pro, turbo, mix")]
        [InlineData(Q2Image, "'mode':'mix','prompt':'x','image':" + Url, "args.mode must be one of turbo, pro, pro-fast")]
        [InlineData(Q2StartEnd, "'mode':'Pro','prompt':'x','image':" + Url + ",'image_tail':" + Url, "args.mode must be one of turbo, pro, pro-fast")]
        // Resolutions: no 540p in pro-fast (Q2) or mix (Q3 reference); nothing outside the three.
        [InlineData(Q2Image, "'mode':'pro-fast','prompt':'x','image':" + Url + ",'resolution':'540p'", "args.resolution 540p is not supported in pro-fast mode")]
        [InlineData(Q2StartEnd, "'mode':'pro-fast','prompt':'x','image':" + Url + ",'image_tail':" + Url + ",'resolution':'540p'", "args.resolution 540p is not supported in pro-fast mode")]
        [InlineData(Q3Reference, "'mode':'mix','prompt':'x','images':[" + Url + "],'resolution':'540p'", "args.resolution 540p is not supported in mix mode")]
        [InlineData(Q3Text, "'prompt':'x','resolution':'4k'", "args.resolution must be one of 540p, 720p, 1080p")]
        [InlineData(Q2Text, "'prompt':'x','resolution':'360p'", "args.resolution must be one of 540p, 720p, 1080p")]
        // Aspect ratios.
        [InlineData(Q2Text, "'prompt':'x','aspect_ratio':'21:9'", "args.aspect_ratio must be one of 16:9, 9:16, 4:3, 3:4, 1:1")]
        [InlineData(Q3Text, "'prompt':'x','aspect_ratio':'2:1'", "args.aspect_ratio must be one of 16:9, 9:16, 4:3, 3:4, 1:1")]
        [InlineData(Q3Reference, "'prompt':'x','images':[" + Url + "],'aspect_ratio':16", "args.aspect_ratio must be one of 16:9, 9:16, 4:3, 3:4, 1:1")]
        // generate_audio is a boolean; voice_id comes with it on Q2 image.
        [InlineData(Q2Image, "'prompt':'x','image':" + Url + ",'generate_audio':'true','voice_id':'v'", "args.generate_audio must be a boolean")]
        [InlineData(Q3StartEnd, "'prompt':'x','image':" + Url + ",'image_tail':" + Url + ",'generate_audio':1", "args.generate_audio must be a boolean")]
        [InlineData(Q3Text, "'prompt':'x','generate_audio':'false'", "args.generate_audio must be a boolean")]
        [InlineData(Q2Image, "'prompt':'x','image':" + Url + ",'generate_audio':true", "args.voice_id is required when generate_audio is true")]
        [InlineData(Q2Image, "'prompt':'x','image':" + Url + ",'generate_audio':true,'voice_id':''", "args.voice_id is required when generate_audio is true")]
        public async Task A_body_breaking_a_rule_is_refused_naming_the_field_and_makes_no_job(string model, string args, string message)
        {
            int accepted = emulator.State.CreatesAccepted;
            int refused = emulator.State.CreatesRefused;
            using var response = await CreateAsync(emulator, Body(model, args));
            using var json = await JsonOfAsync(response);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Equal(400, json.RootElement.GetProperty("code").GetInt32());
            Assert.Contains(message, json.RootElement.GetProperty("msg").GetString(), StringComparison.Ordinal);
            Assert.Equal(accepted, emulator.State.CreatesAccepted);
            Assert.Equal(refused + 1, emulator.State.CreatesRefused);
        }

        [Theory]
        // The edges of each range, the offered modes and the optional fields set to null are all accepted.
        [InlineData(Q2Image, "'prompt':'x','image':" + Url + ",'duration':'1','generate_audio':false")]
        [InlineData(Q2Image, "'prompt':'x','image':" + Url + ",'duration':'10','voice_id':'v','generate_audio':null")]
        [InlineData(Q2StartEnd, "'prompt':'x','image':" + Url + ",'image_tail':" + Url + ",'duration':'8','mode':'pro-fast','resolution':'720p'")]
        [InlineData(Q2Text, "'prompt':'x','duration':'1','aspect_ratio':null,'resolution':null")]
        [InlineData(Q3Image, "'prompt':'x','image':" + Url + ",'duration':'16','mode':'turbo'")]
        [InlineData(Q3StartEnd, "'prompt':'x','image':" + Url + ",'image_tail':" + Url + ",'duration':'1','generate_audio':true")]
        [InlineData(Q3Text, "'prompt':'x','duration':'16','mode':'turbo','resolution':'540p','aspect_ratio':'9:16'")]
        [InlineData(Q3Reference, "'prompt':'x','images':[" + Url + "],'duration':3,'mode':'mix','resolution':'720p'")]
        [InlineData(Q3Reference, "'prompt':'x','images':" + "['https://a/1.png','https://a/2.png','https://a/3.png','https://a/4.png','https://a/5.png','https://a/6.png','https://a/7.png']" + ",'duration':16")]
        public async Task The_edges_of_each_rule_are_accepted(string model, string args)
        {
            int accepted = emulator.State.CreatesAccepted;
            using var response = await CreateAsync(emulator, Body(model, args));
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            Assert.Equal(accepted + 1, emulator.State.CreatesAccepted);
        }
    }
}
