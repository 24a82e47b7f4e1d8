using System;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Tests.Support;
using ShortApi.Vidu.Wire;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>Messages built from pieces read as sentences: one full stop between them, and no advice that contradicts another.</summary>
    public class MessageSentenceTests
    {
        [Theory]
        [InlineData("402", "insufficient balance: emulated refusal. Top up")]
        [InlineData("401", "emulated refusal: invalid API key. Check -ApiKey")]
        [InlineData("400", ". Fix the named argument")]
        public async Task The_services_words_end_as_a_sentence_before_the_advice(string fault, string expected)
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", fault);
            var error = await Assert.ThrowsAsync<ShortApiException>(() => emulator.Client(retries: 0).CreateJobAsync(Requests.ByUrl(), CancellationToken.None));
            Assert.Contains(expected, error.Message);
            AssertSentences(error.Message);
        }

        [Fact]
        public async Task An_unconfirmed_create_says_to_check_before_submitting_and_not_to_try_again_later()
        {
            await using var emulator = await Emulators.StartAsync();
            emulator.EnqueueFaults("create", "gateway:503");
            var error = await Assert.ThrowsAsync<ShortApiException>(() => emulator.Client(retries: 3).CreateJobAsync(Requests.ByUrl(), CancellationToken.None));
            Assert.Equal(ShortApiErrorKind.CreateOutcomeUnknown, error.Kind);
            Assert.Contains("HTTP 503", error.Message);
            Assert.Contains("check there before submitting this picture again", error.Message);
            Assert.DoesNotContain("Try again later", error.Message);
            AssertSentences(error.Message);
            Assert.Equal(1, emulator.State.CreatesReceived);
        }

        [Theory]
        [InlineData("Access to the path '/x' is denied.", "Access to the path '/x' is denied.")]
        [InlineData("insufficient balance", "insufficient balance.")]
        [InlineData("(send Authorization: Bearer <key>)  ", "(send Authorization: Bearer <key>).")]
        [InlineData("Really?", "Really?")]
        [InlineData("", "")]
        public void A_piece_gets_exactly_one_full_stop(string piece, string expected) => Assert.Equal(expected, Sentences.End(piece));

        /// <summary>No doubled stop, and no sentence that runs into the next without one ("balance Top up").</summary>
        internal static void AssertSentences(string message)
        {
            Assert.DoesNotContain("..", message);
            Assert.DoesNotMatch(new Regex(@"\s\.\s"), message);
            foreach (var advice in new[] { "Top up", "Check -ApiKey", "Fix the named", "Try again", "Lower -ThrottleLimit", "Raise -RequestTimeoutSec" })
            {
                var at = message.IndexOf(advice, StringComparison.Ordinal);
                if (at > 0) Assert.True(message.Substring(0, at).TrimEnd().EndsWith("."), $"no full stop before '{advice}' in: {message}");
            }
        }
    }
}
