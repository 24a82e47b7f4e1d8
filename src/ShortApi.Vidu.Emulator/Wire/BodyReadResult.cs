using System;

namespace ShortApi.Vidu.Emulator;

/// <summary>A request body read into one buffer, or the news that it was over the limit.</summary>
internal readonly record struct BodyReadResult(ReadOnlyMemory<byte> Bytes, long Length, bool TooLarge);
