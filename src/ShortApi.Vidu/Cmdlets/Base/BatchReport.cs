using System;
using ShortApi.Vidu.Batches;
using ShortApi.Vidu.Pricing;

namespace ShortApi.Vidu.Commands
{
    /// <summary>The words New-ViduVideoJob ends with: the totals, the -WhatIf total, and what happened to creates in flight at a stop.</summary>
    internal static class BatchReport
    {
        public sealed class SummaryLines
        {
            public SummaryLines(string totals, string? whatIfTotal, string? unconfirmedWarning)
            {
                Totals = totals;
                WhatIfTotal = whatIfTotal;
                UnconfirmedWarning = unconfirmedWarning;
            }

            public string Totals { get; }
            public string? WhatIfTotal { get; }
            public string? UnconfirmedWarning { get; }
        }

        public static SummaryLines Summary(CreateBatch batch, decimal? maxCost)
        {
            var totals = batch.Totals;
            var refused = totals.RefusedByBudget > 0 ? $"; {totals.RefusedByBudget} refused by -MaxCost {Money.Usd(maxCost ?? 0)}" : string.Empty;
            var whatIf = totals.Previewed > 0 ? $"What if: {totals.Previewed} video job(s), about {Money.Usd(totals.PreviewedTotal)} in total{refused}." : null;
            var unconfirmed = totals.Unconfirmed > 0
                ? $"{totals.Unconfirmed} create(s) got no clear answer and may have been charged (about {Money.Usd(totals.UnconfirmedEstimate)}). They are listed by Get-ViduVideoJob -Status Unconfirmed; check your ShortAPI dashboard before submitting those pictures again."
                : null;
            var line = $"{totals.Accepted} job(s) accepted: estimated {Money.Usd(totals.EstimatedAccepted)}, charged {Money.Usd(totals.Charged)}; {totals.Refused} refused, {totals.Unconfirmed} unconfirmed, {totals.NotSent} not sent{refused}. Batch id {batch.BatchId}.";
            return new SummaryLines(line, whatIf, unconfirmed);
        }

        /// <summary>Stops the batch, waits up to <paramref name="bound"/> for creates on the wire, and says what became of each.</summary>
        public static void SeeThrough(CreateBatch batch, TimeSpan bound, bool hasHistory, Action<string> say)
        {
            batch.Stop();
            if (batch.InFlight > 0)
            {
                say($"Stopping: waiting up to {bound.TotalSeconds:0} s for {batch.InFlight} create request(s) already sent, so that their outcome is recorded.");
                batch.SeeThrough(bound);
            }
            while (batch.TryTake(out var outcome))
            {
                var name = outcome!.Plan.Request.ShortName;
                if (outcome.Result == CreateResult.Accepted)
                    say($"Accepted before the stop: job {outcome.Job!.JobId} for '{name}'" + (hasHistory && outcome.RecordLost == null ? " (in the job history: Get-ViduVideoJob -LastBatch)." : "."));
                else if (outcome.Result == CreateResult.Unconfirmed)
                    say($"Unconfirmed at the stop: the create for '{name}' may have been charged; check your ShortAPI dashboard before submitting it again.");
            }
            if (batch.InFlight > 0)
                say($"{batch.InFlight} create(s) were still waiting for an answer; they are recorded when it comes, or listed as Unconfirmed by Get-ViduVideoJob if this session ends first.");
        }
    }
}
