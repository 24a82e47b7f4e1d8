using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace ShortApi.Vidu.Emulator;

/// <summary>Reads a body into a single buffer, stopping as soon as it passes the limit (bodies may be ~20 MB of base64).</summary>
internal static class RequestBodyReader
{
    private const int ChunkSize = 64 * 1024;

    public static async Task<BodyReadResult> ReadAsync(HttpRequest request, long limit, CancellationToken cancellationToken)
    {
        if (request.ContentLength is long announced)
        {
            if (announced > limit)
            {
                // Refuse unread, as a real front end would; the announced size is what gets recorded.
                return new BodyReadResult(ReadOnlyMemory<byte>.Empty, announced, TooLarge: true);
            }

            byte[] exact = new byte[announced];
            await request.Body.ReadExactlyAsync(exact, cancellationToken);
            return new BodyReadResult(exact, announced, TooLarge: false);
        }

        // Chunked upload: the length is only known at the end, so grow one stream and count as we go.
        using var collected = new MemoryStream();
        byte[] chunk = new byte[ChunkSize];
        while (true)
        {
            int read = await request.Body.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                break;
            }

            if (collected.Length + read > limit)
            {
                return new BodyReadResult(ReadOnlyMemory<byte>.Empty, collected.Length + read, TooLarge: true);
            }

            collected.Write(chunk, 0, read);
        }

        return new BodyReadResult(new ReadOnlyMemory<byte>(collected.GetBuffer(), 0, (int)collected.Length), collected.Length, TooLarge: false);
    }
}
