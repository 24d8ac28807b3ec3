using PilotAssessment.Files;
using PilotAssessment.Schemes;

namespace PilotAssessment.DataEntry;

/// <summary>Evidence files of a city's lines (佐证材料): checked by their content, within the city's quota.</summary>
[RequiresPermission(PilotAssessmentPermissions.DataEntry.Default)]
public sealed class EvidenceAppService(
    ApplicationServiceContext context,
    IRepository<EvidenceFile> evidence,
    EvidenceQuota quota,
    EntryEditGuard guard) : PilotAssessmentAppService(context), IEvidenceAppService
{
    public async Task<EvidenceDto> UploadEvidenceAsync(Guid lineId, string fileName, Stream content, long length)
    {
        var (line, _) = await guard.EditableLineAsync(lineId);
        var bytes = await UploadedFile.ReadWithinAsync(content, length, DataEntryConsts.MaxEvidenceBytes, TooLarge);
        if (bytes.Length == 0)
        {
            throw new BusinessException(DataEntryErrorCodes.EvidenceEmpty).WithError("file", DataEntryErrorCodes.EvidenceEmpty);
        }

        var contentType = FileSignature.Detect(bytes, fileName)
            ?? throw new BusinessException(DataEntryErrorCodes.EvidenceType).WithError("file", DataEntryErrorCodes.EvidenceType);
        await quota.EnsureRoomAsync(bytes.Length);
        var name = Path.GetFileName(fileName);
        if (string.IsNullOrWhiteSpace(name) || name.Length > DataEntryConsts.MaxFileNameLength)
        {
            name = "evidence" + contentType switch
            {
                "application/pdf" => ".pdf",
                "image/png" => ".png",
                "image/jpeg" => ".jpg",
                _ => string.Empty,
            };
        }

        var file = new EvidenceFile(SequentialGuid.Next(), line.Id, name, contentType, bytes);
        await evidence.InsertAsync(file);
        return new EvidenceDto { Id = file.Id, EntryLineId = line.Id, FileName = file.FileName, ContentType = file.ContentType, Size = file.Size, CreationTime = file.CreationTime };
    }

    public async Task<FileDto> DownloadEvidenceAsync(Guid evidenceId)
    {
        var file = await evidence.GetAsync(evidenceId);
        _ = await guard.AccessibleLineAsync(file.EntryLineId, evidenceId);
        return new FileDto(file.FileName, file.ContentType, file.Content);
    }

    public async Task DeleteEvidenceAsync(Guid evidenceId)
    {
        var file = await evidence.GetAsync(evidenceId);
        _ = await guard.EditableLineAsync(file.EntryLineId, evidenceId);
        await evidence.DeleteAsync(file);
    }

    private static BusinessException TooLarge() =>
        new BusinessException(DataEntryErrorCodes.EvidenceTooLarge, DataEntryConsts.MaxEvidenceBytes / 1024 / 1024)
            .WithError("file", DataEntryErrorCodes.EvidenceTooLarge, DataEntryConsts.MaxEvidenceBytes / 1024 / 1024);
}
