using System;
using System.IO;
using System.Management.Automation;

namespace ShortApi.Vidu.Commands
{
    /// <summary>The errors about paths the user gave for output (Save-ViduVideo's folder, Export-ViduGallery's page).</summary>
    internal static partial class ErrorRecords
    {
        /// <summary>A path on another provider (Registry, Env:) or one PowerShell cannot resolve.</summary>
        public static ErrorRecord PathNotFileSystem(ArgumentException exception, string? path) =>
            new ErrorRecord(exception, "ShortApi.PathNotFileSystem", ErrorCategory.InvalidArgument, path);

        /// <summary>A file was named where a folder is needed, or a folder where a file is needed.</summary>
        public static ErrorRecord PathIsFolder(string path, string example) =>
            new ErrorRecord(new IOException($"-Path '{path}' is a folder. Give the HTML file to write, for example '{example}'."),
                "ShortApi.PathIsFolder", ErrorCategory.InvalidArgument, path);

        /// <summary>The output file exists (or appeared meanwhile) and -Force was not given.</summary>
        public static ErrorRecord OutputExists(string target, string? path, bool appeared) =>
            new ErrorRecord(new IOException(appeared
                    ? $"'{target}' appeared while the gallery was being made. Use -Force to replace it."
                    : $"'{target}' exists. Use -Force to replace it, or give another -Path."),
                "ShortApi.FileExists", ErrorCategory.ResourceExists, path);

        /// <summary>The output could not be written where the user asked.</summary>
        public static ErrorRecord PathNotWritable(string target, Exception exception, string? path) =>
            new ErrorRecord(new IOException($"Cannot write the gallery to '{target}': {EndSentence(exception.Message)} Choose a -Path you can write to.", exception),
                "ShortApi.PathNotWritable", ErrorCategory.WriteError, path);

        /// <summary>Save-ViduVideo's -Path names a file where a folder is needed.</summary>
        public static ErrorRecord PathIsFile(string path) =>
            new ErrorRecord(new IOException($"-Path '{path}' is a file. Give a folder to save the videos in."),
                "ShortApi.PathIsFile", ErrorCategory.InvalidArgument, path);

        /// <summary>Save-ViduVideo's folder cannot be made or used.</summary>
        public static ErrorRecord FolderNotWritable(string path, Exception exception) =>
            new ErrorRecord(new IOException($"Cannot use -Path '{path}' as a folder for the videos: {EndSentence(exception.Message)} Choose a folder you can write to.", exception),
                "ShortApi.PathNotWritable", ErrorCategory.WriteError, path);

        /// <summary>A -NameTemplate with an unknown placeholder or a character a file name cannot hold.</summary>
        public static ErrorRecord InvalidNameTemplate(ArgumentException exception, string? template) =>
            new ErrorRecord(exception, "ShortApi.InvalidNameTemplate", ErrorCategory.InvalidArgument, template);

        /// <summary>A system message as a sentence that ends with exactly one full stop, so the next one can follow.</summary>
        internal static string EndSentence(string message) => Sentences.End(message);
    }
}
