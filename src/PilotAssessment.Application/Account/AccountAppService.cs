using System.Globalization;
using Microsoft.AspNetCore.Identity;
using PilotAssessment.Data;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Identity;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Repositories;
using PilotAssessment.Tenants;
using PilotAssessment.Users;

namespace PilotAssessment.Account;

public sealed class AccountAppService(
    UserManager<AppUser> userManager,
    IRepository<Tenant> tenants,
    IRepository<RefreshToken> refreshTokens,
    TokenService tokenService,
    ICurrentTenant currentTenant,
    ICurrentUser currentUser,
    IDataFilter dataFilter,
    TimeProvider clock) : IAccountAppService
{
    public async Task<TokenResultDto> LoginAsync(LoginInput input)
    {
        var tenant = await FindActiveTenantAsync(input.Tenant);
        using var _ = currentTenant.Change(tenant?.Id, tenant?.Name);

        var user = await userManager.FindByNameAsync(input.UserName.Trim())
            ?? throw new BusinessException(PilotAssessmentErrorCodes.InvalidCredentials);

        if (await userManager.IsLockedOutAsync(user))
        {
            throw LockedOut(user);
        }

        if (!await userManager.CheckPasswordAsync(user, input.Password))
        {
            await userManager.AccessFailedAsync(user);
            throw await userManager.IsLockedOutAsync(user)
                ? LockedOut(user)
                : new BusinessException(PilotAssessmentErrorCodes.InvalidCredentials);
        }

        if (!user.IsActive)
        {
            throw new BusinessException(PilotAssessmentErrorCodes.UserInactive);
        }

        await userManager.ResetAccessFailedCountAsync(user);
        return await tokenService.IssueAsync(user, await userManager.GetRolesAsync(user), tenant?.Name);
    }

    public async Task<TokenResultDto> RefreshAsync(RefreshTokenInput input)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var stored = await FindRefreshTokenAsync(input.RefreshToken);
        if (stored is null || !stored.IsUsable(now))
        {
            throw new AuthenticationFailedException(PilotAssessmentErrorCodes.InvalidRefreshToken);
        }

        Tenant? tenant = null;
        if (stored.TenantId is not null)
        {
            tenant = await tenants.FindAsync(stored.TenantId.Value);
            if (tenant is not { IsActive: true })
            {
                throw new AuthenticationFailedException(PilotAssessmentErrorCodes.InvalidRefreshToken);
            }
        }

        using var _ = currentTenant.Change(stored.TenantId, tenant?.Name);
        var user = await userManager.FindByIdAsync(stored.UserId.ToString());
        if (user is not { IsActive: true } || await userManager.IsLockedOutAsync(user))
        {
            throw new AuthenticationFailedException(PilotAssessmentErrorCodes.InvalidRefreshToken);
        }

        stored.Revoke(now);
        await refreshTokens.UpdateAsync(stored);
        return await tokenService.IssueAsync(user, await userManager.GetRolesAsync(user), tenant?.Name);
    }

    public async Task LogoutAsync(RefreshTokenInput input)
    {
        var stored = await FindRefreshTokenAsync(input.RefreshToken);
        if (stored is null)
        {
            return;
        }

        using var _ = currentTenant.Change(stored.TenantId);
        stored.Revoke(clock.GetUtcNow().UtcDateTime);
        await refreshTokens.UpdateAsync(stored);
    }

    public async Task ChangePasswordAsync(ChangePasswordInput input)
    {
        using var _ = currentTenant.Change(currentUser.TenantId);
        var user = await userManager.FindByIdAsync(currentUser.Id!.Value.ToString())
            ?? throw new EntityNotFoundException(typeof(AppUser), currentUser.Id);
        var result = await userManager.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword);
        if (!result.Succeeded && result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            throw new BusinessException(PilotAssessmentErrorCodes.IdentityError, result.Errors.First().Description)
                .WithError("currentPassword", result.Errors.First().Description);
        }

        result.CheckErrors("newPassword");
    }

    public async Task<IReadOnlyList<TenantLookupDto>> GetActiveTenantsAsync()
    {
        var list = await tenants.ToListAsync(tenants.Query().Where(t => t.IsActive).OrderBy(t => t.CreationTime));
        return list.Select(t => new TenantLookupDto(t.Id, t.Name, t.DisplayName, t.IsActive)).ToList();
    }

    private async Task<Tenant?> FindActiveTenantAsync(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var normalized = Tenant.Normalize(name);
        var tenant = (await tenants.ToListAsync(tenants.Query().Where(t => t.NormalizedName == normalized))).FirstOrDefault()
            ?? throw new BusinessException(PilotAssessmentErrorCodes.TenantNotFound, name.Trim()).WithError("tenant", name.Trim());
        return tenant.IsActive ? tenant : throw new BusinessException(PilotAssessmentErrorCodes.TenantInactive, tenant.Name);
    }

    private async Task<RefreshToken?> FindRefreshTokenAsync(string token)
    {
        var hash = TokenService.Hash(token);
        // A refresh request carries no tenant yet: the token itself says whose it is.
        using var _ = dataFilter.Disable<IMultiTenant>();
        return (await refreshTokens.ToListAsync(refreshTokens.Query().Where(t => t.TokenHash == hash))).FirstOrDefault();
    }

    private static BusinessException LockedOut(AppUser user)
    {
        var until = user.LockoutEnd?.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) ?? "";
        return new BusinessException(PilotAssessmentErrorCodes.UserLockedOut, until);
    }
}
