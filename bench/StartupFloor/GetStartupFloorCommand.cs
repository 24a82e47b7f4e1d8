using System.Management.Automation;

namespace StartupFloor
{
    /// <summary>Writes one object and nothing else: the cheapest first call a module can have.</summary>
    [Cmdlet(VerbsCommon.Get, "StartupFloor")]
    public sealed class GetStartupFloorCommand : PSCmdlet
    {
        /// <inheritdoc />
        protected override void ProcessRecord() => WriteObject(new PSObject(1));
    }
}
