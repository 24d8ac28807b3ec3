namespace PilotAssessment.Agreements;

/// <summary>Key tasks at work: the city's cascade to its units, progress reports, the province's matrix.</summary>
public interface IKeyTaskProgressAppService : IApplicationService
{
    Task<AgreementDto> AssignUnitsAsync(Guid id, AssignUnitsInput input);

    Task<KeyTaskProgressDto> ReportProgressAsync(Guid id, string taskCode, ReportProgressInput input, string? fileName, Stream? content, long length);

    Task<List<KeyTaskProgressDto>> GetProgressAsync(Guid id, string taskCode);

    Task<KeyTaskMatrixDto> GetKeyTaskMatrixAsync(int year);
}
