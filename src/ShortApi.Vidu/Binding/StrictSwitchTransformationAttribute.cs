using System;
using System.Management.Automation;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// Reads a switch that arrives from a CSV cell exactly: true/false, yes/no, 1/0, or blank (false). PowerShell would
    /// turn any non-empty text, "false" included, into true; a text-to-video job charged for a row that said "false"
    /// is exactly the surprise this module exists to prevent.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class StrictSwitchTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            if (!(value is string text)) return inputData;
            switch (text.Trim().ToLowerInvariant())
            {
                case "":
                case "false":
                case "no":
                case "0":
                case "$false":
                    return new SwitchParameter(false);
                case "true":
                case "yes":
                case "1":
                case "$true":
                    return new SwitchParameter(true);
                default:
                    throw new ArgumentTransformationMetadataException($"'{text}' is not true or false. Use true/false, yes/no or 1/0.");
            }
        }
    }
}
