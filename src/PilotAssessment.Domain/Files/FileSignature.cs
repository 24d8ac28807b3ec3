namespace PilotAssessment.Files;

/// <summary>
/// Recognises uploaded files (PDF, PNG, JPEG, XLSX, DOCX) by their content, never by name or declared type.
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

        // XLSX and DOCX are ZIP packages: only the package's own content types and main part say which, never the name.
        if (content.StartsWith("PK\u0003\u0004"u8))
        {
            return OfficePackage(content.ToArray());
        }

        return null;
    }

    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private const long MaxContentTypesBytes = 256 * 1024;

    private static readonly (string MainContentType, string Type)[] MainParts =
    [
        ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml", Xlsx),
        ("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", Docx),
    ];

    // [Content_Types].xml must declare the main part of a workbook or a document, and that part must be in the zip.
    private static string? OfficePackage(byte[] content)
    {
        try
        {
            using var zip = new System.IO.Compression.ZipArchive(new MemoryStream(content, writable: false), System.IO.Compression.ZipArchiveMode.Read);
            var types = zip.GetEntry("[Content_Types].xml");
            if (types is null || types.Length > MaxContentTypesBytes)
            {
                return null;
            }

            var settings = new System.Xml.XmlReaderSettings
            {
                DtdProcessing = System.Xml.DtdProcessing.Prohibit,
                XmlResolver = null,
                MaxCharactersInDocument = MaxContentTypesBytes,
            };
            using var reader = System.Xml.XmlReader.Create(new LimitedReadStream(types.Open(), MaxContentTypesBytes, () => new InvalidDataException("part too large")), settings);
            while (reader.Read())
            {
                if (reader.NodeType != System.Xml.XmlNodeType.Element || reader.LocalName != "Override")
                {
                    continue;
                }

                var partName = reader.GetAttribute("PartName")?.TrimStart('/');
                var contentType = reader.GetAttribute("ContentType");
                foreach (var (main, type) in MainParts)
                {
                    if (string.Equals(contentType, main, StringComparison.OrdinalIgnoreCase) && partName is { Length: > 0 }
                        && zip.Entries.Any(e => string.Equals(e.FullName, Uri.UnescapeDataString(partName), StringComparison.OrdinalIgnoreCase)))
                    {
                        return type;
                    }
                }
            }

            return null;
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or System.Xml.XmlException or ArgumentException or NotSupportedException or UriFormatException)
        {
            return null;
        }
    }
}
