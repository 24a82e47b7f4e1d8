using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using ShortApi.Vidu.Images;
using ShortApi.Vidu.Pipeline;
using ShortApi.Vidu.Tests.Support;
using ShortApi.Vidu.Wire;
using Xunit;

namespace ShortApi.Vidu.Tests.Core
{
    /// <summary>"May have been charged" is said only when something can have been created.</summary>
    public class CreateEdgeTests
    {
        [Fact]
        public async Task A_picture_that_changes_between_check_and_send_is_an_input_error_not_a_possible_charge()
        {
            await using var emulator = await Emulators.StartAsync();
            using var folder = new TestFolder();
            var path = folder.Png("cat.png", padding: 4000);
            var image = ImageReference.FromFile(path, path);
            File.WriteAllBytes(path, Pictures.Png(160, 90, padding: 10));
            var error = await Assert.ThrowsAsync<ShortApiException>(() =>
                emulator.Client(retries: 3).CreateJobAsync(new CreateJobRequest(image, "x"), CancellationToken.None));
            Assert.Equal(ShortApiErrorKind.ImageChanged, error.Kind);
            Assert.False(ResendRule.MayHaveCreated(error));
            Assert.Equal(0, emulator.State.CreatesAccepted);
        }

        [Fact]
        public async Task A_same_size_overwrite_between_check_and_send_is_an_image_change_and_nothing_is_created()
        {
            await using var emulator = await Emulators.StartAsync();
            using var folder = new TestFolder();
            var path = folder.Png("cat.png", 160, 90, padding: 4000);
            var image = ImageReference.FromFile(path, path);
            var other = Pictures.Png(90, 160, padding: 4000); // another picture, exactly as long
            Assert.Equal(new FileInfo(path).Length, other.Length);
            File.WriteAllBytes(path, other);

            var error = await Assert.ThrowsAsync<ShortApiException>(() =>
                emulator.Client(retries: 3).CreateJobAsync(new CreateJobRequest(image, "x"), CancellationToken.None));

            Assert.Equal(ShortApiErrorKind.ImageChanged, error.Kind);
            Assert.Contains("changed after it was checked", error.Message);
            Assert.True(error.RequestIncomplete);
            Assert.False(ResendRule.MayHaveCreated(error));
            Assert.Equal(1, error.Attempts); // an input error: never sent again
            Assert.Equal(0, emulator.State.CreatesAccepted);
        }

        [Fact]
        public async Task An_overwrite_during_the_upload_stops_the_body_before_its_last_bytes_leave()
        {
            using var folder = new TestFolder();
            var path = folder.Png("big.png", padding: 400_000); // several 48 KB chunks
            var request = new CreateJobRequest(ImageReference.FromFile(path, path), "x");
            var state = new RequestBodyState();
            using var content = new CreateRequestContent(request, state);
            // Held at the first base64 bytes on the wire: the file's tail is overwritten in place, its size unchanged.
            using var wire = new WireStream(writes: 2, () =>
            {
                using var file = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                file.Position = file.Length - 2000;
                file.Write(new byte[1000], 0, 1000);
            });

            var error = await Assert.ThrowsAsync<ShortApiException>(() => content.CopyToAsync(wire));

            Assert.Equal(ShortApiErrorKind.ImageChanged, error.Kind);
            Assert.True(wire.Overwritten);
            Assert.InRange(wire.Length, 1, request.BodyLength - 1);
            Assert.False(state.Complete);
            Assert.Same(error, state.LocalFailure);
        }

        [Fact]
        public async Task A_picture_left_alone_is_sent_whole()
        {
            using var folder = new TestFolder();
            var path = folder.Png("big.png", padding: 400_000);
            var request = new CreateJobRequest(ImageReference.FromFile(path, path), "x");
            var state = new RequestBodyState();
            using var content = new CreateRequestContent(request, state);
            using var wire = new WireStream(writes: int.MaxValue, () => { });
            await content.CopyToAsync(wire);
            Assert.Equal(request.BodyLength, wire.Length);
            Assert.True(state.Complete);
        }

        // What the body is written to; runs an action when the given write arrives, as a connection that paused there.
        private sealed class WireStream : MemoryStream
        {
            private readonly int _at;
            private readonly Action _action;
            private int _writes;

            public WireStream(int writes, Action action)
            {
                _at = writes;
                _action = action;
            }

            public bool Overwritten { get; private set; }

            public override void Write(byte[] buffer, int offset, int count)
            {
                base.Write(buffer, offset, count);
                if (++_writes != _at) return;
                _action();
                Overwritten = true;
            }

            public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
            {
                Write(buffer, offset, count);
                return Task.CompletedTask;
            }

            public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
            {
                Write(buffer.ToArray(), 0, buffer.Length);
                return default;
            }
        }

        [Fact]
        public async Task An_upload_cut_off_by_the_timeout_before_its_body_was_complete_was_certainly_not_acted_on()
        {
            // A server that accepts the connection and never reads: a large body fills the socket buffers and stalls.
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var held = new System.Collections.Concurrent.ConcurrentBag<TcpClient>();
            var accepting = Task.Run(async () =>
            {
                try
                {
                    while (true) held.Add(await listener.AcceptTcpClientAsync());
                }
                catch (Exception)
                {
                }
            });
            try
            {
                using var folder = new TestFolder();
                var path = folder.Png("big.png", padding: 12_000_000);
                var image = ImageReference.FromFile(path, path);
                var port = ((IPEndPoint)listener.LocalEndpoint).Port;
                var client = new ApiClient(new ApiClientOptions(new Uri($"http://127.0.0.1:{port}/"), new ApiKey("k"))
                {
                    MaxRetries = 1,
                    RetryInterval = TimeSpan.FromMilliseconds(10),
                    RequestTimeout = TimeSpan.FromSeconds(2),
                });
                var error = await Assert.ThrowsAsync<ShortApiException>(() => client.CreateJobAsync(new CreateJobRequest(image, "x"), CancellationToken.None));
                Assert.Equal(ShortApiErrorKind.Timeout, error.Kind);
                Assert.True(error.RequestIncomplete);
                Assert.False(ResendRule.MayHaveCreated(error));
                Assert.Equal(2, error.Attempts); // certainly not acted on, so it was safe to send again
                // Says what the user needs to know: the upload stopped, so nothing was made or paid for.
                Assert.Contains("did not finish within 2 s, so nothing was created.", error.Message);
                Assert.Contains("-RequestTimeoutSec", error.Message);
                Assert.DoesNotContain("No answer", error.Message);
            }
            finally
            {
                listener.Stop();
                foreach (var connection in held) connection.Dispose();
            }
        }
    }
}
