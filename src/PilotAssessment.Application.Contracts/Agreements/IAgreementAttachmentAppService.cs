namespace PilotAssessment.Agreements;

/// <summary>An agreement's files: the signed scan and the evidence of key-task progress.</summary>
public interface IAgreementAttachmentAppService : IApplicationService
{
    Task<List<AgreementAttachmentDto>> GetAttachmentsAsync(Guid id);

    Task<AgreementAttachmentDto> UploadAttachmentAsync(Guid id, string fileName, Stream content, long length);

    Task<FileContentDto> DownloadAttachmentAsync(Guid id, Guid attachmentId);

    Task DeleteAttachmentAsync(Guid id, Guid attachmentId);
}
