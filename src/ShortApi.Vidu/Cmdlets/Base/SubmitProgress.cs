using System.Management.Automation;
using ShortApi.Vidu.Batches;

namespace ShortApi.Vidu.Commands
{
    /// <summary>
    /// New-ViduVideoJob's progress line. Its percentage is real: pictures finished (accepted, refused, or turned away
    /// before sending) out of the pictures seen so far, so it never shows a full bar while nothing is done; the count
    /// is in the text. Activity 1; Wait-ViduVideoJob is 2 and Save-ViduVideo 3, so a New | Wait | Save pipeline shows
    /// three lines, each cleared when its command ends.
    /// </summary>
    internal sealed class SubmitProgress
    {
        public const int ActivityId = 1;
        private const string Activity = "Submitting video jobs";
        private int _seen;
        private int _turnedAway;
        private bool _shown;

        /// <summary>A picture reached the batch (or was refused on the way).</summary>
        public void Seen() => _seen++;

        /// <summary>A picture seen was not sent (bad input, a repeat, the budget, a halted batch).</summary>
        public void TurnedAway() => _turnedAway++;

        public void Update(Cmdlet cmdlet, CreateBatch batch)
        {
            var totals = batch.Totals;
            var failed = totals.Refused + totals.Unconfirmed + totals.NotSent;
            var finished = totals.Accepted + failed + _turnedAway;
            // A new record each time: a host may keep the records it is given, and must see each as it was.
            cmdlet.WriteProgress(new ProgressRecord(ActivityId, Activity,
                $"{finished} of {_seen} pictures · {totals.Accepted} accepted · {batch.InFlight} in flight · {failed + _turnedAway} not accepted")
            {
                PercentComplete = _seen > 0 ? System.Math.Min(100, finished * 100 / _seen) : 0,
            });
            _shown = true;
        }

        public void Complete(Cmdlet cmdlet)
        {
            if (!_shown) return;
            cmdlet.WriteProgress(new ProgressRecord(ActivityId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }
}
