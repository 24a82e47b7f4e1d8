using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Batches;
using ShortApi.Vidu.Emulator;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>The money rules of a run of creates, driven directly (no runspace) against the emulator.</summary>
    public class CreateBatchTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
        private const decimal Charge = 0.275m; // what the emulator charges for Requests.ByUrl()

        [Fact]
        public async Task With_a_throttle_of_one_every_plan_is_accepted_in_the_order_it_was_planned()
        {
            // Catches outcomes lost, duplicated or reordered, and a job whose id is not the one the service made.
            await using var emulator = await Emulators.StartAsync();
            using var batch = NewBatch(emulator, o => o.ThrottleLimit = 1);
            var plans = Plans(5);

            var run = await DriveAsync(batch, plans);

            Assert.Empty(run.Skipped);
            Assert.All(run.Outcomes, o => Assert.Equal(CreateResult.Accepted, o.Result));
            Assert.Equal(plans, run.Outcomes.Select(o => o.Plan));
            Assert.Equal(emulator.State.AcceptedJobIds, run.Outcomes.Select(o => o.Job!.JobId));
            Assert.Equal(5, emulator.State.CreatesReceived);
            var totals = batch.Totals;
            Assert.Equal(5, totals.Accepted);
            Assert.Equal(5 * Charge, totals.Charged);
        }

        [Fact]
        public async Task The_first_create_goes_alone_and_then_no_more_than_the_throttle_are_in_flight()
        {
            // The emulator holds every create on its clock until the test moves it, so each round is seen whole.
            // Catches a batch that sends a crowd before the first answer (a consumer wanting one job would pay for many)
            // and one that lets more than ThrottleLimit creates out at once.
            var clock = new WatchedClock();
            await using var emulator = await Emulators.StartAsync(clock, o => o.CreateDelay = TimeSpan.FromSeconds(1));
            using var batch = NewBatch(emulator, o => o.ThrottleLimit = 3);
            var plans = Plans(7);
            var outcomes = new List<CreateOutcome>();

            Assert.Equal(Admission.Go, batch.Admit(plans[0]));
            batch.Start(plans[0]);
            Assert.Equal(Admission.WaitForRoom, batch.Admit(plans[1]));
            outcomes.AddRange(await ReleaseRoundAsync(clock, emulator, batch, 1));

            foreach (var round in new[] { plans.Skip(1).Take(3), plans.Skip(4).Take(3) })
            {
                foreach (var plan in round)
                {
                    Assert.Equal(Admission.Go, batch.Admit(plan));
                    batch.Start(plan);
                }
                if (round.Last() != plans.Last()) Assert.Equal(Admission.WaitForRoom, batch.Admit(plans[plans.IndexOf(round.Last()) + 1]));
                var answered = await ReleaseRoundAsync(clock, emulator, batch, 3);
                Assert.Equal(round.ToHashSet(), answered.Select(o => o.Plan).ToHashSet());
                outcomes.AddRange(answered);
            }

            Assert.All(outcomes, o => Assert.Equal(CreateResult.Accepted, o.Result));
            Assert.Equal(7, emulator.State.CreatesReceived);
            Assert.Equal(emulator.State.AcceptedJobIds.OrderBy(i => i), outcomes.Select(o => o.Job!.JobId).OrderBy(i => i));
            Assert.Equal(0, batch.InFlight);
        }

        [Fact]
        public async Task An_empty_balance_mid_batch_halts_it_and_the_rest_are_not_sent()
        {
            // Catches a batch that goes on sending after a 402 (each further create is refused, or worse, charged once
            // the balance is topped up) and one that does not count the rest as not sent.
            await using var emulator = await Emulators.StartAsync(o => o.Balance = 0.6m); // two creates' worth
            using var batch = NewBatch(emulator, o => o.ThrottleLimit = 1);
            var plans = Plans(5);

            var run = await DriveAsync(batch, plans);

            Assert.Equal(new[] { CreateResult.Accepted, CreateResult.Accepted, CreateResult.Refused }, run.Outcomes.Select(o => o.Result));
            var refusal = run.Outcomes[2];
            Assert.Equal(ShortApiErrorKind.InsufficientBalance, refusal.Error!.Kind);
            Assert.True(refusal.Halts);
            Assert.Same(refusal.Error, batch.HaltReason);
            Assert.Equal(plans.Skip(3), run.Skipped.Select(s => s.Plan));
            Assert.All(run.Skipped, s => Assert.Equal(Admission.Halted, s.Admission));
            Assert.Equal(3, emulator.State.CreatesReceived);
            var totals = batch.Totals;
            Assert.Equal((2, 1, 2), (totals.Accepted, totals.Refused, totals.NotSent));
            Assert.Equal(2 * Charge, totals.Charged); // the refused create gave its reservation back
        }

        [Fact]
        public async Task A_gateway_error_after_the_create_left_is_unconfirmed_never_resent_and_its_money_stays_counted()
        {
            // Catches a bare gateway 503 retried like a service refusal (the job was made: a resend pays twice), and an
            // unconfirmed create whose estimate is forgotten, so the next create would be let past the cap.
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", "gateway:503");
            using var batch = NewBatch(emulator, o => o.MaxCost = 0.5m);
            var plans = Plans(2);

            var run = await DriveAsync(batch, plans);

            var outcome = Assert.Single(run.Outcomes);
            Assert.Equal(CreateResult.Unconfirmed, outcome.Result);
            Assert.Equal(ShortApiErrorKind.CreateOutcomeUnknown, outcome.Error!.Kind);
            Assert.Equal(1, emulator.State.CreatesReceived);
            Assert.Equal(1, emulator.State.CreatesAccepted); // the service did make the job
            Assert.False(outcome.Halts);
            // 0.275 possibly spent + 0.275 would pass 0.5: the second is refused by the budget, not sent.
            Assert.Equal((plans[1], Admission.OverBudget), Assert.Single(run.Skipped));
            var totals = batch.Totals;
            Assert.Equal((1, Charge, 1), (totals.Unconfirmed, totals.UnconfirmedEstimate, totals.RefusedByBudget));
            Assert.Equal(0m, totals.Charged);
        }

        [Fact]
        public async Task A_429_is_resent_and_the_create_is_accepted_once()
        {
            // Catches a rate-limit refusal (the service certainly did not act) given up on, or resent more than needed.
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", "429:0");
            using var batch = NewBatch(emulator);

            var run = await DriveAsync(batch, Plans(1));

            var outcome = Assert.Single(run.Outcomes);
            Assert.Equal(CreateResult.Accepted, outcome.Result);
            Assert.Equal(2, emulator.State.CreatesReceived);
            Assert.Equal(1, emulator.State.CreatesRefused);
            Assert.Equal(emulator.State.AcceptedJobIds.Single(), outcome.Job!.JobId);
        }

        [Fact]
        public async Task The_budget_stops_the_batch_before_the_create_that_would_pass_it()
        {
            // Catches a cap checked after sending, or only against accepted charges (two creates in flight would then be
            // let out together past it), and a plan over the cap reported as anything but a budget refusal.
            await using var emulator = await Emulators.StartAsync();
            using var batch = NewBatch(emulator, o =>
            {
                o.ThrottleLimit = 4;
                o.MaxCost = 0.6m; // two creates fit, a third would make 0.825
            });
            var plans = Plans(5);

            var run = await DriveAsync(batch, plans);

            Assert.Equal(plans.Take(2), run.Outcomes.Select(o => o.Plan));
            Assert.All(run.Outcomes, o => Assert.Equal(CreateResult.Accepted, o.Result));
            Assert.Equal(plans.Skip(2), run.Skipped.Select(s => s.Plan));
            Assert.All(run.Skipped, s => Assert.Equal(Admission.OverBudget, s.Admission));
            Assert.Equal(2, emulator.State.CreatesReceived);
            Assert.Equal((0.55m, Charge), batch.BudgetPosition(plans[4]));
            var totals = batch.Totals;
            Assert.Equal((2, 3, 0.55m), (totals.Accepted, totals.RefusedByBudget, totals.Charged));
        }

        [Fact]
        public async Task A_plan_that_does_not_fit_while_a_create_is_in_flight_waits_for_it_and_goes_when_it_is_refused()
        {
            // Under a cap of 0.6 the third plan does not fit while the second is in flight; the second is then refused
            // (nothing charged), so the third fits after all. Catches a budget refusal made before the creates in flight
            // have ended: the user would lose a create the cap pays for.
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", "pass", "400");
            using var batch = NewBatch(emulator, o =>
            {
                o.ThrottleLimit = 4;
                o.MaxCost = 0.6m;
            });
            var plans = Plans(3);

            var run = await DriveAsync(batch, plans);

            Assert.Empty(run.Skipped);
            Assert.Equal(new[] { (plans[0], CreateResult.Accepted), (plans[1], CreateResult.Refused), (plans[2], CreateResult.Accepted) },
                run.Outcomes.Select(o => (o.Plan, o.Result)));
            Assert.Equal(3, emulator.State.CreatesReceived);
            Assert.Equal(0.55m, batch.Totals.Charged);
        }

        [Fact]
        public async Task A_charge_above_the_estimate_is_what_the_budget_judges_the_next_create_by()
        {
            // The table says 0.20, the service charges 0.275. By the table a second create would fit under 0.5
            // (0.275 + 0.20); by what was seen it would not (0.275 + 0.275), and it would indeed have made 0.55.
            // Catches a batch that keeps trusting the table after a dearer charge, and one that records the estimate as charged.
            await using var emulator = await Emulators.StartAsync();
            using var batch = NewBatch(emulator, o => o.MaxCost = 0.5m);
            var plans = Plans(2, estimate: 0.2m);

            var run = await DriveAsync(batch, plans);

            var outcome = Assert.Single(run.Outcomes);
            Assert.Equal(Charge, outcome.Job!.Amount);
            Assert.Equal(0.2m, outcome.Job.EstimatedCost);
            Assert.Equal((plans[1], Admission.OverBudget), Assert.Single(run.Skipped));
            Assert.Equal(1, emulator.State.CreatesReceived);
            Assert.Equal(Charge, batch.Reservation(0.2m));
            var totals = batch.Totals;
            Assert.Equal((Charge, 0.2m), (totals.Charged, totals.EstimatedAccepted));
        }

        [Fact]
        public async Task The_same_plan_twice_is_a_repeat_and_is_sent_once()
        {
            // Catches a batch that pays twice for the same picture with the same arguments when asked twice.
            await using var emulator = await Emulators.StartAsync();
            using var batch = NewBatch(emulator);
            var first = new CreatePlan(Requests.ByUrl("same"), Charge, null);
            var again = new CreatePlan(Requests.ByUrl("same"), Charge, null);

            var run = await DriveAsync(batch, new[] { first, again });

            Assert.Equal(first, Assert.Single(run.Outcomes).Plan);
            Assert.Equal((again, Admission.Repeat), Assert.Single(run.Skipped));
            Assert.Equal(1, emulator.State.CreatesReceived);
            Assert.Equal(1, batch.Totals.Repeats);
        }

        [Fact]
        public async Task Stop_closes_the_batch_sends_nothing_more_and_sees_through_the_create_on_the_wire()
        {
            // Catches a stop that leaves the batch admitting or starting creates, and one that abandons the create
            // already sent (it may be charged: its outcome must still be recorded).
            var clock = new WatchedClock();
            await using var emulator = await Emulators.StartAsync(clock, o => o.CreateDelay = TimeSpan.FromSeconds(1));
            using var batch = NewBatch(emulator);
            var plans = Plans(3);
            batch.Start(plans[0]);
            var now = clock.GetUtcNow();
            await clock.TimersStartedAsync((at, due) => at == now && due == TimeSpan.FromSeconds(1), 1, Patience);

            batch.Stop();

            Assert.True(batch.IsStopped);
            Assert.Equal(Admission.Halted, batch.Admit(plans[1]));
            batch.Start(plans[2]); // even a caller that starts without asking is turned away at the gate
            var turnedAway = await NextAsync(batch);
            Assert.Equal((plans[2], CreateResult.NotSent), (turnedAway.Plan, turnedAway.Result));
            clock.Advance(TimeSpan.FromSeconds(1));
            var seenThrough = await NextAsync(batch);
            Assert.Equal((plans[0], CreateResult.Accepted), (seenThrough.Plan, seenThrough.Result));
            Assert.True(batch.SeeThrough(Patience));
            Assert.Equal(1, emulator.State.CreatesReceived);
        }

        [Fact]
        public async Task Stop_ends_a_wait_to_resend_and_the_create_is_not_sent_again()
        {
            // The service asks to come back in ten minutes. Catches a stop that does not end that wait (the test's
            // patience runs out) and a resend after the stop.
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", "429:600");
            using var batch = NewBatch(emulator);
            var plan = Plans(1)[0];
            batch.Start(plan);
            await emulator.State.WaitUntilAsync(s => s.CreatesRefused == 1, Patience);

            batch.Stop();

            var outcome = await NextAsync(batch);
            Assert.Equal(CreateResult.NotSent, outcome.Result);
            Assert.Equal(ShortApiErrorKind.NotSent, outcome.Error!.Kind);
            Assert.Equal(1, emulator.State.CreatesReceived);
            Assert.Equal(0, emulator.State.CreatesAccepted);
            Assert.Equal(0m, batch.BudgetPosition(plan).Committed); // its reservation came back
        }

        private static CreateBatch NewBatch(EmulatorServer emulator, Action<CreateBatchOptions>? configure = null)
        {
            var options = new CreateBatchOptions(emulator.BaseUri.AbsoluteUri);
            configure?.Invoke(options);
            return new CreateBatch(emulator.Client(), options, NoJobEvents.Instance, CancellationToken.None);
        }

        private static List<CreatePlan> Plans(int count, decimal estimate = Charge) =>
            Enumerable.Range(1, count).Select(i => new CreatePlan(Requests.ByUrl($"shot {i}"), estimate, i)).ToList();

        private static Task<CreateOutcome> NextAsync(CreateBatch batch) => batch.NextOutcomeAsync(CancellationToken.None).WaitAsync(Patience);

        // Lets the round of creates the emulator is holding go (once all of them are held), and takes their outcomes.
        private static async Task<List<CreateOutcome>> ReleaseRoundAsync(WatchedClock clock, EmulatorServer emulator, CreateBatch batch, int count)
        {
            var now = clock.GetUtcNow();
            await clock.TimersStartedAsync((at, due) => at == now && due == TimeSpan.FromSeconds(1), count, Patience);
            Assert.Equal(count, emulator.State.CreatesInFlight);
            Assert.Equal(count, batch.InFlight);
            clock.Advance(TimeSpan.FromSeconds(1));
            var outcomes = new List<CreateOutcome>();
            for (var i = 0; i < count; i++) outcomes.Add(await NextAsync(batch));
            return outcomes;
        }

        // Runs plans the way New-ViduVideoJob does: ask; while there is no room, take an outcome and ask again; then
        // start it or count it as skipped. At the end, takes every outcome still to come.
        private static async Task<Run> DriveAsync(CreateBatch batch, IEnumerable<CreatePlan> plans)
        {
            var run = new Run();
            foreach (var plan in plans)
            {
                while (true)
                {
                    var admission = batch.Admit(plan);
                    if (admission == Admission.WaitForRoom)
                    {
                        run.Outcomes.Add(await NextAsync(batch));
                        continue;
                    }
                    if (admission == Admission.Go) batch.Start(plan);
                    else
                    {
                        batch.CountSkipped(admission);
                        run.Skipped.Add((plan, admission));
                    }
                    break;
                }
            }
            while (batch.InFlight > 0) run.Outcomes.Add(await NextAsync(batch));
            while (batch.TryTake(out var outcome)) run.Outcomes.Add(outcome!);
            return run;
        }

        private sealed class Run
        {
            public List<CreateOutcome> Outcomes { get; } = new List<CreateOutcome>();

            public List<(CreatePlan Plan, Admission Admission)> Skipped { get; } = new List<(CreatePlan, Admission)>();
        }
    }
}
