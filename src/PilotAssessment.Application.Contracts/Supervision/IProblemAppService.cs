using PilotAssessment.Dtos;
using PilotAssessment.Schemes;
using PilotAssessment.Services;

namespace PilotAssessment.Supervision;

/// <summary>
/// The register of assigned problems and their rectification: the province raises and verifies, the city hands them to
/// its units, a unit reports the rectification. A city sees only its own; a unit's member only the unit's.
/// </summary>
public interface IProblemAppService : IApplicationService
{
    Task<PagedResultDto<ProblemDto>> GetListAsync(GetProblemsInput input);

    Task<ProblemDetailDto> GetAsync(Guid id);

    Task<ProblemMatrixDto> GetMatrixAsync();

    Task<FileDto> ExportXlsxAsync(GetProblemsInput input);

    Task<ProblemDto> CreateAsync(CreateProblemInput input);

    Task<ProblemDto> RaiseFromWarningAsync(RaiseFromWarningInput input);

    Task<ProblemDto> HandToUnitAsync(Guid id, HandToUnitInput input);

    Task<ProblemEvidenceDto> UploadEvidenceAsync(Guid id, string? fileName, Stream content, long length);

    Task<FileDto> DownloadEvidenceAsync(Guid id, Guid evidenceId);

    Task<ProblemDto> ReportRectificationAsync(Guid id, ReportRectificationInput input);

    Task<ProblemDto> CloseAsync(Guid id, CloseProblemInput input);

    Task<ProblemDto> RejectAsync(Guid id, RejectRectificationInput input);
}
