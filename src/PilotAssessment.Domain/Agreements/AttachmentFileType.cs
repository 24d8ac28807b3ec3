using PilotAssessment.ExceptionHandling;

namespace PilotAssessment.Agreements;

/// <summary>Accepts PDF, PNG and JPEG only, judged by the file's first bytes, never by its name.</summary>
public static class AttachmentFileType
{
    private static readonly (string ContentType, byte[] Magic)[] Allowed =
    [
        ("application/pdf", "%PDF-"u8.ToArray()),
        ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        ("image/jpeg", [0xFF, 0xD8, 0xFF]),
    ];

    /// <returns>The content type detected from the bytes.</returns>
    /// <exception cref="BusinessException">Empty, larger than 10 MB, or not a PDF/PNG/JPEG.</exception>
    public static string Validate(ReadOnlySpan<byte> bytes, long length)
    {
        if (length == 0)
        {
            throw new BusinessException(AgreementErrorCodes.FileEmpty);
        }

        if (length > AgreementConsts.MaxAttachmentBytes)
        {
            throw new BusinessException(AgreementErrorCodes.FileTooLarge, AgreementConsts.MaxAttachmentBytes / 1024 / 1024);
        }

        foreach (var (contentType, magic) in Allowed)
        {
            if (bytes.StartsWith(magic))
            {
                return contentType;
            }
        }

        throw new BusinessException(AgreementErrorCodes.FileTypeNotAllowed);
    }
}
