using System;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using ShortApi.Vidu.Commands;
using ShortApi.Vidu.History;
using ShortApi.Vidu.Tests.Support;
using Xunit;

namespace ShortApi.Vidu.Tests.Cmdlets
{
    /// <summary>
    /// A stop that lands at the very instant a batch begins is never lost: held at each step of New-ViduVideoJob's
    /// start-up, a stop sends nothing more than what is already on the wire, and the pipeline ends stopped.
    /// </summary>
    public class StopAtStartTests : CmdletTest
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
        // The first create waits this long on the emulator's test clock, which moves only when the test moves it.
        private static readonly TimeSpan CreateHeld = TimeSpan.FromMinutes(10);
        // Pictures by URL: a path would be resolved by PowerShell's provider, which ends a stopped pipeline by itself
        // and so would hide what the module does.
        private const string Urls = "$urls = foreach ($i in 1..20) { \"https://example.com/p$i.png\" }\n";
        private const string Submit = Urls + "New-ViduVideoJob @Api -Image $urls -Prompt x -ThrottleLimit 4";
        private const string Piped = Urls + "$urls | New-ViduVideoJob @Api -Prompt x -ThrottleLimit 4";
        private readonly WatchedClock _clock;

        public StopAtStartTests() : this(new WatchedClock())
        {
        }

        private StopAtStartTests(WatchedClock clock) : base(null, clock)
        {
            _clock = clock;
        }

        [Theory]
        [InlineData(StepHook.BeginProcessing, Submit)]
        [InlineData(StepHook.FirstRecord, Submit)]
        [InlineData(StepHook.BeginProcessing, Piped)]
        [InlineData(StepHook.FirstRecord, Piped)]
        public async Task A_stop_at_a_step_of_start_up_sends_nothing_and_ends_the_pipeline_stopped(string step, string script)
        {
            using var hold = new StepHold(Emulator.BaseUri, step);
            var run = await RunAsync(script, started: shell => Task.Run(async () =>
            {
                await hold.Reached(step);
                shell.BeginStop(null, null);
                await hold.Reached(StepHook.Stopped);
                hold.Release();
            }));
            AssertStopped(run);
            Assert.Equal(0, Emulator.State.CreatesReceived);
            Assert.Empty(new JobStore(HistoryPath).Read(HistoryQuery.All).Jobs);
        }

        [Fact]
        public async Task A_stop_with_the_first_create_in_flight_sends_nothing_more_and_records_that_one()
        {
            Emulator.EnqueueFaults("create", $"slow:{CreateHeld.TotalMilliseconds}");
            using var hold = new StepHold(Emulator.BaseUri, holdAt: null);
            var run = await RunAsync(Submit, started: shell => Task.Run(async () =>
            {
                // The emulator's wait has begun: the first create is on the wire and held there.
                await _clock.TimerStartedAsync(CreateHeld, Patience);
                shell.BeginStop(null, null);
                await hold.Reached(StepHook.Stopped);
                // Now the stop has closed the batch, let the first create be answered, as the stop sees it through.
                _clock.Advance(CreateHeld);
            }));
            AssertStopped(run);
            Assert.Equal(1, Emulator.State.CreatesReceived);
            var job = Assert.Single(new JobStore(HistoryPath).Read(HistoryQuery.All).Jobs);
            Assert.Equal(Emulator.State.AcceptedJobIds.Single(), job.JobId);
        }

        private static void AssertStopped(PowerShellRun run) =>
            Assert.True(run.Terminating is PipelineStoppedException, $"expected the pipeline to end stopped, got: {run.Terminating?.GetType().Name ?? "success"} {run.Terminating?.Message}");
    }
}
