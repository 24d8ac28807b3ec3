using AutoMapper.QueryableExtensions;
using PilotAssessment.Dtos;
using PilotAssessment.Identity;

namespace PilotAssessment.Tenants;

[RequiresPermission(PilotAssessmentPermissions.Tenants.Default)]
public sealed class TenantAppService(
    ApplicationServiceContext context,
    IRepository<Tenant> tenants,
    TenantManager tenantManager,
    TokenService tokenService,
    TenantStateCache tenantStates,
    IMapper mapper) : PilotAssessmentAppService(context), ITenantAppService
{
    public async Task<PagedResultDto<TenantDto>> GetListAsync(PagedAndFilteredRequestDto input)
    {
        var query = tenants.Query();
        if (!string.IsNullOrWhiteSpace(input.Filter))
        {
            query = query.Where(t => t.Name.Contains(input.Filter) || t.DisplayName.Contains(input.Filter));
        }

        var total = await tenants.CountAsync(query);
        var items = await tenants.ToListAsync(query.OrderBy(t => t.CreationTime).Skip(input.SkipCount).Take(input.MaxResultCount)
            .ProjectTo<TenantDto>(mapper.ConfigurationProvider));
        return new PagedResultDto<TenantDto>(total, items);
    }

    public async Task<TenantDto> GetAsync(Guid id) => mapper.Map<TenantDto>(await tenants.GetAsync(id));

    [RequiresPermission(PilotAssessmentPermissions.Tenants.Create)]
    public async Task<TenantDto> CreateAsync(CreateTenantInput input)
    {
        var tenant = await tenantManager.CreateAsync(input.Name, input.DisplayName, input.AdminUserName, input.AdminPassword);
        await tenantStates.EvictAsync(tenant.Id);
        return mapper.Map<TenantDto>(tenant);
    }

    [RequiresPermission(PilotAssessmentPermissions.Tenants.Update)]
    public Task<TenantDto> UpdateAsync(Guid id, UpdateTenantInput input) => ChangeAsync(id, tenant =>
    {
        tenant.ConcurrencyStamp = input.ConcurrencyStamp;
        tenant.Rename(input.DisplayName);
    });

    [RequiresPermission(PilotAssessmentPermissions.Tenants.ManageStatus)]
    public Task<TenantDto> ActivateAsync(Guid id) => ChangeAsync(id, tenant => tenant.Activate());

    /// <summary>A deactivated city's sessions end at once: its refresh tokens are revoked with the change.</summary>
    [RequiresPermission(PilotAssessmentPermissions.Tenants.ManageStatus)]
    public async Task<TenantDto> DeactivateAsync(Guid id)
    {
        var tenant = await ChangeAsync(id, tenant => tenant.Deactivate());
        await tokenService.RevokeTenantAsync(id);
        return tenant;
    }

    /// <summary>Loads the city, applies one change of the domain to it and returns it as it is now.</summary>
    private async Task<TenantDto> ChangeAsync(Guid id, Action<Tenant> change)
    {
        var tenant = await tenants.GetAsync(id);
        change(tenant);
        await tenants.UpdateAsync(tenant);
        await tenantStates.EvictAsync(id);
        return mapper.Map<TenantDto>(tenant);
    }
}
