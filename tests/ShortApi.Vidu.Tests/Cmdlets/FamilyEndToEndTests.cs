using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using ShortApi.Vidu.Emulator;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    /// <summary>
    /// Every model, end to end over sockets with arguments other than the defaults: what the emulator (whose rules are
    /// written from the model pages independently of the module) read from the wire is what the user asked for, the
    /// charge equals the estimate, and the finished video is saved.
    /// </summary>
    public class FamilyEndToEndTests : CmdletTest
    {
        public FamilyEndToEndTests() : base(options => options.JobDuration = TimeSpan.FromMilliseconds(200)) { }

        [Theory]
        [InlineData("-Image a.png -Mode turbo -Resolution 1080p -Duration 8",
            "vidu/vidu-q2/image-to-video", "Image", "turbo", "1080p", 8, "string", 1, null)]
        [InlineData("-Image a.png -EndImage b.png -Mode turbo -Resolution 540p -Duration 3",
            "vidu/vidu-q2/start-end-to-video", "StartEnd", "turbo", "540p", 3, "string", 2, null)]
        [InlineData("-TextToVideo -Resolution 1080p -Duration 6 -AspectRatio 9:16",
            "vidu/vidu-q2/text-to-video", "Text", null, "1080p", 6, "string", 0, "9:16")]
        [InlineData("-Model Q3 -Image a.png -Mode turbo -Resolution 540p -Duration 12",
            "vidu/vidu-q3/image-to-video", "Image", "turbo", "540p", 12, "string", 1, null)]
        [InlineData("-Model vidu/vidu-q3/start-end-to-video -Image a.png -EndImage b.png -Mode turbo -Resolution 1080p -Duration 2",
            "vidu/vidu-q3/start-end-to-video", "StartEnd", "turbo", "1080p", 2, "string", 2, null)]
        [InlineData("-Model Q3 -TextToVideo -Mode turbo -Resolution 540p -Duration 16 -AspectRatio 1:1",
            "vidu/vidu-q3/text-to-video", "Text", "turbo", "540p", 16, "string", 0, "1:1")]
        [InlineData("-Model Q3 -ReferenceImage a.png,b.png,c.png -Mode mix -Resolution 1080p -Duration 9 -AspectRatio 3:4",
            "vidu/vidu-q3/reference-to-video", "Reference", "mix", "1080p", 9, "number", 3, "3:4")]
        public void Each_model_sends_what_was_asked_charges_the_estimate_and_saves_the_video(
            string arguments, string model, string kind, string? mode, string resolution, int seconds, string durationType, int pictures, string? aspect)
        {
            Folder.Png("a.png");
            Folder.Png("b.png");
            Folder.Png("c.png");
            var run = Run("$job = New-ViduVideoJob @Api -Prompt 'slow dolly in' " + arguments + " | Wait-ViduVideoJob @Api -PollInterval 0.2\n"
                + "$job; $job | Save-ViduVideo @Api -Path videos");
            Assert.Empty(run.Errors);

            AcceptedJob accepted = Assert.Single(Emulator.State.AcceptedJobs);
            CreateArguments sent = accepted.Arguments;
            Assert.Equal(model, sent.Model);
            Assert.Equal(mode, sent.Mode);
            Assert.Equal(resolution, sent.Resolution);
            Assert.Equal(seconds, sent.DurationSeconds);
            Assert.Equal(durationType, sent.DurationJsonType);
            Assert.Equal(pictures, sent.ImageCount);
            Assert.Equal(aspect, sent.AspectRatio);
            Assert.Equal("slow dolly in", sent.Prompt);

            Assert.Equal(2, run.Output.Count);
            PSObject job = run.Output[0];
            Assert.Equal(accepted.JobId, job.Properties["JobId"].Value);
            Assert.Equal(model, job.Properties["Model"].Value);
            Assert.Equal(kind, job.Properties["Kind"].Value?.ToString());
            Assert.Equal(accepted.Amount, (decimal)job.Properties["Amount"].Value);
            Assert.Equal(accepted.Amount, (decimal)job.Properties["EstimatedCost"].Value);
            var saved = Assert.IsType<FileInfo>(run.Output[1].BaseObject);
            Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(saved.FullName), 4, 4));
        }

        [Fact]
        public void A_job_read_back_from_the_history_keeps_its_model_kind_and_pictures()
        {
            Folder.Png("first.png");
            Folder.Png("last.png");
            var made = Run("New-ViduVideoJob @Api -Model Q3 -Prompt x -Image first.png -EndImage last.png -Mode turbo | ForEach-Object JobId");
            Assert.Empty(made.Errors);
            var run = Run("Get-ViduVideoJob @Api -JobId $Id", new System.Collections.Generic.Dictionary<string, object?> { ["Id"] = made.Output.Single().BaseObject });
            Assert.Empty(run.Errors);
            PSObject job = Assert.Single(run.Output);
            Assert.Equal("vidu/vidu-q3/start-end-to-video", job.Properties["Model"].Value);
            Assert.Equal("StartEnd", job.Properties["Kind"].Value?.ToString());
            Assert.EndsWith("first.png", (string)job.Properties["Image"].Value);
            Assert.EndsWith("last.png", (string)job.Properties["EndImage"].Value);
            Assert.Equal("turbo", job.Properties["Mode"].Value);
        }

        [Fact]
        public void MaxCost_counts_each_model_at_its_own_price()
        {
            // Q3 turbo 1080p is $0.064 a second: 10 s is $0.64, so a $1.50 budget holds two of three pictures.
            for (var i = 1; i <= 3; i++) Folder.Png($"p{i}.png");
            var run = Run("'p1.png','p2.png','p3.png' | New-ViduVideoJob @Api -Model Q3 -Prompt x -Mode turbo -Resolution 1080p -Duration 10 -MaxCost 1.50 -ThrottleLimit 1");
            Assert.Equal(2, Emulator.State.AcceptedJobs.Count);
            Assert.All(Emulator.State.AcceptedJobs, job => Assert.Equal(0.64m, job.Amount));
            var refused = Assert.Single(run.Errors);
            Assert.StartsWith("ShortApi.BudgetExceeded", refused.FullyQualifiedErrorId);
        }

        [Theory]
        [InlineData("videos")]
        [InlineData("images")]
        public void Either_result_list_name_is_read_for_every_kind(string field)
        {
            Emulator.Options.ResultField = field;
            Folder.Png("a.png");
            Folder.Png("b.png");
            var run = Run(string.Join("\n",
                "$jobs = @(",
                "  New-ViduVideoJob @Api -Prompt x -Image a.png -EndImage b.png",
                "  New-ViduVideoJob @Api -Prompt x -TextToVideo -Model Q3",
                "  New-ViduVideoJob @Api -Prompt x -ReferenceImage a.png,b.png -Model Q3",
                ")",
                "$jobs | Save-ViduVideo @Api -Path videos -PollInterval 0.2"));
            Assert.Empty(run.Errors);
            Assert.Equal(3, run.Output.Count);
            Assert.All(run.Output, saved => Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(File.ReadAllBytes(((FileInfo)saved.BaseObject).FullName), 4, 4)));
        }
    }
}
