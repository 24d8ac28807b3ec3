using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Feeds;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Repositories;
using PilotAssessment.Reviews;
using Shouldly;
using Xunit;
using static PilotAssessment.Periods.PeriodTestHelpers;

namespace PilotAssessment.DataEntry;

/// <summary>
/// A city's entry sheet is kept per host under what it comes from: right after every kind of write, what the sheet shows
/// is what a host that kept nothing builds from the database, and it differs from what it showed before; while nothing
/// it comes from changes, the same built sheet is served again, with writability and the unit filter decided anew.
/// </summary>
public abstract class EntrySheetCache_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : RowCountingTestApplication
{
    private const string City = "兰州";

    [Fact]
    public async Task Should_Show_Every_Kind_Of_Write_At_Once_In_A_Kept_Sheet()
    {
        var periodId = (await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(10))).Id;
        var lanzhou = await app.TenantIdAsync(City);
        await SheetAsync(periodId);

        var b03 = await ShowsAtOnceAsync(periodId, "line save", () => app.DataEntryAsync(City, "clerk", e => e.SaveAsync(periodId, "B03", Number(2.0m))));
        await ShowsAtOnceAsync(periodId, "facts", () => app.DataEntryAsync(City, "clerk", e => e.SaveFactsAsync(periodId, new CityFactsDto { BonusCounts = new() { ["X01"] = 1 } })));
        var evidence = await ShowsAtOnceAsync(periodId, "evidence upload", () => app.DataEntryAsync(City, "clerk", e => e.UploadEvidenceAsync(b03.Id!.Value, "a.pdf", new MemoryStream(Pdf), Pdf.Length)));
        await ShowsAtOnceAsync(periodId, "evidence delete", () => app.DataEntryAsync(City, "clerk", e => e.DeleteEvidenceAsync(evidence.Id)));
        await ShowsAtOnceAsync(periodId, "feed import", () => app.WithScopeAsync(async sp =>
        {
            var line = new EntryLine(Guid.NewGuid(), periodId, "E01") { TenantId = lanzhou };
            line.SetValue(new EntryValue { Number = 95 }, null, app.Clock.GetUtcNow().UtcDateTime);
            await sp.GetRequiredService<IFeedLineBulkWriter>().InsertAsync([line], []);
        }));

        // Another host: a save through its own scope and DbContext, outside any application service or transaction.
        await ShowsAtOnceAsync(periodId, "another host's save", () => app.WithScopeAsync(async sp =>
        {
            using var _ = sp.GetRequiredService<ICurrentTenant>().Change(lanzhou);
            var lines = sp.GetRequiredService<IRepository<EntryLine>>();
            var line = await lines.FirstOrDefaultAsync(lines.Query().Where(l => l.PeriodId == periodId && l.IndicatorCode == "E01"));
            line!.SetValue(new EntryValue { Number = 40 }, null, app.Clock.GetUtcNow().UtcDateTime);
            await lines.UpdateAsync(line, autoSave: true);
        }));

        foreach (var (city, number) in new[] { ("天水", 3.2m), ("酒泉", 3.0m) })
        {
            await app.DataEntryAsync(city, "clerk", e => e.SaveAsync(periodId, "B03", Number(number)));
            await app.DataEntryAsync(city, "admin", e => e.SubmitAsync(periodId));
        }

        // The third other city's report gives 兰州 a province average: its sheet changes though it wrote nothing.
        await app.DataEntryAsync("张掖", "clerk", e => e.SaveAsync(periodId, "B03", Number(4.0m)));
        await ShowsAtOnceAsync(periodId, "another city's report", () => app.DataEntryAsync("张掖", "admin", e => e.SubmitAsync(periodId)));

        await ShowsAtOnceAsync(periodId, "report", () => app.DataEntryAsync(City, "admin", e => e.SubmitAsync(periodId)));
        await ShowsAtOnceAsync(periodId, "return", () => app.ReviewAsync(r => r.ReturnAsync(periodId, lanzhou, new ReturnSubmissionInput { Comment = "请核实" })));
        await ShowsAtOnceAsync(periodId, "report again", () => app.DataEntryAsync(City, "admin", e => e.SubmitAsync(periodId)));
        await ShowsAtOnceAsync(periodId, "approve", () => app.ReviewAsync(r => r.ApproveAsync(periodId, lanzhou)));
    }

    [Fact]
    public async Task Should_Serve_The_Kept_Sheet_While_Nothing_It_Comes_From_Changes_And_Decide_Writability_Per_Request()
    {
        var periodId = (await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(10))).Id;
        await app.DataEntryAsync(City, "clerk", e => e.SaveAsync(periodId, "B01", Number(90)));
        var first = await app.DataEntryAsync(City, "clerk", e => e.GetSheetAsync(periodId));

        // Another city's save and a draft of its own do not touch this city's sheet.
        await app.DataEntryAsync("天水", "clerk", e => e.SaveAsync(periodId, "B01", Number(70)));
        var second = await app.DataEntryAsync(City, "admin", e => e.GetSheetAsync(periodId));
        second.ShouldNotBeSameAs(first);
        second.Lines.Single(l => l.IndicatorCode == "B01").ShouldBeSameAs(first.Lines.Single(l => l.IndicatorCode == "B01"));
        second.Writable.ShouldBeTrue();

        // The window closes (the other tests' periods are made relative to the clock): the kept sheet is served, no longer writable.
        app.Clock.Advance(TimeSpan.FromDays(11));
        var closed = await app.DataEntryAsync(City, "clerk", e => e.GetSheetAsync(periodId));
        closed.Lines.Single(l => l.IndicatorCode == "B01").ShouldBeSameAs(first.Lines.Single(l => l.IndicatorCode == "B01"));
        closed.Writable.ShouldBeFalse();
        closed.FactsWritable.ShouldBeFalse();
        first.Writable.ShouldBeTrue();
    }

    private async Task<T> ShowsAtOnceAsync<T>(Guid periodId, string write, Func<Task<T>> action)
    {
        // The sheet before the write is a kept one: read twice, its lines are the same objects.
        var (once, twice) = (await app.DataEntryAsync(City, "admin", e => e.GetSheetAsync(periodId)), await app.DataEntryAsync(City, "admin", e => e.GetSheetAsync(periodId)));
        twice.Lines[0].ShouldBeSameAs(once.Lines[0], write);
        var before = await SheetAsync(periodId);
        var result = await action();
        var kept = await SheetAsync(periodId);
        await app.WithScopeAsync(sp =>
        {
            sp.GetRequiredService<EntrySheetCache>().Clear();
            return Task.CompletedTask;
        });
        var fresh = await SheetAsync(periodId);

        kept.ShouldBe(fresh, write);
        kept.ShouldNotBe(before, write);
        return result;
    }

    private async Task ShowsAtOnceAsync(Guid periodId, string write, Func<Task> action) =>
        await ShowsAtOnceAsync(periodId, write, async () =>
        {
            await action();
            return true;
        });

    private async Task<string> SheetAsync(Guid periodId) =>
        JsonSerializer.Serialize(await app.DataEntryAsync(City, "admin", e => e.GetSheetAsync(periodId)));
}

public sealed class EntrySheetCache_Sqlite_Tests(RowCountingSqliteTestApplication app) : EntrySheetCache_Tests<RowCountingSqliteTestApplication>(app);

public sealed class EntrySheetCache_MySql_Tests(RowCountingMySqlTestApplication app) : EntrySheetCache_Tests<RowCountingMySqlTestApplication>(app);
