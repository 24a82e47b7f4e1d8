using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using ShortApi.Vidu.Batches;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>The money arithmetic of a batch, on its own: what fits under the cap, and what each ending does to it.</summary>
    public class BudgetLedgerTests
    {
        private const decimal Estimate = 0.275m;

        [Fact]
        public void Creates_fit_while_their_reservations_stay_within_the_cap()
        {
            // Catches a ledger that does not count what it reserved (a third create would then pass the cap).
            var ledger = new BudgetLedger(0.6m);
            Assert.True(ledger.Fits(Estimate));
            ledger.Reserve(ledger.Reservation(Estimate));
            Assert.True(ledger.Fits(Estimate));
            ledger.Reserve(ledger.Reservation(Estimate));
            Assert.Equal(0.55m, ledger.Committed);
            Assert.False(ledger.Fits(Estimate));
        }

        [Fact]
        public void A_create_that_lands_exactly_on_the_cap_fits()
        {
            // Catches "<" where the rule is "within the cap" (<=): a cap of exactly two estimates must allow two.
            var ledger = new BudgetLedger(0.55m);
            ledger.Reserve(ledger.Reservation(Estimate));
            Assert.True(ledger.Fits(Estimate));
            ledger.Reserve(ledger.Reservation(Estimate));
            Assert.Equal(0.55m, ledger.Committed);
            Assert.False(ledger.Fits(0.000001m));
        }

        [Fact]
        public void A_single_create_dearer_than_the_cap_does_not_fit_even_in_an_empty_batch()
        {
            // Catches a ledger that lets the first create through whatever it costs.
            var ledger = new BudgetLedger(0.2m);
            Assert.Equal(0m, ledger.Committed);
            Assert.False(ledger.Fits(Estimate));
        }

        [Fact]
        public void Without_a_cap_everything_fits_and_is_still_counted()
        {
            // Catches a null cap read as zero (nothing would ever be sent), and a ledger that stops counting without one.
            var ledger = new BudgetLedger(null);
            Assert.Null(ledger.Cap);
            for (var i = 0; i < 1000; i++)
            {
                Assert.True(ledger.Fits(Estimate));
                ledger.Reserve(ledger.Reservation(Estimate));
            }
            Assert.True(ledger.Fits(1_000_000m));
            Assert.Equal(275m, ledger.Committed);
        }

        [Fact]
        public void A_zero_cap_admits_only_what_is_free_and_a_negative_cap_is_refused()
        {
            // Catches a zero cap taken as "no cap", and a negative cap accepted (it could never admit anything, silently).
            var zero = new BudgetLedger(0m);
            Assert.False(zero.Fits(Estimate));
            Assert.True(zero.Fits(0m));
            var error = Assert.Throws<ArgumentOutOfRangeException>(() => new BudgetLedger(-0.01m));
            Assert.Equal("cap", error.ParamName);
        }

        [Fact]
        public void A_certain_refusal_gives_its_reservation_back()
        {
            // Catches a refused (never charged) create that keeps holding budget, so later creates are wrongly refused.
            var ledger = new BudgetLedger(0.55m);
            var first = ledger.Reservation(Estimate);
            ledger.Reserve(first);
            ledger.Reserve(ledger.Reservation(Estimate));
            Assert.False(ledger.Fits(Estimate));

            ledger.Released(first);

            Assert.Equal(Estimate, ledger.Committed);
            Assert.Equal(0m, ledger.Charged);
            Assert.Equal(0m, ledger.Unconfirmed);
            Assert.True(ledger.Fits(Estimate));
        }

        [Fact]
        public void An_unconfirmed_create_stays_counted_against_the_cap()
        {
            // Catches an unconfirmed create (it may have been charged) treated like a refusal, freeing budget it may have spent.
            var ledger = new BudgetLedger(0.55m);
            var first = ledger.Reservation(Estimate);
            ledger.Reserve(first);
            ledger.Reserve(ledger.Reservation(Estimate));

            ledger.MadeUnconfirmed(first);

            Assert.Equal(0.55m, ledger.Committed);
            Assert.Equal(Estimate, ledger.Unconfirmed);
            Assert.Equal(0m, ledger.Charged);
            Assert.False(ledger.Fits(Estimate));
        }

        [Fact]
        public void An_accepted_create_counts_what_was_charged_not_what_was_estimated()
        {
            // Catches a ledger that keeps the estimate (or the reservation and the charge both) after the service named the charge.
            var ledger = new BudgetLedger(1m);
            var reservation = ledger.Reservation(Estimate);
            ledger.Reserve(reservation);

            ledger.Accepted(reservation, Estimate, 0.2m);

            Assert.Equal(0.2m, ledger.Charged);
            Assert.Equal(0.2m, ledger.Committed);
            // A charge below the estimate does not lower later reservations: the table stays the floor.
            Assert.Equal(1m, ledger.Ratio);
            Assert.Equal(Estimate, ledger.Reservation(Estimate));
        }

        [Fact]
        public void An_accepted_create_without_a_reported_charge_counts_its_estimate()
        {
            // Catches a missing amount counted as free (0), which would let the batch spend past its cap.
            var ledger = new BudgetLedger(1m);
            var reservation = ledger.Reservation(Estimate);
            ledger.Reserve(reservation);

            ledger.Accepted(reservation, Estimate, null);

            Assert.Equal(Estimate, ledger.Charged);
            Assert.Equal(Estimate, ledger.Committed);
            Assert.Equal(1m, ledger.Ratio);
        }

        [Fact]
        public void A_charge_above_its_estimate_raises_every_later_reservation_by_the_same_ratio()
        {
            // Catches later creates judged by the table after the service showed it charges more, so the cap is passed.
            var ledger = new BudgetLedger(1m);
            var reservation = ledger.Reservation(0.25m);
            ledger.Reserve(reservation);

            ledger.Accepted(reservation, 0.25m, 0.5m);

            Assert.Equal(2m, ledger.Ratio);
            Assert.Equal(0.55m, ledger.Reservation(Estimate));
            Assert.Equal(0.5m, ledger.Committed);
            // 0.5 charged + 0.55 reserved would be 1.05: past the cap, although the table says 0.775.
            Assert.False(ledger.Fits(Estimate));
            Assert.True(ledger.Fits(0.25m));
        }

        [Fact]
        public void The_ratio_is_the_highest_seen_and_a_cheaper_charge_later_does_not_lower_it()
        {
            // Catches a ratio that follows the last charge instead of the worst, so one cheap job undoes the caution.
            var ledger = new BudgetLedger(null);
            Accept(ledger, 0.25m, 0.5m);   // 2.0
            Accept(ledger, 0.25m, 0.375m); // 1.5
            Accept(ledger, 0.25m, 0.2m);   // 0.8
            Assert.Equal(2m, ledger.Ratio);
            Accept(ledger, 0.1m, 0.3m);    // 3.0
            Assert.Equal(3m, ledger.Ratio);
        }

        [Fact]
        public void A_free_estimate_that_was_charged_does_not_break_the_ratio()
        {
            // Catches a division by a zero estimate (DivideByZeroException out of the ledger when a job was settled).
            var ledger = new BudgetLedger(1m);
            Accept(ledger, 0m, 0.3m);
            Assert.Equal(1m, ledger.Ratio);
            Assert.Equal(0.3m, ledger.Charged);
        }

        [Fact]
        public void A_raised_reservation_is_rounded_to_six_decimals()
        {
            // Catches a ratio such as 0.35/0.275 left with 28 digits in every later reservation and total.
            var ledger = new BudgetLedger(null);
            Accept(ledger, 0.275m, 0.35m);
            var raised = ledger.Reservation(0.3m);
            Assert.Equal(0.381818m, raised);
            Assert.Equal(6, (decimal.GetBits(raised)[3] >> 16) & 0xFF);
        }

        [Fact]
        public void A_settled_create_gives_back_exactly_the_reservation_it_took_even_after_the_ratio_rose()
        {
            // Catches settling with today's reservation instead of the one taken at the start: after the ratio rises, a
            // create in flight would be released for more (or less) than it held, and the committed total would drift.
            var ledger = new BudgetLedger(null);
            var early = ledger.Reservation(Estimate);
            ledger.Reserve(early);
            Accept(ledger, 0.25m, 0.5m); // another create: the ratio is now 2
            ledger.Released(early);
            Assert.Equal(0.5m, ledger.Committed);

            var unconfirmed = ledger.Reservation(Estimate);
            ledger.Reserve(unconfirmed);
            ledger.MadeUnconfirmed(unconfirmed);
            Assert.Equal(0.55m, ledger.Unconfirmed);
            Assert.Equal(1.05m, ledger.Committed);
        }

        [Fact]
        public void A_preview_counts_against_the_cap_as_if_it_had_been_sent()
        {
            // Catches -WhatIf previewing every create when the real run would refuse some over the cap.
            var ledger = new BudgetLedger(0.6m);
            ledger.Preview(ledger.Reservation(Estimate));
            ledger.Preview(ledger.Reservation(Estimate));
            Assert.Equal(0.55m, ledger.Previewed);
            Assert.Equal(0.55m, ledger.Committed);
            Assert.Equal(0m, ledger.Charged);
            Assert.False(ledger.Fits(Estimate));
        }

        [Fact]
        public void Committed_is_the_sum_of_reserved_unconfirmed_charged_and_previewed()
        {
            // Catches any one of the four parts left out of the total the cap is judged by.
            var ledger = new BudgetLedger(null);
            ledger.Reserve(0.1m);
            var unconfirmed = 0.02m;
            ledger.Reserve(unconfirmed);
            ledger.MadeUnconfirmed(unconfirmed);
            Accept(ledger, 0.003m, 0.003m);
            ledger.Preview(0.0004m);
            Assert.Equal(0.1234m, ledger.Committed);
        }

        [Fact]
        public void Whatever_the_order_of_endings_the_cap_is_passed_only_by_overcharges_of_creates_in_flight()
        {
            // The class's promise, over many seeded runs of reserve-if-fits and random endings (accepted at, below or
            // above the estimate, refused, unconfirmed). Catches any ending that loses or double-counts money, and any
            // admission that lets more than the cap be committed by what the ledger already knew.
            for (var seed = 0; seed < 200; seed++)
            {
                var random = new Random(seed);
                var cap = 0.5m + random.Next(0, 300) / 100m;
                var ledger = new BudgetLedger(cap);
                var inFlight = new List<(decimal Reservation, decimal Estimate)>();
                decimal overcharged = 0m; // what accepted creates were charged beyond their reservations
                for (var step = 0; step < 100; step++)
                {
                    if (inFlight.Count < 4 && random.Next(2) == 0)
                    {
                        var estimate = new[] { 0.1m, 0.2m, 0.275m, 0.35m }[random.Next(4)];
                        if (!ledger.Fits(estimate)) continue;
                        var reservation = ledger.Reservation(estimate);
                        ledger.Reserve(reservation);
                        inFlight.Add((reservation, estimate));
                    }
                    else if (inFlight.Count > 0)
                    {
                        var index = random.Next(inFlight.Count);
                        var (reservation, estimate) = inFlight[index];
                        inFlight.RemoveAt(index);
                        switch (random.Next(4))
                        {
                            case 0:
                                ledger.Released(reservation);
                                break;
                            case 1:
                                ledger.MadeUnconfirmed(reservation);
                                break;
                            default:
                                var charge = Math.Round(estimate * (0.5m + random.Next(0, 100) / 100m), 4);
                                ledger.Accepted(reservation, estimate, charge);
                                overcharged += Math.Max(0m, charge - reservation);
                                break;
                        }
                    }
                    Assert.True(ledger.Committed <= cap + overcharged,
                        $"Seed {seed}, step {step}: committed {ledger.Committed} passed the cap {cap} by more than the overcharges {overcharged}.");
                }
                foreach (var (reservation, _) in inFlight) ledger.Released(reservation);
                Assert.Equal(ledger.Charged + ledger.Unconfirmed, ledger.Committed);
            }
        }

        [Fact]
        public void Reservations_and_endings_from_many_tasks_never_commit_more_than_the_cap()
        {
            // The ledger is plain arithmetic; CreateBatch makes it safe by asking and reserving under one lock while
            // creates end on pool threads. Done the same way here from many tasks at once, with every charge at its
            // estimate: catches an ending that frees more than it held (more creates would start than the cap pays for)
            // or less (the final total would not come back to what was charged and unconfirmed).
            const decimal cap = 2.75m; // exactly ten estimates
            var ledger = new BudgetLedger(cap);
            var gate = new object();
            var started = 0;
            var worst = 0m;
            var tasks = Enumerable.Range(0, 64).Select(task => Task.Run(() =>
            {
                var random = new Random(task);
                for (var i = 0; i < 200; i++)
                {
                    decimal reservation;
                    lock (gate)
                    {
                        if (!ledger.Fits(Estimate)) continue;
                        reservation = ledger.Reservation(Estimate);
                        ledger.Reserve(reservation);
                        started++;
                        worst = Math.Max(worst, ledger.Committed);
                    }
                    lock (gate)
                    {
                        // Mostly refusals, so budget keeps coming back and the tasks keep racing for it.
                        switch (random.Next(20))
                        {
                            case 0:
                                ledger.Accepted(reservation, Estimate, Estimate);
                                break;
                            case 1:
                                ledger.MadeUnconfirmed(reservation);
                                break;
                            default:
                                ledger.Released(reservation);
                                break;
                        }
                    }
                }
            })).ToArray();
            Task.WaitAll(tasks);

            Assert.True(worst <= cap, $"At one point {worst} was committed under a cap of {cap}.");
            Assert.True(started > 10, "The tasks should have raced for budget that came back.");
            Assert.Equal(cap, ledger.Committed); // ten creates' worth, all spent or possibly spent, by the end
            Assert.Equal(ledger.Charged + ledger.Unconfirmed, ledger.Committed);
            Assert.False(ledger.Fits(Estimate));
        }

        private static void Accept(BudgetLedger ledger, decimal estimate, decimal charge)
        {
            var reservation = ledger.Reservation(estimate);
            ledger.Reserve(reservation);
            ledger.Accepted(reservation, estimate, charge);
        }
    }
}
