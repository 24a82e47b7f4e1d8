using System.Linq;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    /// <summary>Everything a model's page rules out is refused before anything is sent, naming the model and the rule.</summary>
    public class ModelRefusalTests : CmdletTest
    {
        [Theory]
        [InlineData("-Image a.png -EndImage b.png -Duration 9", "vidu/vidu-q2/start-end-to-video makes videos of 1 to 8 seconds")]
        [InlineData("-Model Q3 -ReferenceImage a.png,b.png,c.png,d.png,e.png,f.png,g.png,h.png", "vidu/vidu-q3/reference-to-video takes 1 to 7 reference pictures; 8 were given")]
        [InlineData("-Model Q3 -ReferenceImage a.png -Mode mix -Resolution 540p", "Resolution '540p' is not offered by vidu/vidu-q3/reference-to-video in mix mode")]
        [InlineData("-Model Q3 -Image a.png -GenerateAudio", "vidu/vidu-q3/image-to-video has no generated audio")]
        [InlineData("-Model Q3 -Image a.png -Mode pro-fast", "Mode 'pro-fast' is not offered by vidu/vidu-q3/image-to-video")]
        [InlineData("-Image a.png -AspectRatio 9:16", "vidu/vidu-q2/image-to-video has no aspect ratio")]
        [InlineData("-ReferenceImage a.png", "Vidu Q2 has no reference-to-video model")]
        [InlineData("-Model Q3 -Image a.png -EndImage b.png -ReferenceImage c.png", "-ReferenceImage cannot be combined with -Image or -EndImage")]
        [InlineData("-EndImage b.png", "-EndImage is the last frame of a start-end video and needs -Image")]
        [InlineData("-TextToVideo -Image a.png", "-TextToVideo makes a video from the prompt alone")]
        [InlineData("", "No picture was given")]
        [InlineData("-TextToVideo -Mode pro", "Mode 'pro' cannot be used: vidu/vidu-q2/text-to-video has no mode")]
        [InlineData("-TextToVideo -Model Q3 -AspectRatio 2:1", "Aspect ratio '2:1'")]
        [InlineData("-Model Q4 -Image a.png", "Model 'Q4' is not a Vidu model")]
        [InlineData("-Model Q3 -Image a.png -EndImage b.png -VoiceId v1 -GenerateAudio", "vidu/vidu-q3/start-end-to-video takes no voice id")]
        public void A_request_the_model_rules_out_is_refused_naming_the_model_and_the_rule(string arguments, string message)
        {
            foreach (var name in new[] { "a", "b", "c", "d", "e", "f", "g", "h" }) Folder.Png(name + ".png");
            var run = Run("New-ViduVideoJob @Api -Prompt 'slow dolly in' " + arguments);
            AssertErrorId(run, "ShortApi.InvalidArgument");
            Assert.Contains(run.Errors, e => e.ToString().Contains(message));
            Assert.Empty(run.Output);
            AssertNothingSent();
        }

        [Fact]
        public void A_csv_cell_that_says_false_is_not_a_text_to_video_request()
        {
            Folder.Png("a.png");
            var run = Run("[pscustomobject]@{ Image = 'a.png'; Prompt = 'x'; TextToVideo = 'false' } | New-ViduVideoJob @Api -WhatIf");
            Assert.Empty(run.Errors);
            Assert.Contains(run.Information, line => line.Contains("1 video job(s)"));
        }
    }
}
