using System;
using System.IO;
using System.Security.Cryptography;

namespace ShortApi.Vidu.Images
{
    /// <summary>
    /// A read-only view of a picture being checked that takes the SHA-256 of its bytes as the checks read them, so the
    /// upload can prove it sends the very bytes that were checked (a same-size overwrite would otherwise go unseen).
    /// Bytes are hashed the first time a read reaches past what is hashed; <see cref="Finish"/> reads only what the
    /// checks skipped (a PNG, read whole for its CRCs, costs nothing more; a JPEG, whose middle is seeked over, once).
    /// </summary>
    internal sealed class FingerprintingStream : Stream
    {
        private const int FinishBufferBytes = 64 * 1024;

        private readonly Stream _inner;
        private readonly SHA256 _sha = SHA256.Create();
        private long _hashed;

        public FingerprintingStream(Stream inner) => _inner = inner;

        /// <summary>Reads what no check read, and returns the SHA-256 of the whole stream.</summary>
        public byte[] Finish()
        {
            var buffer = new byte[FinishBufferBytes];
            _inner.Position = _hashed;
            while (Read(buffer, 0, buffer.Length) > 0)
            {
            }
            _sha.TransformFinalBlock(Array.Empty<byte>(), 0, 0);
            return _sha.Hash!;
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var at = _inner.Position;
            var read = _inner.Read(buffer, offset, count);
            // Only a read that starts at or before the hashed frontier extends it; one after a seek forward is hashed by Finish.
            if (at <= _hashed && at + read > _hashed)
            {
                var skip = (int)(_hashed - at);
                _sha.TransformBlock(buffer, offset + skip, read - skip, null, 0);
                _hashed = at + read;
            }
            return read;
        }

        public override bool CanRead => true;

        public override bool CanSeek => _inner.CanSeek;

        public override bool CanWrite => false;

        public override long Length => _inner.Length;

        public override long Position
        {
            get => _inner.Position;
            set => _inner.Position = value;
        }

        public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) _sha.Dispose();
            base.Dispose(disposing);
        }
    }
}
