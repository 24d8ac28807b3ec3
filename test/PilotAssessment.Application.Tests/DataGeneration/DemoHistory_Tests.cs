using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.DataEntry;
using PilotAssessment.EntityFrameworkCore;
using PilotAssessment.Periods;
using PilotAssessment.Results;
using PilotAssessment.Reviews;
using PilotAssessment.Seeding;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataGeneration;

/// <summary>The run command's demo history: two published half-years of the sample scheme, no open period, the same after a second seeding.</summary>
public abstract class DemoHistory_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    [Fact]
    public async Task Should_Seed_Two_Published_Ranked_Half_Years_Once()
    {
        var watch = Stopwatch.StartNew();
        await SeedAsync();
        watch.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(30)); // a few seconds on an idle machine; run.sh starts with it
        var first = await SnapshotAsync();

        await SeedAsync();

        (await SnapshotAsync()).ShouldBe(first);
        await app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<PilotAssessmentDbContext>();
            var periods = await db.Set<AssessmentPeriod>().OrderBy(p => p.Number).ToListAsync();
            periods.Select(p => p.Name).ShouldBe(["2025年上半年", "2025年下半年"]);
            periods.ShouldAllBe(p => p.Status == PeriodStatus.Published && p.Kind == PeriodKind.HalfYear);
            var sheets = await db.Set<ScoreSheetRecord>().IgnoreQueryFilters().ToListAsync();
            sheets.Count.ShouldBe(10);
            foreach (var period in periods)
            {
                var own = sheets.Where(s => s.PeriodId == period.Id).ToList();
                own.Select(s => s.TenantId).Distinct().Count().ShouldBe(5);
                own.Select(s => s.Total).Distinct().Count().ShouldBeGreaterThan(2);
                own.Min(s => s.Rank).ShouldBe(1);
            }

            // Year-on-year, province-average and rank-change lines find their reference: 上年同期值 entered in the
            // first half-year, the first half-year's figures in the second.
            var referenceLines = await db.Set<ScoreSheetLineRecord>().IgnoreQueryFilters()
                .Where(l => l.IndicatorCode == "B01" || l.IndicatorCode == "C01" || l.IndicatorCode == "B03" || l.IndicatorCode == "I04").ToListAsync();
            referenceLines.Count.ShouldBe(4 * 10);
            referenceLines.ShouldAllBe(l => l.Status == Schemes.LineStatus.Scored);

            // The second half-year shows the change since the first.
            sheets.Where(s => s.PeriodId == periods[1].Id).ShouldAllBe(s => s.PreviousTotal != null);
            var submissions = await db.Set<CitySubmission>().IgnoreQueryFilters().ToListAsync();
            submissions.Count.ShouldBe(10);
            submissions.ShouldAllBe(s => s.Status == SubmissionStatus.Approved && s.SelfTotal != null);
            (await db.Set<EntryLine>().IgnoreQueryFilters().CountAsync(l => l.SelfScore == null)).ShouldBe(0);
        });
    }

    private Task SeedAsync() => app.WithScopeAsync(sp => sp.GetRequiredService<DbMigrationService>().MigrateAndSeedAsync(new DataSeedContext { IncludeDemoHistory = true }));

    private Task<List<string>> SnapshotAsync() => app.WithScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<PilotAssessmentDbContext>();
        return new List<string>
        {
            "Periods:" + string.Join(",", (await db.Set<AssessmentPeriod>().ToListAsync()).OrderBy(p => p.Id).Select(p => $"{p.Id}/{p.Name}/{p.Status}")),
            "Lines:" + string.Join(",", (await db.Set<EntryLine>().IgnoreQueryFilters().ToListAsync()).OrderBy(l => l.Id).Select(l => $"{l.Id}/{l.ValueJson}/{l.SelfScore}")),
            "Sheets:" + string.Join(",", (await db.Set<ScoreSheetRecord>().IgnoreQueryFilters().ToListAsync()).OrderBy(s => s.Id).Select(s => $"{s.Id}/{s.Total}/{s.Rank}")),
            "Submissions:" + await db.Set<CitySubmission>().IgnoreQueryFilters().CountAsync(),
        };
    });
}

public sealed class DemoHistory_Sqlite_Tests(SqliteTestApplication app) : DemoHistory_Tests<SqliteTestApplication>(app);

public sealed class DemoHistory_MySql_Tests(MySqlTestApplication app) : DemoHistory_Tests<MySqlTestApplication>(app);
