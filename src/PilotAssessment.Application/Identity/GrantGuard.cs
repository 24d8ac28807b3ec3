using Microsoft.Extensions.Localization;
using PilotAssessment.Authorization;
using PilotAssessment.Localization;
using PilotAssessment.Users;

namespace PilotAssessment.Identity;

/// <summary>
/// Refuses granting what the granter does not hold: a role carrying a permission the signed-in user lacks, or
/// such a permission itself. A province user acting inside a city (with the ActInCity permission) administers
/// that city from above and is not limited to the permissions of the province side.
/// </summary>
public sealed class GrantGuard(
    IPermissionChecker permissionChecker,
    IPermissionDefinitionManager definitions,
    IRepository<PermissionGrant> grants,
    ICurrentUser currentUser,
    ICurrentTenant currentTenant,
    ICurrentPrincipalAccessor principalAccessor,
    IStringLocalizer<PilotAssessmentResource> localizer)
{
    private bool ActsFromAbove => currentUser.TenantId is null && currentTenant.Id is not null;

    private MultiTenancySides Side => currentTenant.Id is null ? MultiTenancySides.Host : MultiTenancySides.Tenant;

    public async Task EnsureRolesGrantableAsync(IEnumerable<string> roleNames)
    {
        var names = roleNames.Distinct().ToList();
        if (names.Count == 0 || ActsFromAbove)
        {
            return;
        }

        var held = await permissionChecker.GetGrantedAsync(principalAccessor.Principal);
        var roleGrants = await grants.ToListAsync(grants.Query().Where(g => names.Contains(g.RoleName)).Select(g => new { g.RoleName, g.Name }));
        foreach (var name in names)
        {
            if (roleGrants.Any(g => g.RoleName == name && IsEffective(g.Name) && !held.Contains(g.Name)))
            {
                var display = localizer["Role:" + name];
                throw new ForbiddenException(PilotAssessmentErrorCodes.RoleNotGrantable, display.ResourceNotFound ? name : display.Value);
            }
        }
    }

    public async Task EnsurePermissionsGrantableAsync(IEnumerable<string> permissionNames)
    {
        if (ActsFromAbove)
        {
            return;
        }

        var held = await permissionChecker.GetGrantedAsync(principalAccessor.Principal);
        foreach (var name in permissionNames.Distinct())
        {
            if (!held.Contains(name))
            {
                var definition = definitions.Find(name);
                throw new ForbiddenException(PilotAssessmentErrorCodes.PermissionNotHeld, definition is null ? name : localizer[definition.DisplayNameKey].Value);
            }
        }
    }

    private bool IsEffective(string permission) => definitions.Find(permission) is { } d && d.Sides.HasFlag(Side);
}
