using System;
using System.IO;

namespace ShortApi.Vidu.Tests.Support
{
    /// <summary>A temporary folder per test, with builders for picture files whose headers are real.</summary>
    internal sealed class TestFolder : IDisposable
    {
        public TestFolder()
        {
            Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vidu-tests", Guid.NewGuid().ToString("N").Substring(0, 12));
            Directory.CreateDirectory(Path);
        }

        public string Path { get; }

        public string File(string name) => System.IO.Path.Combine(Path, name);

        public string Write(string name, byte[] bytes)
        {
            var path = File(name);
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
            System.IO.File.WriteAllBytes(path, bytes);
            return path;
        }

        public string Png(string name, int width = 160, int height = 90, int padding = 64) => Write(name, Pictures.Png(width, height, padding));

        public void Dispose()
        {
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
    }
}
