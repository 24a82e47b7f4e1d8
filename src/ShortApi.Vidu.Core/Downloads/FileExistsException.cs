using System.IO;

namespace ShortApi.Vidu.Downloads
{
    /// <summary>The target file exists and overwriting was not allowed.</summary>
    public sealed class FileExistsException : IOException
    {
        /// <summary>Creates the exception for a path.</summary>
        public FileExistsException(string path)
            : base($"'{path}' already exists. Use -Force to replace it, or -NameTemplate to choose another name.")
        {
            Path = path;
        }

        /// <summary>The file that exists.</summary>
        public string Path { get; }
    }
}
