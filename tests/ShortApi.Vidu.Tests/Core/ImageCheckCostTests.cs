using System.Linq;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Tests.Support;
using Xunit;
using static ShortApi.Vidu.Tests.Support.Pictures;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>
    /// Checking a 15 MB picture never holds it in memory, and reads each byte about once: a PNG front to back for its
    /// chunk checksums (its fingerprint for the upload taken in the same pass); a JPEG's headers and last 64 KB, then the
    /// bytes those skipped, for its fingerprint.
    /// </summary>
    public class ImageCheckCostTests
    {
        [Fact]
        public void A_15_mb_png_in_8_kb_chunks_is_read_once_for_its_checksums()
        {
            // As libpng writes it: the image data split into 8 KB IDAT chunks, 1830 of them.
            var idat = PngChunk("IDAT", Filler(8192));
            var chunks = Enumerable.Repeat(idat, 1830).ToArray();
            var png = Concat(Concat(PngSignature, PngHeader(4000, 3000)), Concat(chunks), PngChunk("IEND"));
            using var stream = new CountingStream(png);

            var image = ImageReference.FromOpenFile(stream, "/p/big.png", "big.png");

            Assert.True(png.Length > 15_000_000);
            Assert.InRange(stream.BytesRead, png.Length, png.Length + 1024); // every byte once, the header twice
            using var sha = System.Security.Cryptography.SHA256.Create();
            Assert.Equal(sha.ComputeHash(png), image.Fingerprint);
        }

        [Fact]
        public void A_15_mb_jpeg_costs_one_read_of_the_file_and_its_last_64_kb_again()
        {
            var jpeg = Jpeg(4000, 3000, scanBytes: 15_000_000);
            using var stream = new CountingStream(jpeg);

            var image = ImageReference.FromOpenFile(stream, "/p/big.jpg", "big.jpg");

            Assert.InRange(stream.BytesRead, jpeg.Length, jpeg.Length + 64 * 1024 + 1024);
            using var sha = System.Security.Cryptography.SHA256.Create();
            Assert.Equal(sha.ComputeHash(jpeg), image.Fingerprint);
        }
    }
}
