using ShortApi.Vidu.Images;
using ShortApi.Vidu.Tests.Support;
using Xunit;
using static ShortApi.Vidu.Tests.Support.Pictures;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>A JPEG that cannot be decoded is refused before it is paid for: its segment headers and its end tell.</summary>
    public class JpegImageStructureTests
    {
        [Fact]
        public void A_complete_jpeg_passes() => FileCheck.Accept(Jpeg(1920, 1080, scanBytes: 5000), "photo.jpg");

        [Fact]
        public void Padding_after_the_end_marker_is_allowed() => FileCheck.Accept(Concat(Jpeg(1920, 1080), new byte[4096]), "photo.jpg");

        [Fact]
        public void Fill_bytes_before_a_marker_are_allowed() =>
            FileCheck.Accept(Concat(JpegStartOfImage, new byte[] { 0xFF, 0xFF }, JpegApp0, JpegStartOfFrame(640, 480), JpegStartOfScan, JpegScanData(100), JpegEndOfImage));

        [Fact]
        public void A_motion_photo_with_a_video_appended_after_its_end_marker_is_accepted()
        {
            // Phones append a whole MP4 (megabytes, no FF D9 near its end) after the picture's end-of-image marker.
            var video = new byte[200_000];
            for (var i = 0; i < video.Length; i++) video[i] = (byte)(i % 251 == 0xFF ? 0 : i % 251);
            FileCheck.Accept(Concat(Jpeg(1920, 1080, scanBytes: 5000), video), "motion.jpg");
        }

        [Fact]
        public void A_jpeg_cut_inside_its_scan_data_is_refused() =>
            FileCheck.RefuseAsCorrupt(Cut(Jpeg(1920, 1080, scanBytes: 5000), 3000), "no end-of-image marker (FF D9) after its image data: the file is cut short");

        [Fact]
        public void A_jpeg_cut_deep_inside_a_long_scan_is_refused() =>
            FileCheck.RefuseAsCorrupt(Cut(Jpeg(1920, 1080, scanBytes: 300_000), 250_000), "no end-of-image marker");

        [Fact]
        public void The_end_marker_of_an_exif_thumbnail_does_not_make_a_cut_jpeg_whole()
        {
            var exif = JpegSegment(0xE1, Concat(System.Text.Encoding.ASCII.GetBytes("Exif\0\0"), Jpeg(160, 120)));
            var cut = Concat(JpegStartOfImage, exif, JpegStartOfFrame(1920, 1080), JpegStartOfScan, JpegScanData(2000));
            FileCheck.RefuseAsCorrupt(cut, "no end-of-image marker");
        }

        [Fact]
        public void A_scan_before_any_frame_header_is_refused() =>
            FileCheck.RefuseAsCorrupt(Concat(JpegStartOfImage, JpegApp0, JpegStartOfScan, JpegScanData(100), JpegEndOfImage),
                "its image data (start-of-scan) comes before any start-of-frame header");

        [Fact]
        public void An_end_before_any_frame_header_is_refused() =>
            FileCheck.RefuseAsCorrupt(Concat(JpegStartOfImage, JpegApp0, JpegEndOfImage), "before any start-of-frame header");

        [Fact]
        public void A_frame_header_without_image_data_is_refused() =>
            FileCheck.RefuseAsCorrupt(Concat(JpegStartOfImage, JpegApp0, JpegStartOfFrame(640, 480), JpegEndOfImage), "before any image data");

        [Fact]
        public void A_segment_that_runs_past_the_end_is_refused() =>
            FileCheck.RefuseAsCorrupt(Concat(JpegStartOfImage, JpegApp0, new byte[] { 0xFF, 0xE1, 0x40, 0x00 }, Filler(100)),
                "segment FFE1 at byte 20 runs 16282 bytes past the end of the file");

        [Fact]
        public void A_jpeg_cut_inside_its_headers_is_refused() => FileCheck.RefuseAsCorrupt(Cut(Jpeg(640, 480), 10), "past the end of the file");

        [Fact]
        public void Garbage_where_a_marker_should_be_is_refused() =>
            FileCheck.RefuseAsCorrupt(Concat(JpegStartOfImage, JpegApp0, Filler(50), JpegEndOfImage), "no segment marker at byte 20");

        [Theory]
        [InlineData(0, 100)]
        [InlineData(100, 0)]
        public void A_zero_size_in_the_frame_header_is_refused(int width, int height) =>
            FileCheck.RefuseAsCorrupt(Jpeg(width, height), $"its header gives a size of {width}×{height} pixels");

        [Fact]
        public void The_aspect_ratio_applies_to_jpeg() => FileCheck.Refuse(Jpeg(4000, 999), ImageProblem.AspectRatio);
    }
}
