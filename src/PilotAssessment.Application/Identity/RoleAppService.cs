using AutoMapper.QueryableExtensions;
using Microsoft.AspNetCore.Identity;
using PilotAssessment.Authorization;
using PilotAssessment.Dtos;

namespace PilotAssessment.Identity;

[RequiresPermission(PilotAssessmentPermissions.Roles.Default)]
public sealed class RoleAppService(
    ApplicationServiceContext context,
    RoleManager<AppRole> roleManager,
    IRepository<AppRole> roles,
    IRepository<PermissionGrant> grants,
    IPermissionDefinitionManager definitions,
    IUnitOfWork unitOfWork,
    GrantGuard grantGuard,
    PermissionGrantCache grantCache,
    IMapper mapper) : PilotAssessmentAppService(context), IRoleAppService
{
    private MultiTenancySides Side => IsHost ? MultiTenancySides.Host : MultiTenancySides.Tenant;

    public async Task<PagedResultDto<RoleDto>> GetListAsync()
    {
        var list = await roles.ToListAsync(roles.Query().OrderBy(r => r.Name).ProjectTo<RoleDto>(mapper.ConfigurationProvider));
        return new PagedResultDto<RoleDto>(list.Count, list.Select(Localized).ToList());
    }

    [RequiresPermission(PilotAssessmentPermissions.Roles.Create)]
    public async Task<RoleDto> CreateAsync(RoleInput input)
    {
        var role = new AppRole(CurrentTenant.Id, input.Name.Trim());
        (await roleManager.CreateAsync(role)).CheckErrors("name");
        return Localized(mapper.Map<RoleDto>(role));
    }

    [RequiresPermission(PilotAssessmentPermissions.Roles.Update)]
    public async Task<RoleDto> UpdateAsync(Guid id, RoleInput input)
    {
        var role = await roles.GetAsync(id);
        if (role.IsStatic && role.Name != input.Name.Trim())
        {
            throw new BusinessException(PilotAssessmentErrorCodes.StaticRoleCannotBeDeleted, role.Name);
        }

        var oldName = role.Name!;
        (await roleManager.SetRoleNameAsync(role, input.Name.Trim())).CheckErrors("name");
        (await roleManager.UpdateAsync(role)).CheckErrors("name");
        await ReplaceGrantsAsync(oldName, role.Name!, await GrantedNamesAsync(oldName));
        return Localized(mapper.Map<RoleDto>(role));
    }

    [RequiresPermission(PilotAssessmentPermissions.Roles.Delete)]
    public async Task DeleteAsync(Guid id)
    {
        var role = await roles.GetAsync(id);
        if (role.IsStatic)
        {
            throw new BusinessException(PilotAssessmentErrorCodes.StaticRoleCannotBeDeleted, role.Name);
        }

        await ReplaceGrantsAsync(role.Name!, role.Name!, []);
        (await roleManager.DeleteAsync(role)).CheckErrors();
    }

    public async Task<PermissionListDto> GetPermissionsAsync(Guid id)
    {
        var role = await roles.GetAsync(id);
        var granted = await GrantedNamesAsync(role.Name!);
        var groups = definitions.Groups
            .Select(g => new PermissionGroupDto(
                g.Name,
                L[g.DisplayNameKey],
                g.Permissions.SelectMany(Flatten)
                    .Where(p => p.Sides.HasFlag(Side))
                    .Select(p => new PermissionDto(p.Name, L[p.DisplayNameKey], p.Parent?.Name, granted.Contains(p.Name)))
                    .ToList()))
            .Where(g => g.Permissions.Count > 0)
            .ToList();
        return new PermissionListDto(groups);
    }

    [RequiresPermission(PilotAssessmentPermissions.Roles.ManagePermissions)]
    public async Task UpdatePermissionsAsync(Guid id, UpdatePermissionsInput input)
    {
        var role = await roles.GetAsync(id);
        foreach (var name in input.GrantedPermissions)
        {
            var definition = definitions.Find(name) ?? throw new BusinessException(PilotAssessmentErrorCodes.UnknownPermission, name);
            if (!definition.Sides.HasFlag(Side))
            {
                throw new BusinessException(PilotAssessmentErrorCodes.PermissionNotGrantableOnThisSide, L[definition.DisplayNameKey].Value);
            }
        }

        var existing = await GrantedNamesAsync(role.Name!);
        await grantGuard.EnsurePermissionsGrantableAsync(input.GrantedPermissions.Where(p => !existing.Contains(p)));
        await ReplaceGrantsAsync(role.Name!, role.Name!, input.GrantedPermissions.Distinct().ToList());
    }

    private async Task<HashSet<string>> GrantedNamesAsync(string roleName) =>
        (await grants.ToListAsync(grants.Query().Where(g => g.RoleName == roleName).Select(g => g.Name))).ToHashSet();

    private async Task ReplaceGrantsAsync(string oldRoleName, string newRoleName, IReadOnlyCollection<string> names)
    {
        foreach (var grant in await grants.ToListAsync(grants.Query().Where(g => g.RoleName == oldRoleName)))
        {
            await grants.DeleteAsync(grant, autoSave: false);
        }

        await unitOfWork.SaveChangesAsync();
        foreach (var name in names)
        {
            await grants.InsertAsync(new PermissionGrant(CurrentTenant.Id, newRoleName, name), autoSave: false);
        }

        await unitOfWork.SaveChangesAsync();
        await grantCache.EvictAsync(CurrentTenant.Id);
    }

    private static IEnumerable<PermissionDefinition> Flatten(PermissionDefinition p) => new[] { p }.Concat(p.Children.SelectMany(Flatten));

    /// <summary>A static role (the seeded ones) is shown by its localized name; a role the city made by the name it was given.</summary>
    private RoleDto Localized(RoleDto role) => role.IsStatic ? role with { DisplayName = L["Role:" + role.Name].Value } : role;
}
