using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Data;

namespace PilotAssessment.Identity;

/// <summary>
/// Tells whether an access token's user may still use it: the user exists, is active and has the security stamp
/// the token was issued with. Read on every authenticated request, so the answer is cached briefly per user
/// (<see cref="HybridCache"/>: in memory, and in Redis when the hosts share one) and removed as soon as a user is
/// deactivated, deleted or changes password; another host sees the removal within its local cache time.
/// </summary>
public sealed class UserSessionCache(HybridCache cache)
{
    public const string SecurityStampClaimType = "security_stamp";

    public const string MustChangePasswordClaimType = "must_change_password";

    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);

    public async Task EvictAsync(Guid userId) => await cache.RemoveAsync(Key(userId));

    public async Task<bool> IsValidAsync(Guid userId, string? securityStamp, IServiceProvider services)
    {
        if (string.IsNullOrEmpty(securityStamp))
        {
            return false;
        }

        var state = await cache.GetOrCreateAsync(Key(userId), (userId, services), static async (key, cancellationToken) =>
        {
            var users = key.services.GetRequiredService<IRepository<AppUser>>();
            using var _ = key.services.GetRequiredService<IDataFilter>().Disable<IMultiTenant>();
            return await users.FirstOrDefaultAsync(
                users.QueryReadOnly().Where(u => u.Id == key.userId).Select(u => new UserState(u.SecurityStamp, u.IsActive)),
                cancellationToken) ?? new UserState(null, false);
        });
        return state.IsActive && state.SecurityStamp == securityStamp;
    }

    private static string Key(Guid userId) => "user-session:" + userId.ToString("N");

    [System.ComponentModel.ImmutableObject(true)]
    public sealed record UserState(string? SecurityStamp, bool IsActive);
}
