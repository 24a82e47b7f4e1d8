using System;

namespace ShortApi.Vidu.Batches
{
    /// <summary>How a <see cref="CreateBatch"/> spends.</summary>
    internal sealed class CreateBatchOptions
    {
        public CreateBatchOptions(string endpoint)
        {
            Endpoint = endpoint;
        }

        /// <summary>The API base URI the jobs belong to, recorded with each.</summary>
        public string Endpoint { get; }

        /// <summary>Identifies the batch in the history; a new one per batch.</summary>
        public string BatchId { get; set; } = Guid.NewGuid().ToString("N");

        /// <summary>How many creates may be in flight at once, once the first has returned.</summary>
        public int ThrottleLimit { get; set; } = 4;

        /// <summary>The most the batch may spend in USD (see <see cref="BudgetLedger"/>), or null.</summary>
        public decimal? MaxCost { get; set; }

        /// <summary>Set whenever an outcome arrives, so a caller that also waits on other things (posted lines) wakes on it.</summary>
        public Outcomes.Wakeup? Wakeup { get; set; }

        /// <summary>Send the same picture with the same arguments again when asked twice.</summary>
        public bool AllowRepeats { get; set; }
    }
}
