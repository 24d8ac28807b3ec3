using PilotAssessment.MultiTenancy;
using PilotAssessment.Repositories;
using Quartz;

namespace PilotAssessment.BackgroundJobs;

/// <summary>
/// Runs a background job under Quartz. Quartz resolves each run from DI in its own scope; the job runs inside the
/// tenant named by the job data (<see cref="TenantAwareJob.TenantIdKey"/>), or as the host when none is given, in a
/// unit of work without a transaction: a job saves its own progress (e.g. city by city, after that city's e-mails went
/// out), the rest is saved once at the end, and a failure drops whatever was not saved yet.
/// </summary>
[DisallowConcurrentExecution]
public sealed class TenantAwareJob<TJob>(ICurrentTenant currentTenant, IUnitOfWorkManager unitOfWorkManager, TJob job, ILogger<TenantAwareJob<TJob>> logger) : IJob
    where TJob : IBackgroundJob
{
    public async Task Execute(IJobExecutionContext context)
    {
        var tenantId = context.MergedJobDataMap.TryGetString(TenantAwareJob.TenantIdKey, out var raw) && Guid.TryParse(raw, out var id) ? id : (Guid?)null;
        using (currentTenant.Change(tenantId))
        {
            await using var unitOfWork = await unitOfWorkManager.BeginAsync(isTransactional: false, context.CancellationToken);
            context.Result = await job.RunAsync(context.CancellationToken);
            await unitOfWork.CompleteAsync(context.CancellationToken);
        }

        // One line per run with the fire it served: with several hosts, each fire appears once across their logs.
        logger.LogInformation(
            "Background job {Job} ran for the fire due {ScheduledFireTime:O} on {Instance}: {Result}",
            typeof(TJob).Name,
            context.ScheduledFireTimeUtc?.UtcDateTime,
            context.Scheduler.SchedulerInstanceId,
            context.Result);
    }
}

public static class TenantAwareJob
{
    public const string TenantIdKey = "tenantId";

    public static JobKey KeyOf<TJob>()
        where TJob : IBackgroundJob => new(typeof(TJob).Name);

    public static JobDataMap ForTenant(Guid? tenantId)
    {
        var map = new JobDataMap();
        if (tenantId is not null)
        {
            map[TenantIdKey] = tenantId.Value.ToString();
        }

        return map;
    }

    /// <summary>Schedules <typeparamref name="TJob"/> on a cron expression in the province's time zone.</summary>
    public static void AddTenantAwareJob<TJob>(this IServiceCollectionQuartzConfigurator quartz, string cron, TimeZoneInfo timeZone, bool fireMisfiredOnce = true)
        where TJob : IBackgroundJob
    {
        var key = KeyOf<TJob>();
        quartz.AddJob<TenantAwareJob<TJob>>(j => j.WithIdentity(key));
        // A stable trigger name: in the database job store each start replaces its trigger instead of adding one more.
        quartz.AddTrigger(t => t.ForJob(key).WithIdentity(key.Name + "-schedule").WithCronSchedule(cron, c =>
        {
            c.InTimeZone(timeZone);
            if (fireMisfiredOnce)
            {
                c.WithMisfireHandlingInstructionFireAndProceed();
            }
        }));
    }
}
