namespace PilotAssessment.Agreements;

/// <summary>Reads an uploaded agreement file (signed scan or evidence) into memory, never much past the limit.</summary>
internal static class AgreementUpload
{
    /// <summary>
    /// At most one byte past <see cref="AgreementConsts.MaxAttachmentBytes"/>: enough for the file rules to refuse an
    /// oversized upload (<see cref="AttachmentFileType"/>), never the whole of it.
    /// </summary>
    public static async Task<byte[]> ReadAsync(Stream content)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        var max = AgreementConsts.MaxAttachmentBytes + 1;
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
