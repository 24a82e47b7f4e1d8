using System;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    /// <summary>Inputs that are not what they look like are refused before anything is sent, naming what is wrong.</summary>
    public class InputEdgeTests : CmdletTest
    {
        [Fact]
        public void LiteralPath_with_brackets_means_that_file_and_never_another()
        {
            Folder.Png("dog1.png");
            var run = Run("New-ViduVideoJob @Api -LiteralPath 'dog[1].png' -Prompt x");
            AssertErrorId(run, "ShortApi.ImageNotFound");
            Assert.Contains("dog[1].png", run.Errors.Single().ToString());
            AssertNothingSent();

            Folder.Png("dog[1].png");
            var exact = Run("New-ViduVideoJob @Api -LiteralPath 'dog[1].png' -Prompt x");
            Assert.EndsWith("dog[1].png", Assert.Single(exact.OutputOf<VideoJob>()).Image);
        }

        [Fact]
        public void File_objects_bind_literally_even_when_their_names_look_like_wildcards()
        {
            Folder.Png("dog[1].png");
            Folder.Png("dog1.png");
            var run = Run("[System.IO.FileInfo]::new([System.IO.Path]::Combine($Folder, 'dog[1].png')) | New-ViduVideoJob @Api -Prompt x");
            Assert.EndsWith("dog[1].png", Assert.Single(run.OutputOf<VideoJob>()).Image);
            Assert.Equal(1, Emulator.State.CreatesReceived);
        }

        [Theory]
        [InlineData("Duration", "abc")]
        [InlineData("Duration", "10 sec")]
        [InlineData("Duration", "7.5")]
        [InlineData("Duration", "11")]
        [InlineData("Mode", "ultra")]
        [InlineData("Resolution", "4k")]
        public void A_plan_cell_that_is_not_a_value_is_an_error_naming_the_row_column_and_value(string column, string value)
        {
            Folder.Png("a.png");
            Folder.Png("b.png");
            var run = Run($"[pscustomobject]@{{ Image = 'a.png'; Prompt = 'x' }}, [pscustomobject]@{{ Image = 'b.png'; Prompt = 'x'; {column} = '{value}' }} | New-ViduVideoJob @Api");
            var error = Assert.Single(run.Errors);
            Assert.StartsWith("ShortApi.InvalidArgument", error.FullyQualifiedErrorId);
            Assert.Contains("Input row 2", error.ToString());
            Assert.Contains($"{column} '{value}'", error.ToString());
            Assert.Equal("b.png", ((System.Management.Automation.PSObject)error.TargetObject).Properties["Image"].Value);
            // Row 1 went; row 2 was neither sent nor charged with a default.
            Assert.Equal(1, Emulator.State.CreatesReceived);
            Assert.EndsWith("a.png", Assert.Single(run.OutputOf<VideoJob>()).Image);
        }

        [Fact]
        public void Get_ViduPrice_refuses_the_same_cells_instead_of_pricing_a_wrong_row()
        {
            var run = Run("[pscustomobject]@{ Mode = 'pro'; Duration = '5' }, [pscustomobject]@{ Mode = 'pro'; Duration = '7.5' } | Get-ViduPrice");
            Assert.Single(run.OutputOf<Pricing.PriceQuote>());
            Assert.Contains("Input row 2", Assert.Single(run.Errors).ToString());
            Assert.Contains("Duration '7.5'", run.Errors.Single().ToString());
        }

        [Fact]
        public void A_truncated_png_a_bad_data_uri_and_an_absurd_width_are_refused_and_nothing_is_sent()
        {
            Folder.Write("cut.png", Pictures.Cut(Pictures.Png(320, 200, padding: 400), 120));
            Folder.Write("wide.png", Pictures.PngOfSize(2147483649u, 100));
            var run = Run("New-ViduVideoJob @Api -Image cut.png, wide.png, 'data:image/png;base64,not*base64' -Prompt x");
            Assert.Equal(2, run.Errors.Count(e => e.FullyQualifiedErrorId.StartsWith("ShortApi.ImageCorrupt")));
            AssertErrorId(run, "ShortApi.InvalidImageDataUri");
            AssertNothingSent();
        }

        [Fact]
        public void A_png_whose_image_data_fails_its_checksum_is_refused_and_the_next_picture_is_sent()
        {
            var damaged = Pictures.Png(320, 200, padding: 4000);
            damaged[damaged.Length - 12 - 2] ^= 0x10; // inside the IDAT CRC
            Folder.Write("bad.png", damaged);
            Folder.Png("good.png");
            var run = Run("New-ViduVideoJob @Api -Image bad.png, good.png -Prompt x");
            AssertErrorId(run, "ShortApi.ImageCorrupt");
            Assert.Contains("chunk 'IDAT'", Assert.Single(run.Errors).ToString());
            Assert.Equal(1, Emulator.State.CreatesReceived);
            Assert.EndsWith("good.png", Assert.Single(run.OutputOf<VideoJob>()).Image);
        }

        [FifoFact]
        public async Task A_fifo_named_like_a_picture_is_refused_without_being_opened_and_the_next_picture_is_sent()
        {
            Fifo.Make(Folder.File("x.png"));
            Folder.Png("y.png");
            try
            {
                var run = RunAsync("New-ViduVideoJob @Api -Image x.png, y.png -Prompt x");
                // A hang detector, not a synchronisation: opening a FIFO for reading would block forever.
                Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))));
                var result = await run;
                AssertErrorId(result, "ShortApi.ImageEmpty");
                Assert.Contains("not a regular file", result.Errors.Single().ToString());
                Assert.EndsWith("y.png", Assert.Single(result.OutputOf<VideoJob>()).Image);
            }
            finally
            {
                Fifo.ReleaseStuckReader(Folder.File("x.png"));
            }
        }

        [Fact]
        public void A_key_that_cannot_be_sent_in_a_header_ends_the_command_before_anything_is_sent()
        {
            Folder.Png("cat.png");
            var record = RunTerminating("New-ViduVideoJob -BaseUri $Base -ApiKey \"sk-abc`ndef\" -NoHistory -Image cat.png -Prompt x");
            Assert.StartsWith("ShortApi.InvalidApiKey", record.FullyQualifiedErrorId);
            Assert.DoesNotContain("abc", record.ToString());
            AssertNothingSent();
        }

        [Fact]
        public void A_nul_inside_the_key_is_refused_naming_its_position_instead_of_sending_the_key_cut_short()
        {
            Folder.Png("cat.png");
            // As PowerShell users write it: "abc`0junk". Cut at the NUL, "abc" would be sent as the key.
            var record = RunTerminating("New-ViduVideoJob -BaseUri $Base -ApiKey \"abc`0junk\" -NoHistory -Image cat.png -Prompt x");
            Assert.StartsWith("ShortApi.InvalidApiKey", record.FullyQualifiedErrorId);
            Assert.Contains("character 4", record.ToString());
            Assert.Contains("NUL", record.ToString());
            Assert.DoesNotContain("abc", record.ToString());
            Assert.DoesNotContain("junk", record.ToString());
            Assert.Equal(0, Emulator.State.CreatesReceived);
        }

        [Theory]
        [InlineData("a`0b", "character 2")]
        [InlineData("`0", "character 1")]
        [InlineData("`0`0`0", "character 1")]
        public void A_prompt_with_a_nul_is_refused_for_its_row_and_the_other_rows_are_sent(string prompt, string position)
        {
            Folder.Png("a.png");
            Folder.Png("b.png");
            var run = Run($"[pscustomobject]@{{ Image = 'a.png'; Prompt = \"{prompt}\" }}, [pscustomobject]@{{ Image = 'b.png'; Prompt = 'x' }} | New-ViduVideoJob @Api");
            var error = Assert.Single(run.Errors);
            Assert.StartsWith("ShortApi.InvalidArgument", error.FullyQualifiedErrorId);
            Assert.Contains("Prompt", error.ToString());
            Assert.Contains(position, error.ToString());
            Assert.Contains("NUL", error.ToString());
            Assert.EndsWith(".", error.ToString());
            Assert.DoesNotContain("..", error.ToString());
            // Row 1 was never sent; row 2 went.
            Assert.Equal(1, Emulator.State.CreatesReceived);
            Assert.EndsWith("b.png", Assert.Single(run.OutputOf<VideoJob>()).Image);
        }
    }
}
