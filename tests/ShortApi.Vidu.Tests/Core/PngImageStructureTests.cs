using System.Linq;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Tests.Support;
using Xunit;
using static ShortApi.Vidu.Tests.Support.Pictures;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>A PNG that cannot be decoded is refused before it is paid for; its chunk headers tell, without decoding it.</summary>
    public class PngImageStructureTests
    {
        // Signature (8) + IHDR (25) + IDAT (12 + 1000) + IEND (12).
        private static readonly byte[] Complete = Png(160, 90, padding: 1000);

        [Fact]
        public void A_complete_png_passes() => Assert.Equal(1057, FileCheck.Accept(Complete).FileLength);

        [Fact]
        public void Bytes_after_iend_are_ignored_as_decoders_ignore_them() => FileCheck.Accept(Concat(Complete, Filler(500)));

        [Fact]
        public void A_png_that_stops_after_its_header_is_refused() =>
            FileCheck.RefuseAsCorrupt(Cut(Complete, 33), "stops at byte 33 without the IEND chunk that closes every PNG: the file is cut short");

        [Fact]
        public void A_png_cut_inside_its_image_data_is_refused() =>
            FileCheck.RefuseAsCorrupt(Cut(Complete, 600), "chunk 'IDAT' at byte 33 runs 445 bytes past the end of the file");

        [Fact]
        public void A_png_cut_between_chunks_before_iend_is_refused() =>
            FileCheck.RefuseAsCorrupt(Cut(Complete, Complete.Length - 12), "without the IEND chunk");

        [Fact]
        public void A_chunk_longer_than_png_allows_is_refused()
        {
            var chunkHeader = new byte[] { 0x80, 0, 0, 0, (byte)'I', (byte)'D', (byte)'A', (byte)'T' };
            FileCheck.RefuseAsCorrupt(Concat(PngSignature, PngHeader(160, 90), chunkHeader, Filler(100), PngChunk("IEND")),
                "chunk 'IDAT' at byte 33 claims 2147483648 bytes, more than PNG allows");
        }

        [Fact]
        public void A_header_that_fails_its_checksum_is_refused()
        {
            var damaged = (byte[])Complete.Clone();
            damaged[32] ^= 0x01; // last byte of the IHDR CRC
            FileCheck.RefuseAsCorrupt(damaged, "fails its checksum (CRC-32)");
        }

        [Fact]
        public void A_size_changed_after_the_checksum_was_made_is_refused()
        {
            var damaged = (byte[])Complete.Clone();
            damaged[19] = 100; // width 160 → 100: a bit flip in the header
            FileCheck.RefuseAsCorrupt(damaged, "fails its checksum");
        }

        [Fact]
        public void Image_data_whose_checksum_is_wrong_is_refused()
        {
            var damaged = (byte[])Complete.Clone();
            damaged[Complete.Length - 12 - 1] ^= 0x01; // last byte of the IDAT CRC, just before IEND
            FileCheck.RefuseAsCorrupt(damaged, "chunk 'IDAT' at byte 33 fails its checksum (CRC-32)");
        }

        [Fact]
        public void Image_data_changed_after_its_checksum_was_made_is_refused()
        {
            var damaged = (byte[])Complete.Clone();
            damaged[33 + 8 + 500] ^= 0x40; // a bit flip in the middle of the IDAT data
            FileCheck.RefuseAsCorrupt(damaged, "chunk 'IDAT' at byte 33 fails its checksum (CRC-32)");
        }

        [Fact]
        public void Every_chunk_is_checked_the_last_ones_and_the_ancillary_ones_too()
        {
            var text = PngChunk("tEXt", System.Text.Encoding.ASCII.GetBytes("Comment\0made by hand"));
            text[text.Length - 1] ^= 0x01;
            FileCheck.RefuseAsCorrupt(Concat(PngSignature, PngHeader(160, 90), text, PngChunk("IDAT", Filler(100)), PngChunk("IEND")),
                "chunk 'tEXt' at byte 33 fails its checksum (CRC-32)");
            var end = PngChunk("IEND");
            end[end.Length - 1] ^= 0x01;
            FileCheck.RefuseAsCorrupt(Concat(PngSignature, PngHeader(160, 90), PngChunk("IDAT", Filler(100)), end),
                "chunk 'IEND' at byte 145 fails its checksum (CRC-32)");
        }

        [Fact]
        public void A_png_in_many_chunks_with_right_checksums_passes()
        {
            var chunks = Enumerable.Range(0, 40).Select(i => PngChunk("IDAT", Filler(70_000 + i))).ToArray();
            FileCheck.Accept(Concat(Concat(PngSignature, PngHeader(160, 90)), Concat(chunks), PngChunk("IEND")));
        }

        [Fact]
        public void A_png_without_image_data_is_refused() =>
            FileCheck.RefuseAsCorrupt(Concat(PngSignature, PngHeader(160, 90), PngChunk("IEND")), "no image data (no IDAT chunk)");

        [Fact]
        public void Garbage_where_a_chunk_should_start_is_refused() =>
            FileCheck.RefuseAsCorrupt(Concat(PngSignature, PngHeader(160, 90), new byte[] { 0, 0, 0, 4, 1, 2, 3, 4 }, Filler(100)), "no valid chunk at byte 33");

        [Theory]
        [InlineData(2147483649u, 2147483649u)]
        [InlineData(2147483649u, 1000u)]
        [InlineData(1000u, 4294967295u)]
        [InlineData(0u, 100u)]
        [InlineData(100u, 0u)]
        public void A_size_png_does_not_allow_is_refused_as_corrupt(uint width, uint height)
        {
            var error = FileCheck.RefuseAsCorrupt(PngOfSize(width, height), $"its header gives a size of {width}×{height} pixels");
            Assert.Contains("PNG allows 1 to 2147483647", error.Message);
        }

        [Theory]
        [InlineData(2147483647u, 1u)]
        [InlineData(1u, 2147483647u)]
        [InlineData(2147483647u, 536870911u)] // just over 4:1
        public void The_aspect_ratio_check_covers_the_largest_sizes_png_allows(uint width, uint height)
        {
            var error = FileCheck.Refuse(PngOfSize(width, height), ImageProblem.AspectRatio);
            Assert.Contains($"{width}×{height}", error.Message);
        }

        [Fact]
        public void The_largest_picture_at_exactly_four_to_one_passes() => FileCheck.Accept(PngOfSize(2147483644u, 536870911u));
    }
}
