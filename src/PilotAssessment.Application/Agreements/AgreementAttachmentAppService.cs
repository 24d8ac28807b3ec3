using PilotAssessment.Files;

namespace PilotAssessment.Agreements;

/// <summary>
/// An agreement's files: the city's signed scan, and the evidence of key-task progress (kept with the unit of the task).
/// </summary>
[RequiresPermission(PilotAssessmentPermissions.Agreements.Default)]
internal sealed class AgreementAttachmentAppService(
    ApplicationServiceContext context,
    AgreementReader reader,
    IRepository<AgreementAttachment> attachments,
    IRepository<AgreementAttachmentContent> attachmentContents,
    IRepository<KeyTaskProgress> progress,
    IUnitOfWork unitOfWork,
    IMapper mapper) : PilotAssessmentAppService(context), IAgreementAttachmentAppService
{
    public async Task<List<AgreementAttachmentDto>> GetAttachmentsAsync(Guid id)
    {
        var agreement = await reader.GetVisibleAsync(id);
        return mapper.Map<List<AgreementAttachmentDto>>((await VisibleAttachmentsAsync(agreement)).OrderBy(a => a.CreationTime));
    }

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Sign)]
    public async Task<AgreementAttachmentDto> UploadAttachmentAsync(Guid id, string fileName, Stream content, long length)
    {
        var agreement = await reader.GetVisibleAsync(id);
        agreement.EnsureScanCanBeAttached();
        var (attachment, bytes) = AgreementAttachment.Create(SequentialGuid.Next(), agreement.Id, AgreementAttachmentKind.SignedScan, fileName, await UploadedFile.ReadAtMostAsync(content, AgreementConsts.MaxAttachmentBytes), length);
        using (reader.InCityOf(agreement))
        {
            // The file's row and its bytes in one save.
            await attachments.InsertAsync(attachment, autoSave: false);
            await attachmentContents.InsertAsync(bytes, autoSave: false);
            await unitOfWork.SaveChangesAsync();
        }

        return mapper.Map<AgreementAttachmentDto>(attachment);
    }

    public async Task<FileContentDto> DownloadAttachmentAsync(Guid id, Guid attachmentId)
    {
        var (agreement, attachment) = await GetVisibleAttachmentAsync(id, attachmentId);
        using (reader.InCityOf(agreement))
        {
            var bytes = await attachmentContents.GetAsync(attachment.Id);
            return new FileContentDto(bytes.Bytes, attachment.ContentType, attachment.FileName);
        }
    }

    [RequiresPermission(PilotAssessmentPermissions.Agreements.Sign)]
    public async Task DeleteAttachmentAsync(Guid id, Guid attachmentId)
    {
        var (agreement, attachment) = await GetVisibleAttachmentAsync(id, attachmentId);
        agreement.EnsureAttachmentsCanBeRemoved();
        using (reader.InCityOf(agreement))
        {
            if (await attachmentContents.FindAsync(attachment.Id) is { } bytes)
            {
                await attachmentContents.DeleteAsync(bytes, autoSave: false);
            }

            await attachments.DeleteAsync(attachment, autoSave: false);
            await unitOfWork.SaveChangesAsync();
        }
    }

    /// <summary>Every file for the whole city; a unit's user sees the signed scans and the evidence of the unit's own tasks.</summary>
    private async Task<List<AgreementAttachment>> VisibleAttachmentsAsync(Agreement agreement)
    {
        using (reader.InCityOf(agreement))
        {
            var found = await attachments.ToListAsync(attachments.Query().Where(a => a.AgreementId == agreement.Id));
            var scope = await reader.UnitScopeAsync(agreement);
            if (scope is null)
            {
                return found;
            }

            // Evidence of another unit's task stays with that unit.
            var visibleTasks = agreement.Content.KeyTasks.Where(t => t.AssignedUnitId is { } u && scope.Contains(u)).Select(t => t.Code).ToList();
            var evidence = (await progress.ToListAsync(progress.Query()
                .Where(p => p.SeriesId == agreement.SeriesId && p.EvidenceAttachmentId != null && visibleTasks.Contains(p.TaskCode))
                .Select(p => p.EvidenceAttachmentId!.Value))).ToHashSet();
            return found.Where(a => a.Kind == AgreementAttachmentKind.SignedScan || evidence.Contains(a.Id)).ToList();
        }
    }

    private async Task<(Agreement Agreement, AgreementAttachment Attachment)> GetVisibleAttachmentAsync(Guid id, Guid attachmentId)
    {
        var agreement = await reader.GetVisibleAsync(id);
        var attachment = (await VisibleAttachmentsAsync(agreement)).FirstOrDefault(a => a.Id == attachmentId)
            ?? throw new EntityNotFoundException(typeof(AgreementAttachment), attachmentId);
        return (agreement, attachment);
    }
}
