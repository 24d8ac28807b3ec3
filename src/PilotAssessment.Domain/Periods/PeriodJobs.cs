using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using PilotAssessment.BackgroundJobs;
using PilotAssessment.Data;
using PilotAssessment.DataEntry;
using PilotAssessment.Identity;
using PilotAssessment.Localization;
using PilotAssessment.Results;
using PilotAssessment.Schemes;
using PilotAssessment.Tenants;

namespace PilotAssessment.Periods;

// Every job decides what is due from the clock, not from its trigger time, so a run fired late after downtime
// catches up once and a second run finds nothing left to do.

/// <summary>Opens planned periods whose entry window has started.</summary>
public sealed class PeriodOpenJob(IRepository<AssessmentPeriod> periods, IUnitOfWork unitOfWork, TimeProvider clock)
    : PeriodTransitionJob(periods, unitOfWork, clock)
{
    protected override IQueryable<AssessmentPeriod> Due(IQueryable<AssessmentPeriod> query, DateTime now) =>
        query.Where(p => p.Status == PeriodStatus.Planned && p.EntryOpensAt <= now);

    protected override void Apply(AssessmentPeriod period, DateTime now) => period.Open(now);
}

/// <summary>Locks open periods whose entry window has closed.</summary>
public sealed class PeriodLockJob(IRepository<AssessmentPeriod> periods, IUnitOfWork unitOfWork, TimeProvider clock)
    : PeriodTransitionJob(periods, unitOfWork, clock)
{
    protected override IQueryable<AssessmentPeriod> Due(IQueryable<AssessmentPeriod> query, DateTime now) =>
        query.Where(p => p.Status == PeriodStatus.Open && p.EntryClosesAt <= now);

    protected override void Apply(AssessmentPeriod period, DateTime now) => period.Lock(now);
}

/// <summary>Moves every period that is due to its next status, all in one save; returns how many moved.</summary>
public abstract class PeriodTransitionJob(IRepository<AssessmentPeriod> periods, IUnitOfWork unitOfWork, TimeProvider clock) : IBackgroundJob
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await periods.ToListAsync(Due(periods.Query(), now), cancellationToken);
        foreach (var period in due)
        {
            Apply(period, now);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return due.Count;
    }

    protected abstract IQueryable<AssessmentPeriod> Due(IQueryable<AssessmentPeriod> query, DateTime now);

    protected abstract void Apply(AssessmentPeriod period, DateTime now);
}

/// <summary>
/// N days (<c>Periods:ReminderDaysBeforeClose</c>, default 3) before the close, tells every clerk of a city that
/// still has unreported lines, once per period (an in-app notification keyed by the period).
/// </summary>
public sealed class EntryReminderJob(
    ICurrentTenant currentTenant,
    IRepository<AssessmentPeriod> periods,
    IRepository<Tenant> tenants,
    IRepository<Notification> notifications,
    IIdentityUserRepository users,
    PeriodScoringService scoring,
    IDataFilter dataFilter,
    IUnitOfWork unitOfWork,
    IConfiguration configuration,
    IStringLocalizer<PilotAssessmentResource> localizer,
    IRepository<AppUser> appUsers,
    IEmailSender email,
    ILogger<EntryReminderJob> logger,
    TimeProvider clock) : IBackgroundJob
{
    public static string KeyOf(Guid periodId) => $"entry-reminder:{periodId:N}";

    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var horizon = now.AddDays(configuration.GetValue("Periods:ReminderDaysBeforeClose", 3));
        var due = await periods.ToListAsync(
            periods.Query().Where(p => p.Status == PeriodStatus.Open && p.EntryClosesAt > now && p.EntryClosesAt <= horizon), cancellationToken);
        var cities = await tenants.ToListAsync(tenants.Query().Where(t => t.IsActive), cancellationToken);
        var sent = 0;
        foreach (var period in due)
        {
            var scheme = await scoring.GetSchemeAsync(period, cancellationToken);
            var expected = PeriodScoringService.EnteredIndicators(scheme.Definition).Select(i => i.Code).ToHashSet();
            var inputs = await scoring.LoadAsync(period.Id, cities.Select(c => c.Id).ToList(), cancellationToken);
            var key = KeyOf(period.Id);
            List<Notification> already;
            using (dataFilter.Disable<IMultiTenant>())
            {
                already = await notifications.ToListAsync(notifications.Query().Where(n => n.Key == key), cancellationToken);
            }

            var notified = already.Select(n => n.UserId).ToHashSet();
            foreach (var city in cities)
            {
                var missing = expected.Count - inputs[city.Id].Lines.Count(l => l.IsReported && expected.Contains(l.IndicatorCode));
                if (missing <= 0)
                {
                    continue;
                }

                using (currentTenant.Change(city.Id, city.Name))
                {
                    var local = ProvinceTime.ToLocal(period.EntryClosesAt).ToString("yyyy-MM-dd HH:mm");
                    string title = localizer[PeriodErrorCodes.ReminderTitle, period.Name];
                    string body = localizer[PeriodErrorCodes.ReminderBody, period.Name, missing, local];
                    var recipients = new List<Guid>();
                    foreach (var clerk in await users.GetUserIdsInRoleAsync(RoleNames.Clerk, cancellationToken))
                    {
                        if (notified.Add(clerk))
                        {
                            await notifications.InsertAsync(new Notification(SequentialGuid.Next(), city.Id, clerk, key, title, body), autoSave: false, cancellationToken);
                            recipients.Add(clerk);
                            sent++;
                        }
                    }

                    // The notification is the record of the reminder: saved first, so a failed e-mail is never sent twice.
                    await unitOfWork.SaveChangesAsync(cancellationToken);
                    await EmailAsync(recipients, title, body, cancellationToken);
                }
            }
        }

        return sent;
    }

    private async Task EmailAsync(List<Guid> userIds, string subject, string body, CancellationToken cancellationToken)
    {
        if (!email.IsEnabled || userIds.Count == 0)
        {
            return;
        }

        var addresses = await appUsers.ToListAsync(appUsers.Query().Where(u => userIds.Contains(u.Id) && u.Email != null && u.IsActive).Select(u => u.Email!), cancellationToken);
        foreach (var address in addresses)
        {
            try
            {
                await email.SendAsync(address, subject, body, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Reminder e-mail to {Address} failed", address);
            }
        }
    }
}

/// <summary>Recomputes each city's monitoring index of open and locked periods from the values entered so far: one row per city, period and day.</summary>
public sealed class MonitoringIndexJob(
    IRepository<AssessmentPeriod> periods,
    IRepository<Tenant> tenants,
    IRepository<MonitoringIndexSnapshot> snapshots,
    PeriodRecomputeService recompute,
    IDataFilter dataFilter,
    IUnitOfWork unitOfWork,
    TimeProvider clock) : IBackgroundJob
{
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var day = ProvinceTime.Day(now);
        var active = await periods.ToListAsync(periods.Query().Where(p => p.Status == PeriodStatus.Open || p.Status == PeriodStatus.Locked), cancellationToken);
        var cities = (await tenants.ToListAsync(tenants.Query().Where(t => t.IsActive), cancellationToken)).Select(t => t.Id).ToList();
        var written = 0;
        using var _ = dataFilter.Disable<IMultiTenant>();
        foreach (var period in active)
        {
            var scores = await recompute.ScoreAsync(period, cities, withAuditorScores: true, cancellationToken);
            var existing = (await snapshots.ToListAsync(snapshots.Query().Where(s => s.PeriodId == period.Id && s.Day == day), cancellationToken))
                .Where(s => s.TenantId != null).ToDictionary(s => s.TenantId!.Value);
            foreach (var (cityId, sheet) in scores.Sheets)
            {
                if (!existing.TryGetValue(cityId, out var snapshot))
                {
                    snapshot = new MonitoringIndexSnapshot(SequentialGuid.Next(), cityId, period.Id, day);
                    await snapshots.InsertAsync(snapshot, autoSave: false, cancellationToken);
                }

                snapshot.Total = sheet.Total;
                snapshot.Percent = sheet.Percent;
                snapshot.Colour = sheet.Colour;
                snapshot.ReportedLines = scores.Inputs[cityId].Lines.Count(l => l.IsReported);
                snapshot.ComputedTime = now;
                written++;
            }
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return written;
    }
}
