using System;
using System.Management.Automation;
using System.Text.RegularExpressions;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// Files from Get-ChildItem carry a "Mode" property of their own (file attributes such as "-a---"), which
    /// would bind to -Mode by property name. Such a value is read as "not given", so the default applies, while a
    /// video mode from a CSV row or a piped job still binds. A value typed on the command line is never replaced,
    /// because PowerShell does not rebind parameters already bound there.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class FileAttributeModeTransformationAttribute : ArgumentTransformationAttribute
    {
        private static readonly Regex FileAttributes = new Regex("^[-darhsl]{5,6}$", RegexOptions.CultureInvariant);

        /// <summary>Creates the attribute with the value that stands for "not given".</summary>
        public FileAttributeModeTransformationAttribute(string defaultMode)
        {
            DefaultMode = defaultMode;
        }

        /// <summary>The mode used when the value was a file attribute string.</summary>
        public string DefaultMode { get; }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (value is string text && FileAttributes.IsMatch(text)) return DefaultMode;
            if (value is string[] texts && texts.Length == 1 && FileAttributes.IsMatch(texts[0])) return new[] { DefaultMode };
            return inputData;
        }
    }
}
