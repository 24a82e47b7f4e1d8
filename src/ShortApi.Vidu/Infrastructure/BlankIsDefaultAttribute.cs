using System;
using System.Management.Automation;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// Reads an empty value as "not given": a CSV plan with an empty Mode, Resolution or Duration cell gets the
    /// service's default for that cell instead of failing the whole row at binding.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class BlankIsDefaultAttribute : ArgumentTransformationAttribute
    {
        /// <summary>Creates the attribute with the value an empty input stands for.</summary>
        public BlankIsDefaultAttribute(object defaultValue)
        {
            DefaultValue = defaultValue;
        }

        /// <summary>The value used for an empty input.</summary>
        public object DefaultValue { get; }

        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            return value is string text && string.IsNullOrWhiteSpace(text) ? DefaultValue : inputData;
        }
    }
}
