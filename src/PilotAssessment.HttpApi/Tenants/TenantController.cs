using PilotAssessment.Dtos;

namespace PilotAssessment.Tenants;

/// <summary>试点城市</summary>
[Route("api/app/tenants")]
[Authorize(PilotAssessmentPermissions.Tenants.Default)]
public sealed class TenantController(ITenantAppService tenants) : PilotAssessmentController
{
    /// <summary>列出试点城市</summary>
    [HttpGet]
    public Task<PagedResultDto<TenantDto>> GetListAsync([FromQuery] PagedAndFilteredRequestDto input) => tenants.GetListAsync(input);

    /// <summary>读取一个试点城市</summary>
    [HttpGet("{id:guid}")]
    public Task<TenantDto> GetAsync(Guid id) => tenants.GetAsync(id);

    /// <summary>新建试点城市</summary>
    [HttpPost]
    [Authorize(PilotAssessmentPermissions.Tenants.Create)]
    public Task<TenantDto> CreateAsync(CreateTenantInput input) => tenants.CreateAsync(input);

    /// <summary>修改试点城市</summary>
    [HttpPut("{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Tenants.Update)]
    public Task<TenantDto> UpdateAsync(Guid id, UpdateTenantInput input) => tenants.UpdateAsync(id, input);

    /// <summary>启用试点城市</summary>
    [HttpPost("{id:guid}/activate")]
    [Authorize(PilotAssessmentPermissions.Tenants.ManageStatus)]
    public Task<TenantDto> ActivateAsync(Guid id) => tenants.ActivateAsync(id);

    /// <summary>停用试点城市</summary>
    [HttpPost("{id:guid}/deactivate")]
    [Authorize(PilotAssessmentPermissions.Tenants.ManageStatus)]
    public Task<TenantDto> DeactivateAsync(Guid id) => tenants.DeactivateAsync(id);
}
