namespace PilotAssessment.Agreements;

/// <summary>An agreement as others read it: the printable Word document and the changes between two versions.</summary>
public interface IAgreementExportAppService : IApplicationService
{
    Task<AgreementDiffDto> GetDiffAsync(Guid id, Guid otherId);

    Task<FileContentDto> ExportDocxAsync(Guid id);
}
