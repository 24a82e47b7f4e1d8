using System;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Batches;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>A create batch is bound to its caller's stop from birth, so a stop is never lost to the order things were made in.</summary>
    public class CreateBatchStopTests
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

        [Fact]
        public async Task A_batch_made_after_its_caller_was_stopped_is_closed_and_sends_nothing()
        {
            await using var emulator = await Emulators.StartAsync();
            using var stopped = new CancellationTokenSource();
            stopped.Cancel();
            using var batch = new CreateBatch(emulator.Client(), new CreateBatchOptions(emulator.BaseUri.AbsoluteUri), NoJobEvents.Instance, stopped.Token);
            var plan = new CreatePlan(Requests.ByUrl(), 0.275m, null);

            Assert.True(batch.IsStopped);
            Assert.Equal(Admission.Halted, batch.Admit(plan));
            // Even a caller that starts without asking is turned away at the gate.
            batch.Start(plan);
            var outcome = await batch.NextOutcomeAsync(CancellationToken.None).WaitAsync(Patience);
            Assert.Equal(CreateResult.NotSent, outcome.Result);
            Assert.Equal(0, emulator.State.CreatesReceived);
        }

        [Fact]
        public async Task A_stop_of_the_caller_closes_the_batch_before_the_stop_returns()
        {
            await using var emulator = await Emulators.StartAsync();
            using var stop = new CancellationTokenSource();
            using var batch = new CreateBatch(emulator.Client(), new CreateBatchOptions(emulator.BaseUri.AbsoluteUri), NoJobEvents.Instance, stop.Token);
            var plan = new CreatePlan(Requests.ByUrl(), 0.275m, null);
            Assert.Equal(Admission.Go, batch.Admit(plan));

            stop.Cancel();

            Assert.True(batch.IsStopped);
            batch.Start(plan);
            var outcome = await batch.NextOutcomeAsync(CancellationToken.None).WaitAsync(Patience);
            Assert.Equal(CreateResult.NotSent, outcome.Result);
            Assert.Equal(0, emulator.State.CreatesReceived);
        }
    }
}
