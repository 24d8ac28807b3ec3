using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Reviews;
using Shouldly;
using Xunit;
using static PilotAssessment.Periods.PeriodTestHelpers;

namespace PilotAssessment.DataEntry;

/// <summary>A line's history numbered by the revision counter kept on the line, through competing saves.</summary>
public abstract class EntryRevisions_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    [Fact]
    public async Task Should_Number_Revisions_Without_Gaps_After_Competing_Saves_And_Answer_The_Loser_With_The_Other_Value()
    {
        var period = await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(5));
        var first = await app.DataEntryAsync("金昌", "clerk", e => e.SaveAsync(period.Id, "B04", Number(80)));
        var lineId = first.Id!.Value;

        // Two saves from the same read, at once: one wins, the other gets the winner's value back and writes nothing.
        var saves = new[] { ("clerk", 85m), ("admin", 86m) }
            .Select(async s =>
            {
                try
                {
                    return (Saved: await app.DataEntryAsync("金昌", s.Item1, e => e.SaveAsync(period.Id, "B04", Number(s.Item2), first.ConcurrencyStamp)), Conflict: (ConflictException?)null);
                }
                catch (ConflictException conflict)
                {
                    return (Saved: (EntryLineDto?)null, Conflict: conflict);
                }
            })
            .ToList();
        var results = await Task.WhenAll(saves);
        var winner = results.Single(r => r.Saved is not null).Saved!;
        var loser = results.Single(r => r.Conflict is not null).Conflict!;
        loser.Current.ShouldBeOfType<EntryLineDto>().Value.Number.ShouldBe(winner.Value.Number);

        // The loser merges and saves again from what it was given; a note alone is a revision too, the same save is none.
        var merged = await app.DataEntryAsync("金昌", "clerk", e => e.SaveAsync(period.Id, "B04", Number(90), winner.ConcurrencyStamp));
        var noted = await app.DataEntryAsync("金昌", "clerk", e => e.SaveLineAsync(period.Id, "B04", new SaveEntryLineInput { Value = Number(90), Note = "核对后", ConcurrencyStamp = merged.ConcurrencyStamp }));
        await app.DataEntryAsync("金昌", "clerk", e => e.SaveLineAsync(period.Id, "B04", new SaveEntryLineInput { Value = Number(90), Note = "核对后", ConcurrencyStamp = noted.ConcurrencyStamp }));

        var (revisions, counter) = await app.AsUserAsync("金昌", "clerk", async sp =>
        {
            var history = sp.GetRequiredService<IRepository<EntryValueHistory>>();
            var rows = await history.ToListAsync(history.Query().Where(h => h.EntryLineId == lineId).OrderBy(h => h.Revision).Select(h => h.Revision));
            return (rows, (await sp.GetRequiredService<IRepository<EntryLine>>().GetAsync(lineId)).Revision);
        });
        revisions.ShouldBe([1, 2, 3, 4]);
        counter.ShouldBe(4);
        var shown = await app.DataEntryAsync("金昌", "clerk", e => e.GetHistoryAsync(lineId));
        shown.Select(h => h.NewValue.Number).ShouldBe([80m, winner.Value.Number, 90m, 90m]);
    }

    [Fact]
    public async Task Should_Number_The_Revisions_Of_Every_Writer_From_The_Line_Counter_Alone()
    {
        var period = await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(5));
        var saved = await app.DataEntryAsync("天水", "clerk", e => e.SaveAsync(period.Id, "B04", Number(80)));
        var lineId = saved.Id!.Value;
        await app.DataEntryAsync("天水", "clerk", e => e.UploadXlsxAsync(period.Id, new MemoryStream(EntryWorkbooks.With(("B04", "E", "88")))));
        await app.DataEntryAsync("天水", "admin", e => e.SubmitAsync(period.Id));
        var tianshui = await app.TenantIdAsync("天水");
        await app.ReviewAsync(r => r.AdjustLineAsync(lineId, new AdjustLineInput { Score = 1, Reason = "核减" }));
        await app.ReviewAsync(r => r.ClearAdjustmentAsync(lineId, new ClearAdjustmentInput { Reason = "复核后恢复" }));

        // Grid save, upload, adjustment and its clearing: one numbering, kept on the line, with no gap and no repeat.
        var (revisions, counter) = await app.AsUserAsync("天水", "clerk", async sp =>
        {
            var history = sp.GetRequiredService<IRepository<EntryValueHistory>>();
            var rows = await history.ToListAsync(history.Query().Where(h => h.EntryLineId == lineId).OrderBy(h => h.Revision).Select(h => h.Revision));
            return (rows, (await sp.GetRequiredService<IRepository<EntryLine>>().GetAsync(lineId)).Revision);
        });
        revisions.ShouldBe([1, 2, 3, 4]);
        counter.ShouldBe(4);
        var shown = await app.DataEntryAsync("天水", "clerk", e => e.GetHistoryAsync(lineId));
        shown.Select(h => h.NewValue.Number).ShouldBe([80m, 88m, 88m, 88m]);
        (await app.ReviewAsync(r => r.GetCitySheetAsync(period.Id, tianshui))).Lines.Single(l => l.IndicatorCode == "B04").Id.ShouldBe(lineId);
    }
}

public sealed class EntryRevisions_Sqlite_Tests(SqliteTestApplication app) : EntryRevisions_Tests<SqliteTestApplication>(app);

public sealed class EntryRevisions_MySql_Tests(MySqlTestApplication app) : EntryRevisions_Tests<MySqlTestApplication>(app);
