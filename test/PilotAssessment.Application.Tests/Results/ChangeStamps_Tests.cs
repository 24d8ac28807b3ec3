using System.Text.Json;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.DataEntry;
using PilotAssessment.Feeds;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Repositories;
using PilotAssessment.Reviews;
using Shouldly;
using Xunit;
using static PilotAssessment.Periods.PeriodTestHelpers;

namespace PilotAssessment.Results;

/// <summary>
/// Every kind of write to a city's inputs raises its change stamp, so monitoring and completeness show it at the next
/// request though they keep each city's row: what they show right after the write is what a host that kept nothing
/// computes from the database (the cache cleared), and it differs from what they showed before.
/// </summary>
public abstract class ChangeStamps_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : RowCountingTestApplication
{
    [Fact]
    public async Task Should_Show_Every_Kind_Of_Write_At_Once_In_Monitoring_And_Completeness()
    {
        var periodId = (await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(10))).Id;
        var lanzhou = await app.TenantIdAsync("兰州");
        var tianshui = await app.TenantIdAsync("天水");
        var jiuquan = await app.TenantIdAsync("酒泉");
        var jinchang = await app.TenantIdAsync("金昌");
        await ViewsAsync(periodId);

        await ShowsAtOnceAsync(periodId, "line save", lanzhou, () => app.DataEntryAsync("兰州", "clerk", e => e.SaveAsync(periodId, "B03", Number(2.0m))));
        await ShowsAtOnceAsync(periodId, "facts", lanzhou, () => app.DataEntryAsync("兰州", "clerk", e => e.SaveFactsAsync(periodId, new CityFactsDto { BonusCounts = new() { ["X01"] = 1 } })));
        foreach (var (city, number) in new[] { ("天水", 3.2m), ("酒泉", 3.0m) })
        {
            await ShowsAtOnceAsync(periodId, "line save " + city, await app.TenantIdAsync(city), () => app.DataEntryAsync(city, "clerk", e => e.SaveAsync(periodId, "B03", Number(number))));
            await ShowsAtOnceAsync(periodId, "report " + city, await app.TenantIdAsync(city), () => app.DataEntryAsync(city, "admin", e => e.SubmitAsync(periodId)));
        }

        await app.DataEntryAsync("张掖", "clerk", e => e.SaveAsync(periodId, "B03", Number(4.0m)));

        // The third other city's report gives 兰州 a province average: its own row changes though it wrote nothing.
        await ShowsAtOnceAsync(periodId, "another city's report", lanzhou, () => app.DataEntryAsync("张掖", "admin", e => e.SubmitAsync(periodId)));
        await ShowsAtOnceAsync(periodId, "return", lanzhou, () => app.ReviewAsync(r => r.ReturnAsync(periodId, jiuquan, new ReturnSubmissionInput { Comment = "请核实" })));
        var b03 = (await app.ReviewAsync(r => r.GetCitySheetAsync(periodId, tianshui))).Lines.Single(l => l.IndicatorCode == "B03");
        await ShowsAtOnceAsync(periodId, "auditor's score", tianshui, () => app.ReviewAsync(r => r.AdjustLineAsync(b03.Id!.Value, new AdjustLineInput { Score = 1, Reason = "核减" })));
        await ShowsAtOnceAsync(periodId, "approve", null, () => app.ReviewAsync(r => r.ApproveAsync(periodId, tianshui)));
        await ShowsAtOnceAsync(periodId, "feed import", jinchang, () => app.WithScopeAsync(async sp =>
        {
            var line = new EntryLine(Guid.NewGuid(), periodId, "E01") { TenantId = jinchang };
            line.SetValue(new EntryValue { Number = 95 }, null, app.Clock.GetUtcNow().UtcDateTime);
            await sp.GetRequiredService<IFeedLineBulkWriter>().InsertAsync([line], []);
        }));

        // Another host: a save through its own scope and DbContext, outside any application service or transaction.
        await ShowsAtOnceAsync(periodId, "another host's save", jinchang, () => app.WithScopeAsync(async sp =>
        {
            using var _ = sp.GetRequiredService<ICurrentTenant>().Change(jinchang);
            var lines = sp.GetRequiredService<IRepository<EntryLine>>();
            var line = await lines.FirstOrDefaultAsync(lines.Query().Where(l => l.PeriodId == periodId && l.IndicatorCode == "E01"));
            line!.SetValue(new EntryValue { Number = 40 }, null, app.Clock.GetUtcNow().UtcDateTime);
            await lines.UpdateAsync(line, autoSave: true);
        }));
    }

    [Fact]
    public async Task Should_Raise_The_Stamp_Of_The_City_And_Period_Written_Only()
    {
        var periodId = (await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(10))).Id;
        var lanzhou = await app.TenantIdAsync("兰州");
        var tianshui = await app.TenantIdAsync("天水");
        (await StampAsync(periodId, lanzhou)).ShouldBe(0);

        var saved = await app.DataEntryAsync("兰州", "clerk", e => e.SaveAsync(periodId, "E01", Number(95)));
        var first = await StampAsync(periodId, lanzhou);
        first.ShouldBeGreaterThan(0);
        await app.DataEntryAsync("兰州", "clerk", e => e.SaveAsync(periodId, "E01", Number(90), saved.ConcurrencyStamp));
        (await StampAsync(periodId, lanzhou)).ShouldBeGreaterThan(first);
        (await StampAsync(periodId, tianshui)).ShouldBe(0);

        // A write that fails leaves the stamp where it was (it rolls back with the write).
        var before = await StampAsync(periodId, lanzhou);
        await Should.ThrowAsync<Exception>(() => app.DataEntryAsync("兰州", "clerk", e => e.SaveAsync(periodId, "E01", Number(80), saved.ConcurrencyStamp)));
        (await StampAsync(periodId, lanzhou)).ShouldBe(before);
    }

    private async Task ShowsAtOnceAsync(Guid periodId, string write, Guid? changedCity, Func<Task> action)
    {
        var before = await ViewsAsync(periodId);
        await action();
        var kept = await ViewsAsync(periodId);
        await app.WithScopeAsync(sp =>
        {
            ((MemoryCache)sp.GetRequiredService<IMemoryCache>()).Clear();
            return Task.CompletedTask;
        });
        var fresh = await ViewsAsync(periodId);

        kept.ShouldBe(fresh, write);
        kept.ShouldNotBe(before, write);
        if (changedCity is { } city)
        {
            kept.Monitoring[city].ShouldNotBe(before.Monitoring[city], write);
        }
    }

    private async Task<Views> ViewsAsync(Guid periodId)
    {
        var monitoring = await app.AsUserAsync(null, "official", sp => sp.GetRequiredService<IResultMonitoringAppService>().GetMonitoringAsync(periodId));
        var completeness = await app.AsUserAsync(null, "official", sp => sp.GetRequiredService<IResultRankingAppService>().GetCompletenessAsync(periodId));
        return new Views(
            monitoring.ToDictionary(r => r.CityId, r => JsonSerializer.Serialize(r)),
            JsonSerializer.Serialize(completeness));
    }

    private Task<long> StampAsync(Guid periodId, Guid cityId) => app.WithScopeAsync(async sp =>
        (await sp.GetRequiredService<CityChangeStampStore>().ReadAsync([periodId])).GetValueOrDefault((periodId, cityId)));

    private sealed record Views(Dictionary<Guid, string> Monitoring, string Completeness)
    {
        public bool Equals(Views? other) =>
            other is not null && Completeness == other.Completeness && Monitoring.Count == other.Monitoring.Count
            && Monitoring.All(m => other.Monitoring.TryGetValue(m.Key, out var row) && row == m.Value);

        public override int GetHashCode() => Completeness.GetHashCode();
    }
}

public sealed class ChangeStamps_Sqlite_Tests(RowCountingSqliteTestApplication app) : ChangeStamps_Tests<RowCountingSqliteTestApplication>(app);

public sealed class ChangeStamps_MySql_Tests(RowCountingMySqlTestApplication app) : ChangeStamps_Tests<RowCountingMySqlTestApplication>(app);
