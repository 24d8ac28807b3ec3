namespace PilotAssessment.DataEntry;

/// <summary>Files proving a line (佐证材料): upload, download, delete.</summary>
public interface IEvidenceAppService : IApplicationService
{
    Task<EvidenceDto> UploadEvidenceAsync(Guid lineId, string fileName, Stream content, long length);

    Task<Schemes.FileDto> DownloadEvidenceAsync(Guid evidenceId);

    Task DeleteEvidenceAsync(Guid evidenceId);
}
