using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.DataEntry;
using PilotAssessment.EntityFrameworkCore;
using Shouldly;
using Xunit;
using static PilotAssessment.Periods.PeriodTestHelpers;

namespace PilotAssessment.Results;

/// <summary>
/// Live monitoring of an open period keeps each city's row until one of its inputs changes: a save shows at once,
/// only the city that changed is scored again, a request reads the same commands whether 2 or 5 cities entered, and
/// a request after no change reads the change stamps and no entry line (completeness alike).
/// </summary>
public abstract class LiveMonitoring_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : RowCountingTestApplication
{
    [Fact]
    public async Task Should_Show_A_Save_At_Once_And_Score_Again_Only_The_City_That_Saved()
    {
        var periodId = (await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(10))).Id;
        var lanzhou = await app.TenantIdAsync("兰州");
        var jiuquan = await app.TenantIdAsync("酒泉");
        var saved = await app.DataEntryAsync("兰州", "clerk", e => e.SaveAsync(periodId, "E01", Number(95)));

        var first = await MonitoringAsync(null, "official", periodId);
        var before = first.Single(r => r.CityId == lanzhou);
        (before.Source, before.Total).ShouldBe((MonitoringSources.Self, 4m));

        await app.DataEntryAsync("酒泉", "clerk", e => e.SaveAsync(periodId, "E01", Number(95)));
        var second = await MonitoringAsync(null, "official", periodId);

        // 兰州 did not change: its row is the one scored before; 酒泉 saved: scored again at once.
        second.Single(r => r.CityId == lanzhou).ShouldBeSameAs(before);
        var jiuquanRow = second.Single(r => r.CityId == jiuquan);
        (jiuquanRow.Source, jiuquanRow.Total).ShouldBe((MonitoringSources.Self, 4m));

        await app.DataEntryAsync("兰州", "clerk", e => e.SaveAsync(periodId, "E01", Number(50), saved.ConcurrencyStamp));
        var third = (await MonitoringAsync(null, "official", periodId)).Single(r => r.CityId == lanzhou);
        third.ShouldNotBeSameAs(before);
        third.Total.ShouldBeLessThan(4m);
        third.Warnings.ShouldContain(w => w.Code == "E01");

        // Another city sees only its own row, not the one 兰州 just changed.
        var own = await MonitoringAsync("酒泉", "admin", periodId);
        own.Select(r => r.CityId).ShouldBe([jiuquan]);
        own.Single().Total.ShouldBe(4m);
    }

    [Fact]
    public async Task Should_Read_The_Same_Commands_For_2_And_5_Cities_Before_And_After_A_Save()
    {
        var cities = new[] { "兰州", "天水", "酒泉", "张掖", "金昌" };
        // So both measured periods have a previous period to compare with.
        await MeasureAsync(cities);
        var two = await MeasureAsync(cities.Take(2).ToList());
        var five = await MeasureAsync(cities);

        two.ShouldBe(five);
        two.Monitoring.Warm.ShouldBeGreaterThan(0);

        // Nothing changed since the last request: no entry line is read, by monitoring or by completeness.
        (two.Monitoring.Unchanged.EntryLineReads, two.Completeness.Unchanged.EntryLineReads).ShouldBe((0, 0));
        two.Monitoring.Cold.ShouldBeGreaterThan(two.Monitoring.Unchanged.Reads);

        // After one city's save, monitoring reads that city's lines: the same commands as when every city changed.
        two.Completeness.Warm.ShouldBe(two.Completeness.Cold);
    }

    private async Task<((int Cold, int Warm, (int Reads, int EntryLineReads) Unchanged) Monitoring, (int Cold, int Warm, (int Reads, int EntryLineReads) Unchanged) Completeness)> MeasureAsync(IReadOnlyList<string> entering)
    {
        var periodId = (await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(10))).Id;
        string? stamp = null;
        foreach (var city in entering)
        {
            var saved = await app.DataEntryAsync(city, "clerk", async e =>
            {
                await e.SaveAsync(periodId, "E02", Number(80));
                return await e.SaveAsync(periodId, "E01", Number(90));
            });
            stamp ??= saved.ConcurrencyStamp;
        }

        var cold = (await CountingAsync(sp => sp.GetRequiredService<IResultMonitoringAppService>().GetMonitoringAsync(periodId)), await CountingAsync(sp => Completeness(sp, periodId)));
        await app.DataEntryAsync(entering[0], "clerk", e => e.SaveAsync(periodId, "E01", Number(70), stamp));
        var warm = (await CountingAsync(sp => sp.GetRequiredService<IResultMonitoringAppService>().GetMonitoringAsync(periodId)), await CountingAsync(sp => Completeness(sp, periodId)));
        var unchanged = (await CountingAsync(sp => sp.GetRequiredService<IResultMonitoringAppService>().GetMonitoringAsync(periodId)), await CountingAsync(sp => Completeness(sp, periodId)));
        return ((cold.Item1.Reads, warm.Item1.Reads, unchanged.Item1), (cold.Item2.Reads, warm.Item2.Reads, unchanged.Item2));
    }

    private static Task<List<CompletenessRowDto>> Completeness(IServiceProvider sp, Guid periodId) =>
        sp.GetRequiredService<IResultRankingAppService>().GetCompletenessAsync(periodId);

    private Task<(int Reads, int EntryLineReads)> CountingAsync<T>(Func<IServiceProvider, Task<T>> call) =>
        app.AsUserAsync(null, "official", async sp =>
        {
            var context = sp.GetRequiredService<PilotAssessmentDbContext>();
            using (app.Commands.Track(context))
            {
                await call(sp);
                return (app.Commands.Reads, app.Commands.ReadTexts.Count(t => t.Contains("EntryLines`", StringComparison.Ordinal) || t.Contains("EntryLines\"", StringComparison.Ordinal)));
            }
        });

    private Task<List<CityMonitoringDto>> MonitoringAsync(string? city, string user, Guid periodId) =>
        app.AsUserAsync(city, user, sp => sp.GetRequiredService<IResultMonitoringAppService>().GetMonitoringAsync(periodId));
}

public sealed class LiveMonitoring_Sqlite_Tests(RowCountingSqliteTestApplication app) : LiveMonitoring_Tests<RowCountingSqliteTestApplication>(app);

public sealed class LiveMonitoring_MySql_Tests(RowCountingMySqlTestApplication app) : LiveMonitoring_Tests<RowCountingMySqlTestApplication>(app);
