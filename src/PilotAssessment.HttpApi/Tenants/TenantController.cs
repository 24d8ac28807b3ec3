using PilotAssessment.Dtos;

namespace PilotAssessment.Tenants;

[Route("api/app/tenants")]
[Authorize(PilotAssessmentPermissions.Tenants.Default)]
public sealed class TenantController(ITenantAppService tenants) : PilotAssessmentController
{
    [HttpGet]
    public Task<PagedResultDto<TenantDto>> GetListAsync([FromQuery] PagedAndFilteredRequestDto input) => tenants.GetListAsync(input);

    [HttpGet("{id:guid}")]
    public Task<TenantDto> GetAsync(Guid id) => tenants.GetAsync(id);

    [HttpPost]
    [Authorize(PilotAssessmentPermissions.Tenants.Create)]
    public Task<TenantDto> CreateAsync(CreateTenantInput input) => tenants.CreateAsync(input);

    [HttpPut("{id:guid}")]
    [Authorize(PilotAssessmentPermissions.Tenants.Update)]
    public Task<TenantDto> UpdateAsync(Guid id, UpdateTenantInput input) => tenants.UpdateAsync(id, input);

    [HttpPost("{id:guid}/activate")]
    [Authorize(PilotAssessmentPermissions.Tenants.ManageStatus)]
    public Task<TenantDto> ActivateAsync(Guid id) => tenants.ActivateAsync(id);

    [HttpPost("{id:guid}/deactivate")]
    [Authorize(PilotAssessmentPermissions.Tenants.ManageStatus)]
    public Task<TenantDto> DeactivateAsync(Guid id) => tenants.DeactivateAsync(id);
}
