namespace ShortApi.Vidu.Batches
{
    /// <summary>What a batch did, for summaries: counts, and money in USD.</summary>
    internal sealed class BatchTotals
    {
        public int Accepted { get; set; }
        public int Refused { get; set; }
        public int Unconfirmed { get; set; }
        public int NotSent { get; set; }
        public int RefusedByBudget { get; set; }
        public int Repeats { get; set; }
        public int Previewed { get; set; }
        public decimal EstimatedAccepted { get; set; }
        public decimal Charged { get; private set; }
        public decimal UnconfirmedEstimate { get; private set; }
        public decimal PreviewedTotal { get; private set; }

        internal BatchTotals Snapshot(BudgetLedger ledger) => new BatchTotals
        {
            Accepted = Accepted,
            Refused = Refused,
            Unconfirmed = Unconfirmed,
            NotSent = NotSent,
            RefusedByBudget = RefusedByBudget,
            Repeats = Repeats,
            Previewed = Previewed,
            EstimatedAccepted = EstimatedAccepted,
            Charged = ledger.Charged,
            UnconfirmedEstimate = ledger.Unconfirmed,
            PreviewedTotal = ledger.Previewed,
        };
    }
}
