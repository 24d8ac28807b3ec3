using PilotAssessment.BackgroundJobs;
using PilotAssessment.Data;

namespace PilotAssessment.Identity;

/// <summary>Deletes refresh tokens of every tenant that expired or were revoked more than a day ago.</summary>
public sealed class RefreshTokenCleanupJob(
    IDataFilter dataFilter,
    IRepository<RefreshToken> refreshTokens,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IBackgroundJob
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        using var _ = dataFilter.Disable<IMultiTenant>();
        var stale = await refreshTokens.ToListAsync(refreshTokens.Query()
            .Where(t => t.ExpiresAt < cutoff || (t.RevokedAt != null && t.RevokedAt < cutoff))
            .Take(5000), cancellationToken);
        foreach (var token in stale)
        {
            await refreshTokens.DeleteAsync(token, autoSave: false, cancellationToken);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return stale.Count;
    }
}
