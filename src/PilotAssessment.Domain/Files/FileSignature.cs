namespace PilotAssessment.Files;

/// <summary>
/// Recognises uploaded files (PDF, PNG, JPEG, XLSX, DOCX) by their first bytes, never by name or declared type.
/// Each feature decides which of these it accepts.
/// </summary>
public static class FileSignature
{
    public const string Pdf = "application/pdf";
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";

    public static string? Detect(ReadOnlySpan<byte> content, string fileName)
    {
        if (content.StartsWith("%PDF-"u8))
        {
            return Pdf;
        }

        if (content.StartsWith(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }))
        {
            return Png;
        }

        if (content.StartsWith(new byte[] { 0xFF, 0xD8, 0xFF }))
        {
            return Jpeg;
        }

        // XLSX and DOCX are ZIP packages; the package's own parts tell which one it is.
        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            if (Contains(content, "xl/"u8))
            {
                return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
            }

            if (Contains(content, "word/"u8))
            {
                return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            }

            var extension = Path.GetExtension(fileName).ToLowerInvariant();
            return extension switch
            {
                ".xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                ".docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                _ => null,
            };
        }

        return null;
    }

    private static bool Contains(ReadOnlySpan<byte> content, ReadOnlySpan<byte> part) => content.IndexOf(part) >= 0;
}
