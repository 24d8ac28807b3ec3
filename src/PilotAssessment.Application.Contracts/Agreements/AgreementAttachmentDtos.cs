namespace PilotAssessment.Agreements;

public sealed record AgreementAttachmentDto(Guid Id, Guid AgreementId, string Kind, string FileName, string ContentType, long Size, DateTime CreationTime);

public sealed record FileContentDto(byte[] Content, string ContentType, string FileName);
