using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Data;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Repositories;

namespace PilotAssessment.Identity;

/// <summary>
/// Tells whether an access token's user may still use it: the user exists, is active and has the security stamp
/// the token was issued with. Read on every authenticated request, so the answer is cached briefly per user and
/// evicted on this host as soon as a user is deactivated, deleted or changes password.
/// </summary>
public sealed class UserSessionCache(IMemoryCache cache)
{
    public const string SecurityStampClaimType = "security_stamp";

    public const string MustChangePasswordClaimType = "must_change_password";

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public void Evict(Guid userId) => cache.Remove(Key(userId));

    public async Task<bool> IsValidAsync(Guid userId, string? securityStamp, IServiceProvider services)
    {
        if (string.IsNullOrEmpty(securityStamp))
        {
            return false;
        }

        var state = await cache.GetOrCreateAsync(Key(userId), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            var users = services.GetRequiredService<IRepository<AppUser>>();
            using var _ = services.GetRequiredService<IDataFilter>().Disable<IMultiTenant>();
            return await users.FirstOrDefaultAsync(users.QueryReadOnly().Where(u => u.Id == userId).Select(u => new UserState(u.SecurityStamp, u.IsActive)));
        });
        return state is { IsActive: true } && state.SecurityStamp == securityStamp;
    }

    private static string Key(Guid userId) => "user-session:" + userId.ToString("N");

    private sealed record UserState(string? SecurityStamp, bool IsActive);
}
