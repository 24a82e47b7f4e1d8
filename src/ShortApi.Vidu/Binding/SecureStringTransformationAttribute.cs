using System;
using System.Management.Automation;
using System.Security;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// Lets -ApiKey take a plain string (or a PSCredential) as well as a SecureString, as users paste keys,
    /// while the parameter itself stays a SecureString.
    /// </summary>
    [AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
    public sealed class SecureStringTransformationAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
        {
            var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null:
                    return null;
                case SecureString secure:
                    return secure;
                case PSCredential credential:
                    return credential.Password;
                case string text:
                    var result = new SecureString();
                    foreach (var c in text) result.AppendChar(c);
                    result.MakeReadOnly();
                    return result;
                default:
                    throw new ArgumentTransformationMetadataException(
                        "-ApiKey takes a SecureString, a string or a PSCredential. Better still, set $env:SHORTAPI_KEY and leave -ApiKey out.");
            }
        }
    }
}
