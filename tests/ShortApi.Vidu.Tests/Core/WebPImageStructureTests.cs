using ShortApi.Vidu.Images;
using ShortApi.Vidu.Tests.Support;
using Xunit;
using static ShortApi.Vidu.Tests.Support.Pictures;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>A WebP that cannot be decoded is refused before it is paid for: its RIFF and chunk sizes tell.</summary>
    public class WebPImageStructureTests
    {
        [Fact]
        public void Complete_lossless_lossy_and_extended_webp_pass()
        {
            FileCheck.Accept(WebPLossless(300, 200), "a.webp");
            FileCheck.Accept(WebPLossy(640, 360), "b.webp");
            FileCheck.Accept(WebPExtended(640, 360, WebPChunk("ALPH", Filler(11)), WebPChunk("VP8 ", Vp8Data(640, 360))), "c.webp");
        }

        [Fact]
        public void A_little_data_after_the_riff_is_allowed() => FileCheck.Accept(Concat(WebPLossless(300, 200), new byte[8]), "a.webp");

        [Fact]
        public void A_riff_size_past_the_end_of_the_file_is_refused() =>
            FileCheck.RefuseAsCorrupt(Cut(WebPLossless(300, 200), 30), "its RIFF header says the picture is 40 bytes, but the file has only 30: the file is cut short", "a.webp");

        [Fact]
        public void A_riff_size_too_small_to_hold_a_picture_is_refused() =>
            FileCheck.RefuseAsCorrupt(With32(WebPLossless(300, 200), 4, 4, bigEndian: false), "says the picture is 12 bytes, far less than the file's 40", "a.webp");

        [Fact]
        public void A_riff_that_leaves_most_of_the_file_outside_it_is_refused() =>
            FileCheck.RefuseAsCorrupt(Concat(WebPLossless(300, 200), new byte[100]), "far less than the file's 140: the header is damaged", "a.webp");

        [Fact]
        public void An_image_chunk_that_runs_past_the_end_is_refused() =>
            FileCheck.RefuseAsCorrupt(With32(WebPLossless(300, 200), 16, 200, bigEndian: false), "chunk 'VP8L' at byte 12 runs 180 bytes past the end", "a.webp");

        [Fact]
        public void A_cut_extended_webp_with_a_matching_riff_size_is_refused()
        {
            var whole = WebPExtended(640, 360, WebPChunk("VP8 ", Vp8Data(640, 360)));
            var cut = With32(Cut(whole, whole.Length - 10), 4, (uint)(whole.Length - 18), bigEndian: false);
            FileCheck.RefuseAsCorrupt(cut, "chunk 'VP8 ' at byte 30 runs 10 bytes past the end", "a.webp");
        }

        [Fact]
        public void An_extended_header_without_image_data_is_refused() =>
            FileCheck.RefuseAsCorrupt(WebPExtended(640, 360), "extended header (VP8X) but no image data", "a.webp");

        [Fact]
        public void Lossy_data_that_does_not_start_with_a_key_frame_is_refused() =>
            FileCheck.RefuseAsCorrupt(WebP(WebPChunk("VP8 ", Vp8Data(640, 360, keyFrame: false))), "does not start with a key frame", "a.webp");

        [Fact]
        public void Lossless_data_without_its_signature_is_refused()
        {
            var data = Vp8LData(300, 200);
            data[0] = 0;
            FileCheck.RefuseAsCorrupt(WebP(WebPChunk("VP8L", data)), "does not start with the VP8L signature", "a.webp");
        }

        [Fact]
        public void A_first_chunk_that_is_not_image_data_is_refused() =>
            FileCheck.RefuseAsCorrupt(WebP(WebPChunk("JUNK", Filler(20))), "its first chunk is 'JUNK'", "a.webp");

        [Fact]
        public void A_zero_size_in_a_lossy_header_is_refused() =>
            FileCheck.RefuseAsCorrupt(WebPLossy(0, 360), "its header gives a size of 0×360 pixels", "a.webp");

        [Fact]
        public void The_aspect_ratio_applies_to_the_canvas_of_an_extended_webp() =>
            FileCheck.Refuse(WebPExtended(1000, 100, WebPChunk("VP8L", Vp8LData(1000, 100))), ImageProblem.AspectRatio, "a.webp");
    }
}
