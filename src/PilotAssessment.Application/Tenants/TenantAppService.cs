using AutoMapper;
using AutoMapper.QueryableExtensions;
using PilotAssessment.Dtos;
using PilotAssessment.Identity;
using PilotAssessment.Permissions;
using PilotAssessment.Repositories;

namespace PilotAssessment.Tenants;

[RequiresPermission(PilotAssessmentPermissions.Tenants.Default)]
public sealed class TenantAppService(IRepository<Tenant> tenants, TenantManager tenantManager, TokenService tokenService, IMapper mapper) : ITenantAppService
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
        return mapper.Map<TenantDto>(tenant);
    }

    [RequiresPermission(PilotAssessmentPermissions.Tenants.Update)]
    public async Task<TenantDto> UpdateAsync(Guid id, UpdateTenantInput input)
    {
        var tenant = await tenants.GetAsync(id);
        tenant.ConcurrencyStamp = input.ConcurrencyStamp;
        tenant.Rename(input.DisplayName);
        await tenants.UpdateAsync(tenant);
        return mapper.Map<TenantDto>(tenant);
    }

    [RequiresPermission(PilotAssessmentPermissions.Tenants.ManageStatus)]
    public async Task<TenantDto> ActivateAsync(Guid id)
    {
        var tenant = await tenants.GetAsync(id);
        tenant.Activate();
        await tenants.UpdateAsync(tenant);
        return mapper.Map<TenantDto>(tenant);
    }

    [RequiresPermission(PilotAssessmentPermissions.Tenants.ManageStatus)]
    public async Task<TenantDto> DeactivateAsync(Guid id)
    {
        var tenant = await tenants.GetAsync(id);
        tenant.Deactivate();
        await tenants.UpdateAsync(tenant);
        await tokenService.RevokeTenantAsync(id);
        return mapper.Map<TenantDto>(tenant);
    }
}
