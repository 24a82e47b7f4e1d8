using System;

namespace ShortApi.Vidu.Batches
{
    /// <summary>
    /// The money of one batch, as pure arithmetic. A create may start only while
    /// (reservations of creates in flight) + (estimates of unconfirmed creates) + (charges of accepted jobs)
    /// + (this create's reservation) stays within the cap. A reservation is the table estimate scaled by the highest
    /// charge-to-estimate ratio seen so far in the batch, so once one charge exceeds its estimate, later creates are
    /// judged by what was seen rather than by the table. The cap can therefore be passed only by what creates already
    /// in flight are charged beyond their reservations.
    /// </summary>
    internal sealed class BudgetLedger
    {
        private decimal _reserved;
        private decimal _unconfirmed;
        private decimal _charged;
        private decimal _previewed;
        private decimal _ratio = 1m;

        public BudgetLedger(decimal? cap)
        {
            if (cap < 0) throw new ArgumentOutOfRangeException(nameof(cap), "The cap must not be negative.");
            Cap = cap;
        }

        /// <summary>The most the batch may spend in USD, or null for no cap.</summary>
        public decimal? Cap { get; }

        /// <summary>What the batch stands to have spent if every create in flight is charged its reservation.</summary>
        public decimal Committed => _reserved + _unconfirmed + _charged + _previewed;

        /// <summary>Charges the service reported (estimates where it reported none).</summary>
        public decimal Charged => _charged;

        /// <summary>Estimates of the creates that may have been charged but got no answer.</summary>
        public decimal Unconfirmed => _unconfirmed;

        /// <summary>What -WhatIf previewed.</summary>
        public decimal Previewed => _previewed;

        /// <summary>The highest charge-to-estimate ratio seen (at least 1).</summary>
        public decimal Ratio => _ratio;

        /// <summary>What a create with this table estimate reserves now.</summary>
        public decimal Reservation(decimal estimate) => Round(estimate * _ratio);

        /// <summary>Whether a create with this estimate fits under the cap now.</summary>
        public bool Fits(decimal estimate) => Cap is not decimal cap || Committed + Reservation(estimate) <= cap;

        public void Reserve(decimal reservation) => _reserved += reservation;

        public void Preview(decimal reservation) => _previewed += reservation;

        /// <summary>The service accepted: the reservation becomes the real charge, and a surprise raises later reservations.</summary>
        public void Accepted(decimal reservation, decimal estimate, decimal? amount)
        {
            _reserved -= reservation;
            var charge = amount ?? estimate;
            _charged += charge;
            if (estimate > 0 && charge > estimate)
            {
                var ratio = charge / estimate;
                if (ratio > _ratio) _ratio = ratio;
            }
        }

        /// <summary>Certainly refused or never sent: nothing was spent.</summary>
        public void Released(decimal reservation) => _reserved -= reservation;

        /// <summary>No answer after it left: it may have been charged, so its reservation stays counted.</summary>
        public void MadeUnconfirmed(decimal reservation)
        {
            _reserved -= reservation;
            _unconfirmed += reservation;
        }

        // Estimates are dollars with at most four decimals; a ratio such as 0.35/0.275 must not leave 28 digits behind.
        private static decimal Round(decimal value) => Math.Round(value, 6, MidpointRounding.AwayFromZero);
    }
}
