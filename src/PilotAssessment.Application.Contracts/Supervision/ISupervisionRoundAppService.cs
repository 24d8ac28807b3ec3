using PilotAssessment.Services;

namespace PilotAssessment.Supervision;

/// <summary>The province's supervision rounds (督导轮次).</summary>
public interface ISupervisionRoundAppService : IApplicationService
{
    Task<List<SupervisionRoundDto>> GetListAsync();

    Task<SupervisionRoundDto> GetAsync(Guid id);

    /// <summary>The active users of the province, who may be members of a group.</summary>
    Task<List<RoundMemberDto>> GetMemberCandidatesAsync();

    /// <summary>The open units of a pilot city, which a round may visit there.</summary>
    Task<List<RoundUnitDto>> GetUnitCandidatesAsync(Guid cityId);

    Task<SupervisionRoundDto> CreateAsync(SaveRoundInput input);

    Task<SupervisionRoundDto> UpdateAsync(Guid id, SaveRoundInput input);

    /// <summary>Only a round without problems can be deleted.</summary>
    Task DeleteAsync(Guid id);
}
