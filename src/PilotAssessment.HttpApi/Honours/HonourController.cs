using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using PilotAssessment.Permissions;

namespace PilotAssessment.Honours;

/// <summary>荣誉</summary>
/// <remarks>Honour rules per scheme series and the awards they made across years.</remarks>
[Route("api/app/honours")]
[Authorize(PilotAssessmentPermissions.Results.Default)]
public sealed class HonourController(IHonourAppService honours) : PilotAssessmentController
{
    /// <summary>列出可设荣誉的考评方案系列及其等次</summary>
    [HttpGet("series")]
    [Authorize(PilotAssessmentPermissions.Honours.Manage)]
    public Task<List<HonourSeriesDto>> GetSeriesAsync() => honours.GetSeriesAsync();

    /// <summary>列出荣誉规则</summary>
    [HttpGet("rules")]
    public Task<List<HonourRuleDto>> GetRulesAsync() => honours.GetRulesAsync();

    /// <summary>新建荣誉规则并按已确定的年度结果授予</summary>
    [HttpPost("rules")]
    [Authorize(PilotAssessmentPermissions.Honours.Manage)]
    public Task<HonourRuleDto> CreateRuleAsync(SaveHonourRuleInput input) => honours.CreateRuleAsync(input);

    /// <summary>修改荣誉规则并重新评定</summary>
    [HttpPut("rules/{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Honours.Manage)]
    public Task<HonourRuleDto> UpdateRuleAsync(Guid id, SaveHonourRuleInput input) => honours.UpdateRuleAsync(id, input);

    /// <summary>删除未授予过的荣誉规则</summary>
    [HttpDelete("rules/{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Honours.Manage)]
    public Task DeleteRuleAsync(Guid id) => honours.DeleteRuleAsync(id);

    /// <summary>列出荣誉授予（省级全部城市，城市仅本市）</summary>
    [HttpGet("awards")]
    public Task<List<HonourAwardDto>> GetAwardsAsync([FromQuery] GetHonourAwardsInput input) => honours.GetAwardsAsync(input);

    /// <summary>撤销一项荣誉授予</summary>
    [HttpPost("awards/{id:guid}/revoke")]
    [Authorize(PilotAssessmentPermissions.Honours.Manage)]
    public Task<HonourAwardDto> RevokeAsync(Guid id, RevokeHonourInput input) => honours.RevokeAsync(id, input);
}

/// <summary>城市概况</summary>
/// <remarks>A pilot city across years: results, honours and open problems.</remarks>
[Route("api/app/cities")]
[Authorize(PilotAssessmentPermissions.Results.Default)]
public sealed class CityProfileController(ICityProfileAppService profiles) : PilotAssessmentController
{
    /// <summary>读取城市概况（历年结果、荣誉、未销号问题）</summary>
    [HttpGet("{cityId:guid}/profile")]
    public Task<CityProfileDto> GetAsync(Guid cityId) => profiles.GetAsync(cityId);
}
