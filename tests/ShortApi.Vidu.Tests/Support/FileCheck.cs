using ShortApi.Vidu.Images;
using Xunit;

namespace ShortApi.Vidu.Tests.Support
{
    /// <summary>Runs the module's check of a local file on bytes written to a temporary file.</summary>
    internal static class FileCheck
    {
        public static ImageReference Accept(byte[] bytes, string name = "picture.png")
        {
            using var folder = new TestFolder();
            var path = folder.Write(name, bytes);
            return ImageReference.FromFile(path, path);
        }

        /// <summary>Asserts the refusal, and that its message names the file by its full path.</summary>
        public static ImageValidationException Refuse(byte[] bytes, ImageProblem problem, string name = "picture.png")
        {
            using var folder = new TestFolder();
            var path = folder.Write(name, bytes);
            var error = Assert.Throws<ImageValidationException>(() => ImageReference.FromFile(path, path));
            Assert.True(problem == error.Problem, $"expected {problem}, got {error.Problem}: {error.Message}");
            Assert.Contains($"'{path}'", error.Message);
            return error;
        }

        /// <summary>Asserts a refusal as corrupt, with what is wrong and what to do in the message.</summary>
        public static ImageValidationException RefuseAsCorrupt(byte[] bytes, string whatIsWrong, string name = "picture.png")
        {
            var error = Refuse(bytes, ImageProblem.Corrupt, name);
            Assert.Contains(whatIsWrong, error.Message);
            Assert.Contains("Re-export or re-download the picture; nothing was sent.", error.Message);
            return error;
        }
    }
}
