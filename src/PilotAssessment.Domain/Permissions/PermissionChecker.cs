using System.Security.Claims;
using PilotAssessment.Authorization;
using PilotAssessment.Users;

namespace PilotAssessment.Permissions;

public interface IPermissionChecker
{
    Task<bool> IsGrantedAsync(string permissionName);

    Task<bool> IsGrantedAsync(ClaimsPrincipal? principal, string permissionName);

    /// <summary>Every permission the principal holds through its roles, on its own side of the tenancy.</summary>
    Task<IReadOnlySet<string>> GetGrantedAsync(ClaimsPrincipal? principal);
}

/// <summary>
/// Reads grants of the user's roles in the user's own tenant (a host official acting inside a city keeps
/// host permissions) through <see cref="IPermissionGrantStore"/>. A permission is never granted on a side its
/// definition excludes, whatever the table says. Scoped: grants are asked for once per request.
/// </summary>
public sealed class PermissionChecker(
    IPermissionDefinitionManager definitions,
    IPermissionGrantStore grants,
    ICurrentPrincipalAccessor principalAccessor) : IPermissionChecker
{
    private readonly Dictionary<string, IReadOnlySet<string>> _cache = [];

    public Task<bool> IsGrantedAsync(string permissionName) => IsGrantedAsync(principalAccessor.Principal, permissionName);

    public async Task<bool> IsGrantedAsync(ClaimsPrincipal? principal, string permissionName) =>
        (await GetGrantedAsync(principal)).Contains(permissionName);

    public async Task<IReadOnlySet<string>> GetGrantedAsync(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return new HashSet<string>();
        }

        var userTenantId = Guid.TryParse(principal.FindFirst(MultiTenancyConsts.TenantIdClaimType)?.Value, out var t) ? t : (Guid?)null;
        var roles = principal.FindAll(ClaimTypes.Role).Select(c => c.Value).Distinct().OrderBy(r => r, StringComparer.Ordinal).ToArray();
        var key = $"{userTenantId}|{string.Join(',', roles)}";
        if (_cache.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var side = userTenantId is null ? MultiTenancySides.Host : MultiTenancySides.Tenant;
        var names = roles.Length == 0 ? [] : await grants.GetNamesAsync(userTenantId, roles);
        var granted = names
            .Where(n => definitions.Find(n) is { } d && d.Sides.HasFlag(side))
            .ToHashSet(StringComparer.Ordinal);
        _cache[key] = granted;
        return granted;
    }
}
