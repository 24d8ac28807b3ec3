namespace PilotAssessment.Files;

/// <summary>Reads an upload into memory, never much past the limit of its feature.</summary>
public static class UploadedFile
{
    /// <summary>
    /// The bytes of an upload of at most <paramref name="limit"/> bytes: refused with <paramref name="tooLarge"/> when
    /// its declared <paramref name="length"/> or what it holds is larger.
    /// </summary>
    public static async Task<byte[]> ReadWithinAsync(Stream content, long length, long limit, Func<Exception> tooLarge)
    {
        if (length > limit)
        {
            throw tooLarge();
        }

        var bytes = await ReadAtMostAsync(content, limit);
        return bytes.Length > limit ? throw tooLarge() : bytes;
    }

    /// <summary>
    /// At most one byte past <paramref name="limit"/>: enough for the caller to refuse an oversized upload, never the
    /// whole of it.
    /// </summary>
    public static async Task<byte[]> ReadAtMostAsync(Stream content, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        var max = limit + 1;
        long total = 0;
        int read;
        while (total < max && (read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, max - total)))) > 0)
        {
            await buffer.WriteAsync(chunk.AsMemory(0, read));
            total += read;
        }

        return buffer.ToArray();
    }
}
