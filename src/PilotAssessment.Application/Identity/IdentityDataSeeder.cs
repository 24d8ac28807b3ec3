using Microsoft.AspNetCore.Identity;
using PilotAssessment.Authorization;

namespace PilotAssessment.Identity;

/// <summary>
/// Creates the built-in roles of one side with their permissions and the side's administrator. Idempotent:
/// existing roles, grants and users are left as they are, missing ones are added.
/// </summary>
public sealed class IdentityDataSeeder(
    UserManager<AppUser> userManager,
    RoleManager<AppRole> roleManager,
    IRepository<PermissionGrant> grants,
    IUnitOfWork unitOfWork,
    IPermissionDefinitionManager definitions,
    PermissionGrantCache grantCache,
    ICurrentTenant currentTenant)
{
    /// <param name="adminPassword">The administrator's password; null leaves a missing administrator out.</param>
    /// <param name="demoPassword">The documented demo password: set as it is, without the password policy.</param>
    /// <param name="mustChangePassword">A new administrator must change the password at first sign-in.</param>
    public async Task SeedAsync(Guid? tenantId, string adminUserName, string? adminPassword, IEnumerable<(string UserName, string Name, string Role)>? demoUsers = null,
        bool demoPassword = false, bool mustChangePassword = false)
    {
        using var _ = currentTenant.Change(tenantId);
        var roleNames = tenantId is null ? RoleNames.Host : RoleNames.Tenant;
        foreach (var roleName in roleNames)
        {
            await EnsureRoleAsync(tenantId, roleName);
        }

        var adminRole = tenantId is null ? RoleNames.Admin : RoleNames.CityAdmin;
        if (adminPassword is null)
        {
            return;
        }

        await EnsureUserAsync(tenantId, adminUserName, tenantId is null ? "平台管理员" : "市级管理员", adminPassword, adminRole, demoPassword, mustChangePassword);
        foreach (var (userName, name, role) in demoUsers ?? [])
        {
            await EnsureUserAsync(tenantId, userName, name, adminPassword, role, demoPassword, mustChangePassword: false);
        }
    }

    /// <summary>Whether the side already has a user named so.</summary>
    public async Task<bool> UserExistsAsync(Guid? tenantId, string userName)
    {
        using var _ = currentTenant.Change(tenantId);
        return await userManager.FindByNameAsync(userName) is not null;
    }

    private async Task EnsureRoleAsync(Guid? tenantId, string roleName)
    {
        if (await roleManager.FindByNameAsync(roleName) is null)
        {
            (await roleManager.CreateAsync(new AppRole(tenantId, roleName, isStatic: true))).CheckErrors();
        }

        var existing = (await grants.ToListAsync(grants.Query().Where(g => g.RoleName == roleName).Select(g => g.Name))).ToHashSet();
        foreach (var permission in RolePermissionDefaults.For(roleName, definitions).Where(p => !existing.Contains(p)))
        {
            await grants.InsertAsync(new PermissionGrant(tenantId, roleName, permission), autoSave: false);
        }

        await unitOfWork.SaveChangesAsync();
        await grantCache.EvictAsync(tenantId);
    }

    private async Task EnsureUserAsync(Guid? tenantId, string userName, string name, string password, string role, bool demoPassword, bool mustChangePassword)
    {
        if (await userManager.FindByNameAsync(userName) is not null)
        {
            return;
        }

        var user = new AppUser(tenantId, userName) { Name = name, EmailConfirmed = true, MustChangePassword = mustChangePassword };
        if (demoPassword)
        {
            // The demo's documented password is shorter than the policy allows: only demo data may have it.
            user.PasswordHash = userManager.PasswordHasher.HashPassword(user, password);
            (await userManager.CreateAsync(user)).CheckErrors();
        }
        else
        {
            (await userManager.CreateAsync(user, password)).CheckErrors("password");
        }

        (await userManager.AddToRoleAsync(user, role)).CheckErrors();
    }
}
