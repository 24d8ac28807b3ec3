using PilotAssessment.Services;

namespace PilotAssessment.Honours;

/// <summary>Honour rules per scheme series and the awards they made (荣誉).</summary>
public interface IHonourAppService : IApplicationService
{
    /// <summary>The series a rule may belong to, with their grades.</summary>
    Task<List<HonourSeriesDto>> GetSeriesAsync();

    Task<List<HonourRuleDto>> GetRulesAsync();

    /// <summary>Creates the rule and awards it at once to every city that has earned it.</summary>
    Task<HonourRuleDto> CreateRuleAsync(SaveHonourRuleInput input);

    /// <summary>Changes the rule and re-evaluates it: awards no longer earned are revoked, new ones made.</summary>
    Task<HonourRuleDto> UpdateRuleAsync(Guid id, SaveHonourRuleInput input);

    /// <summary>Only a rule never awarded can be deleted.</summary>
    Task DeleteRuleAsync(Guid id);

    /// <summary>The province any city's awards; a city its own.</summary>
    Task<List<HonourAwardDto>> GetAwardsAsync(GetHonourAwardsInput input);

    Task<HonourAwardDto> RevokeAsync(Guid id, RevokeHonourInput input);
}

/// <summary>A pilot city's profile across years (本市概况).</summary>
public interface ICityProfileAppService : IApplicationService
{
    /// <summary>The province any city's; a city only its own (another city's is not found).</summary>
    Task<CityProfileDto> GetAsync(Guid cityId);
}
