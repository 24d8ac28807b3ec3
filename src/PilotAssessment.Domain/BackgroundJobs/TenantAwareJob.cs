using PilotAssessment.MultiTenancy;
using Quartz;

namespace PilotAssessment.BackgroundJobs;

/// <summary>
/// Base of the product's Quartz jobs. Quartz resolves each run from DI in its own scope; this base runs the
/// job inside the tenant named by the job data (<see cref="TenantIdKey"/>), or as the host when none is given.
/// </summary>
public abstract class TenantAwareJob(ICurrentTenant currentTenant) : IJob
{
    public const string TenantIdKey = "tenantId";

    public async Task Execute(IJobExecutionContext context)
    {
        var tenantId = context.MergedJobDataMap.TryGetString(TenantIdKey, out var raw) && Guid.TryParse(raw, out var id) ? id : (Guid?)null;
        using (currentTenant.Change(tenantId))
        {
            await ExecuteAsync(context);
        }
    }

    protected abstract Task ExecuteAsync(IJobExecutionContext context);

    public static JobDataMap ForTenant(Guid? tenantId)
    {
        var map = new JobDataMap();
        if (tenantId is not null)
        {
            map[TenantIdKey] = tenantId.Value.ToString();
        }

        return map;
    }
}
