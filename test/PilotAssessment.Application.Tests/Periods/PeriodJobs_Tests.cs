using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Data;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Repositories;
using PilotAssessment.Results;
using Shouldly;
using Xunit;
using static PilotAssessment.Periods.PeriodTestHelpers;

namespace PilotAssessment.Periods;

/// <summary>The period jobs on the fake clock: each run does what is due once, and a late (misfired) run catches up once.</summary>
public abstract class PeriodJobs_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    [Fact]
    public async Task Should_Open_Remind_And_Lock_A_Period_Once_Even_When_Fired_Late()
    {
        var period = await app.CreatePeriodAsync(TimeSpan.FromHours(1), TimeSpan.FromDays(6), open: false);
        await RunAsync<PeriodOpenJob>(j => j.RunAsync());
        (await StatusAsync(period.Id)).ShouldBe(PeriodStatus.Planned);

        app.Clock.Advance(TimeSpan.FromHours(2));
        (await RunAsync<PeriodOpenJob>(j => j.RunAsync())).ShouldBeGreaterThanOrEqualTo(1);
        (await StatusAsync(period.Id)).ShouldBe(PeriodStatus.Open);
        (await RunAsync<PeriodOpenJob>(j => j.RunAsync())).ShouldBe(0);

        // 兰州 reports one line of 30; every city still has unreported lines, so each clerk is reminded 3 days before the close.
        await app.DataEntryAsync("兰州", "clerk", e => e.SaveAsync(period.Id, "B04", Number(90)));
        await RunAsync<EntryReminderJob>(j => j.RunAsync());
        (await RemindersAsync(period.Id)).ShouldBe(0);
        app.Clock.Advance(TimeSpan.FromDays(3));
        (await RunAsync<EntryReminderJob>(j => j.RunAsync())).ShouldBeGreaterThanOrEqualTo(5);
        (await RemindersAsync(period.Id)).ShouldBe(5);
        (await RunAsync<EntryReminderJob>(j => j.RunAsync())).ShouldBe(0);
        (await RemindersAsync(period.Id)).ShouldBe(5);
        var mine = await app.AsUserAsync("兰州", "clerk", sp => sp.GetRequiredService<INotificationAppService>().GetMineAsync(unreadOnly: true));
        var reminder = mine.Single(n => n.Key == EntryReminderJob.KeyOf(period.Id));
        reminder.Body.ShouldContain("29");
        await app.AsUserAsync("兰州", "clerk", sp => sp.GetRequiredService<INotificationAppService>().MarkReadAsync(reminder.Id));
        (await app.AsUserAsync("兰州", "clerk", sp => sp.GetRequiredService<INotificationAppService>().GetMineAsync(unreadOnly: true)))
            .ShouldNotContain(n => n.Id == reminder.Id);

        // The scheduler was down over the close: the late run locks once, the next finds nothing to do.
        app.Clock.Advance(TimeSpan.FromDays(5));
        (await RunAsync<PeriodLockJob>(j => j.RunAsync())).ShouldBeGreaterThanOrEqualTo(1);
        var lockedAt = await app.PeriodsAsync(p => p.GetAsync(period.Id));
        lockedAt.Status.ShouldBe("Locked");
        (await RunAsync<PeriodLockJob>(j => j.RunAsync())).ShouldBe(0);
        (await app.PeriodsAsync(p => p.GetAsync(period.Id))).ConcurrencyStamp.ShouldBe(lockedAt.ConcurrencyStamp);
    }

    [Fact]
    public async Task Should_Keep_One_Monitoring_Index_Row_Per_City_And_Day()
    {
        var period = await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(20));
        await app.DataEntryAsync("天水", "clerk", e => e.SaveAsync(period.Id, "B04", Number(96)));

        await RunAsync<MonitoringIndexJob>(j => j.RunAsync());
        await RunAsync<MonitoringIndexJob>(j => j.RunAsync());

        var rows = await SnapshotsAsync(period.Id);
        rows.Count.ShouldBe(5);
        var tianshui = await app.TenantIdAsync("天水");
        var others = rows.Where(r => r.TenantId != tianshui).Select(r => r.Total).Distinct().Single();
        (rows.Single(r => r.TenantId == tianshui).Total - others).ShouldBe(3m);

        app.Clock.Advance(TimeSpan.FromDays(1));
        await RunAsync<MonitoringIndexJob>(j => j.RunAsync());
        (await SnapshotsAsync(period.Id)).Count.ShouldBe(10);
    }

    private Task<int> RunAsync<TJob>(Func<TJob, Task<int>> run)
        where TJob : notnull => app.WithScopeAsync(sp => run(sp.GetRequiredService<TJob>()));

    private async Task<PeriodStatus> StatusAsync(Guid id) =>
        Enum.Parse<PeriodStatus>((await app.PeriodsAsync(p => p.GetAsync(id))).Status);

    private Task<int> RemindersAsync(Guid periodId) => app.WithScopeAsync(async sp =>
    {
        using var _ = sp.GetRequiredService<IDataFilter>().Disable<IMultiTenant>();
        var notifications = sp.GetRequiredService<IRepository<Notification>>();
        var key = EntryReminderJob.KeyOf(periodId);
        return await notifications.CountAsync(notifications.Query().Where(n => n.Key == key));
    });

    private Task<List<MonitoringIndexSnapshot>> SnapshotsAsync(Guid periodId) => app.WithScopeAsync(async sp =>
    {
        using var _ = sp.GetRequiredService<IDataFilter>().Disable<IMultiTenant>();
        var snapshots = sp.GetRequiredService<IRepository<MonitoringIndexSnapshot>>();
        return await snapshots.ToListAsync(snapshots.Query().Where(s => s.PeriodId == periodId));
    });
}

public sealed class PeriodJobs_Sqlite_Tests(SqliteTestApplication app) : PeriodJobs_Tests<SqliteTestApplication>(app);

public sealed class PeriodJobs_MySql_Tests(MySqlTestApplication app) : PeriodJobs_Tests<MySqlTestApplication>(app);
