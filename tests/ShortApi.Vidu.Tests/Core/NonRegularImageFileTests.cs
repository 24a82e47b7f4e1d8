using System;
using System.Threading.Tasks;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>
    /// Opening a FIFO for reading blocks until a writer appears, and Ctrl+C cannot interrupt it: what is not a
    /// regular file is refused without being opened.
    /// </summary>
    public class NonRegularImageFileTests
    {
        private const string NotRegular = "is empty, or not a regular file (a pipe, socket or device); nothing was opened or sent";

        [FifoFact]
        public void A_fifo_named_like_a_picture_is_refused_without_being_opened()
        {
            using var folder = new TestFolder();
            var path = folder.File("x.png");
            Fifo.Make(path);
            var check = Task.Run(() => Record.Exception(() => ImageReference.FromFile(path, path)));
            try
            {
                // A hang detector only: the check waits on nothing, so when it is right it is done at once.
                Assert.True(check.Wait(TimeSpan.FromSeconds(10)), "Checking a FIFO hung: it was opened, which waits for a writer.");
                var error = Assert.IsType<ImageValidationException>(check.Result);
                Assert.Equal(ImageProblem.Empty, error.Problem);
                Assert.Contains($"'{path}' {NotRegular}", error.Message);
            }
            finally
            {
                if (!check.IsCompleted) Fifo.ReleaseStuckReader(path);
            }
        }

        [UnixFact]
        public void A_device_is_refused_without_being_opened()
        {
            var error = Assert.Throws<ImageValidationException>(() => ImageReference.FromFile("/dev/zero", "/dev/zero"));
            Assert.Equal(ImageProblem.Empty, error.Problem);
            Assert.Contains($"'/dev/zero' {NotRegular}", error.Message);
        }

        [Fact]
        public void An_empty_file_gets_the_same_refusal()
        {
            using var folder = new TestFolder();
            var path = folder.Write("empty.png", new byte[0]);
            var error = Assert.Throws<ImageValidationException>(() => ImageReference.FromFile(path, path));
            Assert.Equal(ImageProblem.Empty, error.Problem);
            Assert.Contains(NotRegular, error.Message);
        }

        [Fact]
        public void An_open_stream_that_cannot_seek_is_refused_before_anything_is_read()
        {
            using var pipe = new CountingStream(Pictures.Png(640, 360), canSeek: false);
            var error = Assert.Throws<ImageValidationException>(() => ImageReference.FromOpenFile(pipe, "/p/x.png", "x.png"));
            Assert.Equal(ImageProblem.Empty, error.Problem);
            Assert.Contains("'/p/x.png' is empty, or not a regular file (a pipe, socket or device) that can be checked; nothing was sent", error.Message);
            Assert.Equal(0, pipe.BytesRead);
        }
    }
}
