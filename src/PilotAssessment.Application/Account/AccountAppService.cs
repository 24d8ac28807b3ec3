using AutoMapper.QueryableExtensions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using PilotAssessment.Data;
using PilotAssessment.Identity;
using PilotAssessment.Tenants;
using PilotAssessment.Users;

namespace PilotAssessment.Account;

[AllowAnonymousCall]
public sealed class AccountAppService(
    ApplicationServiceContext context,
    UserManager<AppUser> userManager,
    IRepository<Tenant> tenants,
    IRepository<AppUser> users,
    IRepository<RefreshToken> refreshTokens,
    TokenService tokenService,
    IMemoryCache cache,
    IOptions<IdentityOptions> identityOptions,
    IMapper mapper) : PilotAssessmentAppService(context), IAccountAppService
{
    // Verified against a wrong password for an unknown user name, so that it costs as much as a known one.
    private static readonly Lazy<string> DummyPasswordHash = new(() =>
        new PasswordHasher<AppUser>().HashPassword(new AppUser(), Guid.NewGuid().ToString("N")));

    // A failed attempt is counted (and the user locked out) although the call then fails: no transaction.
    [UnitOfWork(IsTransactional = false)]
    public async Task<TokenResultDto> LoginAsync(LoginInput input)
    {
        var tenant = await FindActiveTenantAsync(input.Tenant);
        using var _ = CurrentTenant.Change(tenant?.Id, tenant?.Name);

        var user = await userManager.FindByNameAsync(input.UserName.Trim());
        if (user is null)
        {
            // An unknown user name answers like a known one: wrong credentials, then the same lockout, in the same order.
            // A name of the other side (province / city) says which side to use, whatever the password: the answer never
            // tells whether the password was right there.
            var failure = FailUnknownUser(tenant?.Id, input);
            throw failure.Code == PilotAssessmentErrorCodes.UserLockedOut ? failure : await WrongSideAsync(tenant, input.UserName) ?? failure;
        }

        if (await userManager.IsLockedOutAsync(user))
        {
            throw LockedOut();
        }

        if (!await userManager.CheckPasswordAsync(user, input.Password))
        {
            await userManager.AccessFailedAsync(user);
            throw await userManager.IsLockedOutAsync(user)
                ? LockedOut()
                : new BusinessException(PilotAssessmentErrorCodes.InvalidCredentials);
        }

        if (!user.IsActive)
        {
            throw new BusinessException(PilotAssessmentErrorCodes.UserInactive);
        }

        await userManager.ResetAccessFailedCountAsync(user);
        return await tokenService.IssueAsync(user, await userManager.GetRolesAsync(user), tenant?.Name);
    }

    // A reused token's whole sign-in is revoked although the call then fails: no transaction.
    [UnitOfWork(IsTransactional = false)]
    public async Task<TokenResultDto> RefreshAsync(RefreshTokenInput input)
    {
        var now = Now;
        var stored = await FindRefreshTokenAsync(input.RefreshToken);
        if (stored is null)
        {
            throw new AuthenticationFailedException(PilotAssessmentErrorCodes.InvalidRefreshToken);
        }

        if (!stored.IsUsable(now))
        {
            if (stored.RevokedAt is not null)
            {
                // A rotated or revoked token presented again may have been stolen: end that whole sign-in.
                await tokenService.RevokeFamilyAsync(stored.FamilyId);
            }

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

        using var _ = CurrentTenant.Change(stored.TenantId, tenant?.Name);
        var user = await userManager.FindByIdAsync(stored.UserId.ToString());
        if (user is not { IsActive: true } || await userManager.IsLockedOutAsync(user))
        {
            throw new AuthenticationFailedException(PilotAssessmentErrorCodes.InvalidRefreshToken);
        }

        stored.Revoke(now);
        try
        {
            await refreshTokens.UpdateAsync(stored, autoSave: true);
        }
        catch (ConcurrencyConflictException)
        {
            // Another request rotated the same token first.
            throw new AuthenticationFailedException(PilotAssessmentErrorCodes.InvalidRefreshToken);
        }

        return await tokenService.IssueAsync(user, await userManager.GetRolesAsync(user), tenant?.Name, stored.FamilyId);
    }

    public async Task LogoutAsync(RefreshTokenInput input)
    {
        var stored = await FindRefreshTokenAsync(input.RefreshToken);
        if (stored is null)
        {
            return;
        }

        using var _ = CurrentTenant.Change(stored.TenantId);
        stored.Revoke(Now);
        await refreshTokens.UpdateAsync(stored);
    }

    [RequiresSignIn]
    public async Task<TokenResultDto> ChangePasswordAsync(ChangePasswordInput input)
    {
        using var _ = CurrentTenant.Change(CurrentUser.TenantId);
        var user = await userManager.FindByIdAsync(CurrentUser.Id!.Value.ToString())
            ?? throw new EntityNotFoundException(typeof(AppUser), CurrentUser.Id);
        var result = await userManager.ChangePasswordAsync(user, input.CurrentPassword, input.NewPassword);
        if (!result.Succeeded && result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            throw new BusinessException(PilotAssessmentErrorCodes.IdentityError, result.Errors.First().Description)
                .WithError("currentPassword", result.Errors.First().Description);
        }

        result.CheckErrors("newPassword");

        // The new security stamp ends every other session; this one goes on with fresh tokens.
        if (user.MustChangePassword)
        {
            user.MustChangePassword = false;
            (await userManager.UpdateAsync(user)).CheckErrors();
        }

        await tokenService.RevokeUserAsync(user.Id);
        return await tokenService.IssueAsync(user, await userManager.GetRolesAsync(user), CurrentTenant.Name);
    }

    public async Task<IReadOnlyList<TenantLookupDto>> GetActiveTenantsAsync() =>
        await tenants.ToListAsync(tenants.Query().Where(t => t.IsActive).OrderBy(t => t.CreationTime).ProjectTo<TenantLookupDto>(mapper.ConfigurationProvider));

    private async Task<Tenant?> FindActiveTenantAsync(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var normalized = Tenant.Normalize(name);
        var tenant = await tenants.FirstOrDefaultAsync(tenants.Query().Where(t => t.NormalizedName == normalized))
            ?? throw new BusinessException(PilotAssessmentErrorCodes.TenantNotFound, name.Trim()).WithError("tenant", name.Trim());
        return tenant.IsActive ? tenant : throw new BusinessException(PilotAssessmentErrorCodes.TenantInactive, tenant.Name);
    }

    private async Task<RefreshToken?> FindRefreshTokenAsync(string token)
    {
        var hash = TokenService.Hash(token);
        // A refresh request carries no tenant yet: the token itself says whose it is.
        using var _ = ReadAcrossCities();
        return await refreshTokens.FirstOrDefaultAsync(refreshTokens.Query().Where(t => t.TokenHash == hash));
    }

    private BusinessException FailUnknownUser(Guid? tenantId, LoginInput input)
    {
        var lockout = identityOptions.Value.Lockout;
        var key = $"sign-in-unknown:{tenantId}:{userManager.NormalizeName(input.UserName.Trim())}";
        var now = Clock.GetUtcNow();
        var attempts = cache.Get<UnknownUserAttempts>(key) ?? new UnknownUserAttempts(0, null);
        if (attempts.LockedUntil > now)
        {
            return LockedOut();
        }

        userManager.PasswordHasher.VerifyHashedPassword(new AppUser(), DummyPasswordHash.Value, input.Password);
        var failed = attempts.Failed + 1;
        var locked = failed >= lockout.MaxFailedAccessAttempts;
        cache.Set(key, locked ? new UnknownUserAttempts(0, now + lockout.DefaultLockoutTimeSpan) : new UnknownUserAttempts(failed, null),
            lockout.DefaultLockoutTimeSpan);
        return locked ? LockedOut() : new BusinessException(PilotAssessmentErrorCodes.InvalidCredentials);
    }

    /// <summary>The sign-in on the other side when the name is an account there (the province's, or some city's), else null.</summary>
    private async Task<BusinessException?> WrongSideAsync(Tenant? tenant, string userName)
    {
        var normalized = userManager.NormalizeName(userName.Trim());
        using var _ = ReadAcrossCities();
        if (tenant is not null)
        {
            return await users.AnyAsync(users.Query().Where(u => u.TenantId == null && u.NormalizedUserName == normalized))
                ? new BusinessException(PilotAssessmentErrorCodes.SignInOnProvinceSide)
                : null;
        }

        return await users.AnyAsync(users.Query().Where(u => u.TenantId != null && u.NormalizedUserName == normalized))
            ? new BusinessException(PilotAssessmentErrorCodes.SignInOnCitySide)
            : null;
    }

    private BusinessException LockedOut() =>
        new(PilotAssessmentErrorCodes.UserLockedOut, (int)Math.Ceiling(identityOptions.Value.Lockout.DefaultLockoutTimeSpan.TotalMinutes));

    private sealed record UnknownUserAttempts(int Failed, DateTimeOffset? LockedUntil);
}
