using System.Security.Claims;

namespace PilotAssessment.Users;

/// <summary>
/// The principal of the running flow: the one set by <see cref="Change"/> (background jobs, tests),
/// otherwise the one the host supplies (the HTTP request's user).
/// </summary>
public interface ICurrentPrincipalAccessor
{
    ClaimsPrincipal? Principal { get; }

    IDisposable Change(ClaimsPrincipal principal);
}

/// <summary>The principal set by <see cref="Change"/> for the current async flow; the host adds the HTTP request's user.</summary>
public class ThreadCurrentPrincipalAccessor : ICurrentPrincipalAccessor
{
    private static readonly AsyncLocal<ClaimsPrincipal?> Current = new();

    public virtual ClaimsPrincipal? Principal => Current.Value;

    public IDisposable Change(ClaimsPrincipal principal)
    {
        var previous = Current.Value;
        Current.Value = principal;
        return new DisposeAction(() => Current.Value = previous);
    }
}

public sealed class CurrentUser(ICurrentPrincipalAccessor principalAccessor) : ICurrentUser
{
    private ClaimsPrincipal? Principal => principalAccessor.Principal;

    public bool IsAuthenticated => Id is not null;

    public Guid? Id => Guid.TryParse(Principal?.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? Principal?.FindFirst("sub")?.Value, out var id) ? id : null;

    public string? UserName => Principal?.FindFirst(ClaimTypes.Name)?.Value ?? Principal?.FindFirst("name")?.Value;

    public Guid? TenantId => Guid.TryParse(Principal?.FindFirst(MultiTenancyConsts.TenantIdClaimType)?.Value, out var id) ? id : null;

    public IReadOnlyList<string> Roles => Principal?.FindAll(ClaimTypes.Role).Select(c => c.Value).ToArray() ?? [];
}

public static class ClaimsPrincipalFactory
{
    /// <summary>Builds the claims the product reads from a signed-in user; used by token issuing and tests.</summary>
    public static ClaimsPrincipal Create(Guid userId, string userName, Guid? tenantId, IEnumerable<string> roles, string authenticationType = "Bearer")
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, userId.ToString()),
            new(ClaimTypes.Name, userName),
        };
        if (tenantId is not null)
        {
            claims.Add(new Claim(MultiTenancyConsts.TenantIdClaimType, tenantId.Value.ToString()));
        }

        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType, ClaimTypes.Name, ClaimTypes.Role));
    }
}
