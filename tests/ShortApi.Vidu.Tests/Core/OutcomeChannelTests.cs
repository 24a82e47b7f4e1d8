using System;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Outcomes;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    public class OutcomeChannelTests
    {
        [Fact]
        public void Outcomes_come_out_in_the_order_they_were_posted()
        {
            var channel = new OutcomeChannel<int>();
            channel.Post(1);
            channel.Post(2);
            Assert.True(channel.TryTake(out var first));
            Assert.True(channel.TryTake(out var second));
            Assert.False(channel.TryTake(out _));
            Assert.Equal((1, 2), (first, second));
        }

        [Fact]
        public async Task A_waiting_reader_wakes_on_a_post_and_sees_the_end_on_complete()
        {
            var channel = new OutcomeChannel<string>();
            var waiting = channel.WaitToReadAsync(CancellationToken.None);
            Assert.False(waiting.IsCompleted);
            channel.Post("done");
            Assert.True(await waiting);
            Assert.Equal((true, "done"), await channel.TakeAsync(CancellationToken.None));

            var atEnd = channel.TakeAsync(CancellationToken.None);
            Assert.False(atEnd.IsCompleted);
            channel.Complete();
            Assert.False((await atEnd).Taken);
            Assert.True(channel.IsDrained);
        }

        [Fact]
        public async Task A_cancelled_wait_throws_and_leaves_later_outcomes_for_the_next_reader()
        {
            var channel = new OutcomeChannel<int>();
            using var stop = new CancellationTokenSource();
            var waiting = channel.WaitToReadAsync(stop.Token);
            stop.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
            channel.Post(7);
            Assert.Equal((true, 7), await channel.TakeAsync(CancellationToken.None));
        }

        [Fact]
        public void Posting_after_complete_is_refused()
        {
            var channel = new OutcomeChannel<int>();
            channel.Complete();
            Assert.Throws<InvalidOperationException>(() => channel.Post(1));
        }

        [Fact]
        public void A_post_wakes_the_shared_wakeup_and_a_post_during_the_drain_is_not_missed()
        {
            using var wakeup = new Wakeup();
            var creates = new OutcomeChannel<int>(wakeup);
            var downloads = new OutcomeChannel<int>(wakeup);
            Assert.False(wakeup.Wait(TimeSpan.Zero, CancellationToken.None));

            downloads.Post(1);
            Assert.True(wakeup.Wait(null, CancellationToken.None));
            Assert.True(downloads.TryTake(out _));
            creates.Post(2); // posted after the wake, while the consumer drains
            Assert.True(wakeup.Wait(TimeSpan.Zero, CancellationToken.None));
            Assert.True(creates.TryTake(out var late));
            Assert.Equal(2, late);
        }

        [Fact]
        public void A_stop_ends_the_wakeup_wait()
        {
            using var wakeup = new Wakeup();
            using var stop = new CancellationTokenSource();
            stop.Cancel();
            Assert.Throws<OperationCanceledException>(() => wakeup.Wait(null, stop.Token));
        }
    }
}
