using PilotAssessment.Dtos;

namespace PilotAssessment.Agreements;

/// <summary>An agreement's life cycle: drafts by the province, issue, signing by the city, in force, amendments, close.</summary>
public interface IAgreementAppService : IApplicationService
{
    Task<PagedResultDto<AgreementDto>> GetListAsync(GetAgreementsInput input);

    Task<AgreementDto> GetAsync(Guid id);

    Task<AgreementDto> CreateAsync(CreateAgreementInput input);

    Task<AgreementDto> UpdateAsync(Guid id, UpdateAgreementInput input);

    Task DeleteAsync(Guid id);

    Task<AgreementDto> IssueAsync(Guid id);

    Task<AgreementDto> SignAsync(Guid id, SignAgreementInput input);

    Task<AgreementDto> PutInForceAsync(Guid id);

    Task<AgreementDto> CloseAsync(Guid id);

    Task<AgreementDto> AmendAsync(Guid id);

    Task<List<AgreementVersionDto>> GetVersionsAsync(Guid id);
}
