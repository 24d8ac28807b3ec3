using PilotAssessment.Files;

namespace PilotAssessment.Agreements;

/// <summary>Accepts PDF, PNG and JPEG only, judged by the file's first bytes, never by its name.</summary>
public static class AttachmentFileType
{
    private static readonly string[] Allowed = [FileSignature.Pdf, FileSignature.Png, FileSignature.Jpeg];

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

        return FileSignature.Detect(bytes, string.Empty) is { } contentType && Allowed.Contains(contentType)
            ? contentType
            : throw new BusinessException(AgreementErrorCodes.FileTypeNotAllowed);
    }
}
