using System;
using System.IO;

namespace ShortApi.Vidu.Tests.Support
{
    /// <summary>A read-only stream over bytes that counts what is read from it, and can pretend it cannot seek (as a pipe).</summary>
    internal sealed class CountingStream : Stream
    {
        private readonly MemoryStream _inner;
        private readonly bool _canSeek;

        public CountingStream(byte[] bytes, bool canSeek = true)
        {
            _inner = new MemoryStream(bytes, writable: false);
            _canSeek = canSeek;
        }

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => _canSeek;

        public override bool CanWrite => false;

        public override long Length => _canSeek ? _inner.Length : throw new NotSupportedException();

        public override long Position
        {
            get => _canSeek ? _inner.Position : throw new NotSupportedException();
            set
            {
                if (!_canSeek) throw new NotSupportedException();
                _inner.Position = value;
            }
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = _inner.Read(buffer, offset, count);
            BytesRead += n;
            return n;
        }

        public override long Seek(long offset, SeekOrigin origin) => _canSeek ? _inner.Seek(offset, origin) : throw new NotSupportedException();

        public override void Flush()
        {
        }

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
