using PilotAssessment.BackgroundJobs;
using PilotAssessment.Data;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Repositories;
using Quartz;

namespace PilotAssessment.Identity;

/// <summary>Deletes refresh tokens of every tenant that expired or were revoked more than a day ago.</summary>
[DisallowConcurrentExecution]
public sealed class RefreshTokenCleanupJob(
    ICurrentTenant currentTenant,
    IDataFilter dataFilter,
    IRepository<RefreshToken> refreshTokens,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : TenantAwareJob(currentTenant)
{
    public static readonly JobKey Key = new(nameof(RefreshTokenCleanupJob));

    public int LastDeletedCount { get; private set; }

    protected override async Task ExecuteAsync(IJobExecutionContext context)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime.AddDays(-1);
        using var _ = dataFilter.Disable<IMultiTenant>();
        var stale = await refreshTokens.ToListAsync(refreshTokens.Query()
            .Where(t => t.ExpiresAt < cutoff || (t.RevokedAt != null && t.RevokedAt < cutoff))
            .Take(5000));
        foreach (var token in stale)
        {
            await refreshTokens.DeleteAsync(token, autoSave: false);
        }

        await unitOfWork.SaveChangesAsync(context.CancellationToken);
        LastDeletedCount = stale.Count;
        context.Result = stale.Count;
    }
}
