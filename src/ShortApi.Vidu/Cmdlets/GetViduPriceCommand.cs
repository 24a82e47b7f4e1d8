using System;
using System.Management.Automation;
using ShortApi.Vidu.Pricing;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// <para type="synopsis">Estimates the price of Vidu Q2 image-to-video jobs from the published price table.</para>
    /// </summary>
    [Cmdlet(VerbsCommon.Get, "ViduPrice")]
    [OutputType(typeof(PriceQuote))]
    public sealed class GetViduPriceCommand : PSCmdlet
    {
        /// <summary>Generation modes to price (default pro).</summary>
        [Parameter(Position = 0, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("turbo", "pro", "pro-fast", IgnoreCase = true)]
        [BlankIsDefault(ViduModel.DefaultMode)]
        [FileAttributeModeTransformation(ViduModel.DefaultMode)]
        public string[] Mode { get; set; } = { ViduModel.DefaultMode };

        /// <summary>Resolutions to price (default 720p).</summary>
        [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
        [ValidateSet("540p", "720p", "1080p", IgnoreCase = true)]
        [BlankIsDefault(ViduModel.DefaultResolution)]
        public string[] Resolution { get; set; } = { ViduModel.DefaultResolution };

        /// <summary>Durations in seconds to price, 1 to 10 (default 5); 1..10 gives ten quotes.</summary>
        [Parameter(Position = 2, ValueFromPipelineByPropertyName = true)]
        [ValidateRange(ViduModel.MinDuration, ViduModel.MaxDuration)]
        [BlankIsDefault(ViduModel.DefaultDuration)]
        [IntegerRangeTransformation]
        public int[] Duration { get; set; } = { ViduModel.DefaultDuration };

        /// <inheritdoc />
        protected override void ProcessRecord()
        {
            foreach (var mode in Mode)
            foreach (var resolution in Resolution)
            foreach (var duration in Duration)
            {
                try
                {
                    WriteObject(PriceTable.Quote(mode, resolution, duration));
                }
                catch (ArgumentException ex)
                {
                    WriteError(ErrorRecords.InvalidArgument(ex.Message, $"{mode} {resolution} {duration} s"));
                }
            }
        }
    }
}
