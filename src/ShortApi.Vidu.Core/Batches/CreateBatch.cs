using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Pricing;
using ShortApi.Vidu.Outcomes;
using ShortApi.Vidu.Pipeline;
using ShortApi.Vidu.Wire;

namespace ShortApi.Vidu.Batches
{
    /// <summary>
    /// A run of paid creates, with every money rule in one place: the throttle (the first create goes alone, so a
    /// consumer that wants one job pays for one), repeats, the budget, halting when the key is refused or the balance is
    /// empty, and stopping. A create not yet on the wire (waiting for room, a Retry-After or a backoff) is cancelled the
    /// moment <see cref="Stop"/> is called, and nothing is sent after it returns; one already on the wire is seen through
    /// (bounded by the request timeout) and its outcome recorded, because it may have been charged.
    /// The caller (a cmdlet's pipeline thread) plans, asks <see cref="Admit"/>, starts, and takes outcomes.
    /// The batch is bound to its caller's stop token from birth: a stop that came before the batch existed closes it
    /// as it is made, so no window opens between a stop and the state it must reach.
    /// </summary>
    internal sealed class CreateBatch : IDisposable
    {
        private readonly object _lock = new object();
        private readonly ApiClient _api;
        private readonly IJobEvents _events;
        private readonly CreateBatchOptions _options;
        private readonly SendGate _gate = new SendGate();
        private readonly CancellationTokenSource _stop = new CancellationTokenSource();
        private readonly CancellationTokenRegistration _stopRequested;
        private readonly BudgetLedger _ledger;
        private readonly HashSet<string> _sentKeys = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<Task> _running = new List<Task>();
        private readonly OutcomeChannel<CreateOutcome> _outcomes;
        private readonly BatchTotals _totals = new BatchTotals();
        private bool _anyReturned;
        private bool _batchRecorded;
        private int _inFlight;

        /// <summary>A batch that stops when <paramref name="stopRequested"/> (the caller's Ctrl+C) trips, or at once if it already has.</summary>
        public CreateBatch(ApiClient api, CreateBatchOptions options, IJobEvents events, CancellationToken stopRequested)
        {
            _api = api;
            _options = options;
            _events = events;
            _ledger = new BudgetLedger(options.MaxCost);
            _outcomes = new OutcomeChannel<CreateOutcome>(options.Wakeup);
            // Last, once the batch is whole: Register runs Stop at once, on this thread, for a token already tripped.
            _stopRequested = stopRequested.Register(Stop);
        }

        public string BatchId => _options.BatchId;

        /// <summary>Creates started and not yet ended.</summary>
        public int InFlight => Volatile.Read(ref _inFlight);

        /// <summary>Why the batch stopped submitting, once a create was refused for the key or the balance.</summary>
        public ShortApiException? HaltReason { get; private set; }

        public bool IsStopped => _gate.IsClosed;

        /// <summary>Running totals (read on the caller's thread).</summary>
        public BatchTotals Totals
        {
            get
            {
                lock (_lock) return _totals.Snapshot(_ledger);
            }
        }

        /// <summary>What a create with this estimate would reserve now (the estimate, raised by charges seen so far).</summary>
        public decimal Reservation(decimal estimate)
        {
            lock (_lock) return _ledger.Reservation(estimate);
        }

        /// <summary>Whether a planned create may start now, and if not, why.</summary>
        public Admission Admit(CreatePlan plan)
        {
            lock (_lock)
            {
                if (!_options.AllowRepeats && _sentKeys.Contains(plan.RepeatKey)) return Admission.Repeat;
                if (HaltReason != null || _gate.IsClosed) return Admission.Halted;
                var room = _anyReturned ? _options.ThrottleLimit : 1;
                if (_inFlight >= room) return Admission.WaitForRoom;
                if (!_ledger.Fits(plan.Estimate)) return _inFlight > 0 ? Admission.WaitForRoom : Admission.OverBudget;
                return Admission.Go;
            }
        }

        /// <summary>The committed total and what this plan would add, for a budget refusal's message.</summary>
        public (decimal Committed, decimal Reservation) BudgetPosition(CreatePlan plan)
        {
            lock (_lock) return (_ledger.Committed, _ledger.Reservation(plan.Estimate));
        }

        /// <summary>
        /// Why a plan the batch turned away (<see cref="Admission.Repeat"/> or <see cref="Admission.OverBudget"/>) was
        /// not sent, in the words the user sees; the batch knows the budget position, so the message is made here.
        /// </summary>
        public string TurnedAway(CreatePlan plan, Admission reason)
        {
            if (reason == Admission.Repeat)
                return $"'{plan.Request.Display ?? plan.Request.Prompt}' was already submitted in this run with the same arguments; not sending it again, " +
                       "so it is not paid for twice. Use -AllowDuplicate to make another video from it.";
            var (committed, reservation) = BudgetPosition(plan);
            return $"Not submitting '{plan.Request.ShortName}': its estimate {Money.Usd(reservation)} would take this run from {Money.Usd(committed)} " +
                   $"to {Money.Usd(committed + reservation)}, over -MaxCost {Money.Usd(_options.MaxCost ?? 0)}. Nothing was sent for it.";
        }

        /// <summary>Counts a -WhatIf preview as if it had been sent, so a preview shows what the cap would refuse.</summary>
        public void Preview(CreatePlan plan)
        {
            lock (_lock)
            {
                _sentKeys.Add(plan.RepeatKey);
                _ledger.Preview(_ledger.Reservation(plan.Estimate));
                _totals.Previewed++;
            }
        }

        /// <summary>Notes a planned create the caller did not start (refused by the budget, a repeat, halted).</summary>
        public void CountSkipped(Admission reason)
        {
            lock (_lock)
            {
                if (reason == Admission.OverBudget) _totals.RefusedByBudget++;
                else if (reason == Admission.Repeat) _totals.Repeats++;
                else if (reason == Admission.Halted) _totals.NotSent++;
            }
        }

        /// <summary>Starts a create that <see cref="Admit"/> let through; its outcome arrives through <see cref="TryTake"/>.</summary>
        public void Start(CreatePlan plan)
        {
            decimal reservation;
            lock (_lock)
            {
                reservation = _ledger.Reservation(plan.Estimate);
                _ledger.Reserve(reservation);
                _sentKeys.Add(plan.RepeatKey);
                _inFlight++;
            }
            var task = Task.Run(() => RunAsync(plan, reservation));
            lock (_lock) _running.Add(task);
        }

        /// <summary>Whether an outcome is ready to take.</summary>
        public bool HasOutcome => _outcomes.Count > 0;

        /// <summary>Waits for the next outcome without blocking a thread (for callers that are async themselves).</summary>
        public async Task<CreateOutcome> NextOutcomeAsync(CancellationToken cancellationToken)
        {
            var (_, outcome) = await _outcomes.TakeAsync(cancellationToken).ConfigureAwait(false);
            return outcome;
        }

        public bool TryTake(out CreateOutcome? outcome)
        {
            var taken = _outcomes.TryTake(out var next);
            outcome = taken ? next : null;
            return taken;
        }

        /// <summary>
        /// Stops submitting, from any thread: closes the gate (after this returns no create can start a try) and ends
        /// every wait. Creates already on the wire go on to their answer or their timeout.
        /// </summary>
        public void Stop()
        {
            _gate.Close();
            try
            {
                _stop.Cancel();
            }
            catch (ObjectDisposedException)
            {
            }
        }

        /// <summary>After <see cref="Stop"/>: waits up to <paramref name="bound"/> for creates in flight to end; true when all did.</summary>
        public bool SeeThrough(TimeSpan bound)
        {
            Task[] running;
            lock (_lock) running = _running.Where(t => !t.IsCompleted).ToArray();
            return running.Length == 0 || Task.WaitAll(running, bound);
        }

        private async Task RunAsync(CreatePlan plan, decimal reservation)
        {
            var sendId = Guid.NewGuid().ToString("N");
            var sent = false;
            var name = plan.Request.ShortName;
            CreateOutcome outcome;
            try
            {
                var created = await _api.CreateJobAsync(plan.Request, _stop.Token, _gate, () =>
                {
                    RecordBatchOnce();
                    _events.Sending(new SendingCreate(sendId, _options.BatchId, _options.Endpoint, DateTimeOffset.Now, plan.Request, plan.Estimate));
                    sent = true;
                }).ConfigureAwait(false);
                var job = AcceptedJob(plan, created);
                var lost = Record(() => _events.Accepted(sendId, job), $"Job '{job.JobId}' for '{name}' was accepted and charged, but", "so the job is not in it");
                outcome = new CreateOutcome(plan, CreateResult.Accepted, job, null, lost);
            }
            catch (HistoryWriteException ex) when (!sent)
            {
                // The "sending" line is not on disk, so the create did not leave: a paid job must never lack a record.
                var notRecorded = new ShortApiException(ShortApiErrorKind.HistoryWriteFailed,
                    $"Create job for '{name}': not sent, because the job history at '{ex.Path}' cannot be written ({ex.Reason}). A paid create goes out only once its record is on disk; nothing was created or charged.",
                    innerException: ex);
                HaltFor(notRecorded);
                outcome = new CreateOutcome(plan, CreateResult.NotSent, null, notRecorded);
            }
            catch (ShortApiException ex) when (ex.Kind == ShortApiErrorKind.CreateOutcomeUnknown)
            {
                var lost = Record(() => _events.Unconfirmed(sendId, ex), $"The create for '{name}' got no clear answer, and", "so only its sending line is there (it is listed as Unconfirmed)");
                outcome = new CreateOutcome(plan, CreateResult.Unconfirmed, null, ex, lost);
            }
            catch (ShortApiException ex)
            {
                var lost = sent ? Record(() => _events.Refused(sendId, ex), $"The create for '{name}' was refused (nothing was charged), and", "so its sending line has no outcome (it is listed as Unconfirmed)") : null;
                outcome = new CreateOutcome(plan, ex.Kind == ShortApiErrorKind.NotSent ? CreateResult.NotSent : CreateResult.Refused, null, ex, lost);
            }
            catch (OperationCanceledException ex)
            {
                // Stopped while waiting to send or to resend after a certain refusal: nothing was created.
                var notSent = new ShortApiException(ShortApiErrorKind.NotSent,
                    $"Create job for '{name}': not sent, because the command was stopped. Nothing was created or charged.", innerException: ex);
                var lost = sent ? Record(() => _events.Refused(sendId, notSent), $"The create for '{name}' was stopped (nothing was charged), and", "so its sending line has no outcome (it is listed as Unconfirmed)") : null;
                outcome = new CreateOutcome(plan, CreateResult.NotSent, null, notSent, lost);
            }
            catch (Exception ex)
            {
                // Unforeseen: if anything left, it may have been acted on, so it is Unconfirmed, never "refused".
                var unknown = new ShortApiException(sent ? ShortApiErrorKind.CreateOutcomeUnknown : ShortApiErrorKind.NotSent,
                    $"Create job for '{name}' failed unexpectedly: {ex.Message}" +
                    (sent ? " It may have reached the service; check your dashboard before submitting this picture again." : " Nothing was sent."), innerException: ex);
                var lost = sent ? Record(() => _events.Unconfirmed(sendId, unknown), $"The create for '{name}' failed unexpectedly, and", "so only its sending line is there (it is listed as Unconfirmed)") : null;
                outcome = new CreateOutcome(plan, sent ? CreateResult.Unconfirmed : CreateResult.NotSent, null, unknown, lost);
            }
            Settle(outcome, reservation);
        }

        // Writes an outcome's line. When it cannot be written the outcome still stands (an accepted job is the user's),
        // and submitting stops at once, before the caller can start another create that would go out unrecorded.
        private ShortApiException? Record(Action write, string what, string consequence)
        {
            try
            {
                write();
                return null;
            }
            catch (HistoryWriteException ex)
            {
                var lost = new ShortApiException(ShortApiErrorKind.HistoryWriteFailed,
                    $"{what} the job history at '{ex.Path}' cannot be written ({ex.Reason}), {consequence}. Submitting stopped, so that no further paid create goes out without a record.",
                    innerException: ex);
                HaltFor(lost);
                return lost;
            }
        }

        private void HaltFor(ShortApiException error)
        {
            lock (_lock)
            {
                if (HaltReason == null) HaltReason = error;
            }
        }

        private void Settle(CreateOutcome outcome, decimal reservation)
        {
            lock (_lock)
            {
                // Queued before the count drops, so a caller that sees nothing in flight also sees every outcome.
                _outcomes.Post(outcome);
                _inFlight--;
                _anyReturned = true;
                switch (outcome.Result)
                {
                    case CreateResult.Accepted:
                        _ledger.Accepted(reservation, outcome.Plan.Estimate, outcome.Job!.Amount);
                        _totals.Accepted++;
                        _totals.EstimatedAccepted += outcome.Plan.Estimate;
                        break;
                    case CreateResult.Unconfirmed:
                        _ledger.MadeUnconfirmed(reservation);
                        _totals.Unconfirmed++;
                        break;
                    case CreateResult.NotSent:
                        _ledger.Released(reservation);
                        _totals.NotSent++;
                        break;
                    default:
                        _ledger.Released(reservation);
                        _totals.Refused++;
                        break;
                }
                if (outcome.Halts && HaltReason == null) HaltReason = outcome.HaltError;
            }
        }

        private void RecordBatchOnce()
        {
            lock (_lock)
            {
                if (_batchRecorded) return;
                _batchRecorded = true;
            }
            _events.BatchStarted(new BatchStart(_options.BatchId, _options.Endpoint, DateTimeOffset.Now));
        }

        private VideoJob AcceptedJob(CreatePlan plan, CreatedJob created)
        {
            var request = plan.Request;
            return new VideoJob(created.JobId)
            {
                Status = JobStatus.Queued,
                Model = request.Model.Id,
                Kind = request.Model.Kind,
                Image = request.Display,
                EndImage = request.EndImage?.Display,
                ReferenceImages = request.References.Select(r => r.Display).ToArray(),
                AspectRatio = request.EffectiveAspectRatio,
                Prompt = request.Prompt,
                Mode = request.EffectiveMode,
                Resolution = request.EffectiveResolution,
                Duration = request.EffectiveDuration,
                GenerateAudio = request.GenerateAudio == true,
                VoiceId = request.VoiceId,
                CallbackUrl = request.CallbackUrl,
                EstimatedCost = plan.Estimate,
                Amount = created.Amount,
                CreatedAt = DateTimeOffset.Now,
                BatchId = _options.BatchId,
                Endpoint = _options.Endpoint,
            };
        }

        public void Dispose()
        {
            _stopRequested.Dispose();
            Stop();
            // Creates still on the wire keep running to their answer and write it to the history; only the signals go.
        }
    }
}
