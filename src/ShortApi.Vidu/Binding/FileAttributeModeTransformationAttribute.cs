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


        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            // A blank is "not given": the model's own default mode applies (models differ in theirs).
            if (value is string text && FileAttributes.IsMatch(text)) return string.Empty;
            if (value is string[] texts && texts.Length == 1 && FileAttributes.IsMatch(texts[0])) return new[] { string.Empty };
            return inputData;
        }
    }
}
