using System.Management.Automation;
using ShortApi.Vidu.Batches;

namespace ShortApi.Vidu.Commands
{
    /// <summary>New-ViduVideoJob's progress bar: a true percentage when the number of pictures is known, a count when they stream in.</summary>
    internal sealed class SubmitProgress
    {
        private readonly ProgressRecord _record = new ProgressRecord(1, "Submitting video jobs", "Starting");
        private readonly int _expected;
        private bool _shown;

        /// <param name="expected">How many pictures were given on the command line, or -1 when they come down the pipeline.</param>
        public SubmitProgress(int expected)
        {
            _expected = expected;
        }

        public void Update(Cmdlet cmdlet, CreateBatch batch)
        {
            var totals = batch.Totals;
            var ended = totals.Accepted + totals.Refused + totals.Unconfirmed + totals.NotSent;
            _record.StatusDescription = $"{totals.Accepted} accepted, {batch.InFlight} in flight, {totals.Refused + totals.Unconfirmed + totals.NotSent} failed";
            _record.PercentComplete = _expected > 0 ? System.Math.Min(100, ended * 100 / _expected) : -1;
            _record.RecordType = ProgressRecordType.Processing;
            cmdlet.WriteProgress(_record);
            _shown = true;
        }

        public void Complete(Cmdlet cmdlet)
        {
            if (!_shown) return;
            _record.RecordType = ProgressRecordType.Completed;
            cmdlet.WriteProgress(_record);
        }
    }
}
