using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.DataEntry;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;
using static PilotAssessment.Periods.PeriodTestHelpers;

namespace PilotAssessment.Results;

/// <summary>Monitoring figures and warnings, trends over published periods and the change against the previous period.</summary>
public abstract class ResultMonitoring_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    // Each test uses its own period kind: "previous period" is the previous published one of the same kind.
    private static int _year = 2085;

    [Fact]
    public async Task Should_Give_Live_Figures_And_Warnings_Then_The_Published_Sheet()
    {
        var period = await CreatePeriodAsync(PeriodKind.Annual, Interlocked.Increment(ref _year), 1);
        var jiuquan = await app.TenantIdAsync("酒泉");
        var e02 = await app.DataEntryAsync("酒泉", "clerk", async e =>
        {
            await e.SaveAsync(period.Id, "E01", Number(95)); // 4 of 4: green
            await e.SaveAsync(period.Id, "G01", Number(75)); // 2.25 of 3 = 75 %: orange
            return await e.SaveAsync(period.Id, "E02", Number(50)); // 0 of 4: red
        });

        var rows = await MonitoringAsync(null, "official", period.Id);

        rows.Count.ShouldBe(5);
        var row = rows.Single(r => r.CityId == jiuquan);
        (row.Source, row.SheetVersion, row.CityName).ShouldBe((MonitoringSources.Self, (int?)null, "酒泉市"));
        (row.Total, row.MaxPoints, row.Percent).ShouldBe((6.25m, 100m, 6.25m));
        (row.Grade, row.Colour).ShouldBe(("不合格", "红"));
        row.Categories.Select(c => c.Code).ShouldBe(["A", "B", "C", "D", "E", "F", "G", "H", "I"]);
        var e = row.Categories.Single(c => c.Code == "E");
        (e.Name, e.Points, e.MaxPoints, e.Percent, e.Colour).ShouldBe(("便民服务", 4m, 8m, 50m, "红"));

        // Only what was reported warns: categories E and G, lines E02 (red) and G01 (orange); E01 is green.
        row.Warnings.Select(w => (w.Scope, w.Code, w.Level, w.Colour, w.Percent)).ShouldBe(
        [
            ("Category", "E", "Red", "红", 50m),
            ("Category", "G", "Red", "红", 28.13m),
            ("Line", "E02", "Red", "红", 0m),
            ("Line", "G01", "Orange", "橙", 75m),
        ]);
        row.Warnings.Single(w => w.Code == "E02").Name.ShouldBe("政务服务事项网上可办率");

        // Cities that entered nothing have no colour and no warnings.
        rows.Where(r => r.CityId != jiuquan).ShouldAllBe(r => r.Source == MonitoringSources.None && r.Colour == null && r.Warnings.Count == 0 && r.Total == 0m);

        // Submitted and adjusted: the auditor's score counts at once.
        await app.DataEntryAsync("酒泉", "admin", x => x.SubmitAsync(period.Id));
        await app.ReviewAsync(r => r.AdjustLineAsync(e02.Id!.Value, new AdjustLineInput { Score = 2, Reason = "补充材料后认定" }));
        row = (await MonitoringAsync(null, "auditor", period.Id)).Single(r => r.CityId == jiuquan);
        (row.Source, row.Total).ShouldBe((MonitoringSources.Review, 8.25m));
        row.Warnings.Single(w => w.Code == "E02").Level.ShouldBe("Red"); // 2 of 4 = 50 %
        row.Warnings.Single(w => w.Code == "E").Level.ShouldBe("Orange"); // 6 of 8 = 75 %
        await app.ReviewAsync(r => r.ApproveAsync(period.Id, jiuquan));

        var ranking = await app.PublishAllAsync(period.Id);
        row = (await MonitoringAsync(null, "official", period.Id)).Single(r => r.CityId == jiuquan);
        var sheet = ranking.Single(r => r.CityId == jiuquan);
        (row.Source, row.SheetVersion, row.Total, row.Grade, row.Colour).ShouldBe((MonitoringSources.Published, (int?)1, sheet.Total!.Value, sheet.Grade, sheet.Colour));

        // A published sheet is final: unreported lines are zeros and warn too; every category is below 70 %.
        row.Warnings.Count(w => w.Scope == "Category").ShouldBe(9);
        row.Warnings.Where(w => w.Scope == "Line").Select(w => w.Code).ShouldNotContain("E01");
        row.Warnings.Single(w => w.Code == "G01").Level.ShouldBe("Orange");
        row.Warnings.Count(w => w.Scope == "Line").ShouldBe(29);

        // A city sees its own row only.
        var own = await MonitoringAsync("酒泉", "admin", period.Id);
        own.Single().CityId.ShouldBe(jiuquan);
        own.Single().Source.ShouldBe(MonitoringSources.Published);
        (await MonitoringAsync("兰州", "admin", period.Id)).Single().CityId.ShouldBe(await app.TenantIdAsync("兰州"));
        await Should.ThrowAsync<EntityNotFoundException>(() => MonitoringAsync(null, "official", Guid.NewGuid()));
    }

    [Fact]
    public async Task Should_Give_Trends_Of_Every_Published_Period_With_Ranks_And_Only_The_Own_City_To_A_City()
    {
        var year = Interlocked.Increment(ref _year);
        var first = await CreatePeriodAsync(PeriodKind.Quarterly, year, 1);
        var second = await CreatePeriodAsync(PeriodKind.Quarterly, year, 2);
        var unpublished = await CreatePeriodAsync(PeriodKind.Quarterly, year, 3);
        var lanzhou = await app.TenantIdAsync("兰州");
        var tianshui = await app.TenantIdAsync("天水");
        await app.DataEntryAsync("兰州", "clerk", e => e.SaveAsync(first.Id, "B04", Number(95)));
        await app.DataEntryAsync("天水", "clerk", e => e.SaveAsync(first.Id, "B04", Number(90)));
        await app.DataEntryAsync("兰州", "clerk", e => e.SaveAsync(second.Id, "B04", Number(75)));
        await app.DataEntryAsync("天水", "clerk", e => e.SaveAsync(second.Id, "B04", Number(96)));
        await app.DataEntryAsync("天水", "clerk", e => e.SaveAsync(unpublished.Id, "B04", Number(96)));
        // Published out of order: trends follow the periods, not the publishing.
        await app.ApproveEveryCityAsync(first.Id);
        await app.ApproveEveryCityAsync(second.Id);
        await app.PublishAllAsync(second.Id);
        await app.PublishAllAsync(first.Id);
        var mine = new[] { first.Id, second.Id, unpublished.Id };

        var points = (await TrendsAsync(null, "official", first.SchemeId)).Where(p => mine.Contains(p.PeriodId)).ToList();

        points.Count.ShouldBe(10);
        points.Take(5).ShouldAllBe(p => p.PeriodId == first.Id);
        points.Skip(5).ShouldAllBe(p => p.PeriodId == second.Id);
        var l1 = points.Single(p => p.PeriodId == first.Id && p.CityId == lanzhou);
        (l1.Total, l1.Rank, l1.Kind, l1.Year, l1.Number, l1.CityName, l1.PeriodName).ShouldBe((3m, 1, "Quarterly", year, 1, "兰州市", first.Name));
        l1.Percent.ShouldBe(3m);
        l1.Grade.ShouldBe("不合格");
        l1.Colour.ShouldBe("红");
        points.Single(p => p.PeriodId == first.Id && p.CityId == tianshui).Rank.ShouldBe(2);
        points.Where(p => p.PeriodId == first.Id && p.CityId != lanzhou && p.CityId != tianshui).ShouldAllBe(p => p.Rank == 3 && p.Total == 0m);
        points.Single(p => p.PeriodId == second.Id && p.CityId == tianshui).Rank.ShouldBe(1);
        points.Single(p => p.PeriodId == second.Id && p.CityId == lanzhou).ShouldSatisfyAllConditions(p => p.Rank.ShouldBe(2), p => p.Total.ShouldBe(1m));

        // A retroactive veto replaces the city's point by its current version.
        await app.ResultsAsync(null, "official", r => r.ApplyRetroactiveVetoAsync(second.Id, tianshui, new RetroactiveVetoInput { VetoCode = "V4", Reason = "重大群体性事件" }));
        var after = (await TrendsAsync(null, "official", first.SchemeId)).Where(p => p.PeriodId == second.Id).ToList();
        after.Single(p => p.CityId == tianshui).ShouldSatisfyAllConditions(p => p.Total.ShouldBe(0m), p => p.Rank.ShouldBe(2));
        after.Single(p => p.CityId == lanzhou).Rank.ShouldBe(1);

        // A city gets only its own points, ranked among all cities.
        var own = (await TrendsAsync("天水", "clerk", first.SchemeId)).Where(p => mine.Contains(p.PeriodId)).ToList();
        own.Select(p => (p.PeriodId, p.CityId, p.Rank)).ShouldBe([(first.Id, tianshui, 2), (second.Id, tianshui, 2)]);
        (await TrendsAsync("天水", "clerk", first.SchemeId)).ShouldAllBe(p => p.CityId == tianshui);
        await Should.ThrowAsync<EntityNotFoundException>(() => TrendsAsync(null, "official", Guid.NewGuid()));
    }

    [Fact]
    public async Task Should_Show_The_Change_Against_The_Previous_Published_Period_Of_The_Same_Kind()
    {
        var year = Interlocked.Increment(ref _year);
        var first = await CreatePeriodAsync(PeriodKind.HalfYear, year, 1);
        var second = await CreatePeriodAsync(PeriodKind.HalfYear, year, 2);
        var zhangye = await app.TenantIdAsync("张掖");
        await app.DataEntryAsync("张掖", "clerk", e => e.SaveAsync(first.Id, "B04", Number(80))); // 1
        var f01 = await app.DataEntryAsync("张掖", "clerk", async e =>
        {
            await e.SaveAsync(second.Id, "B04", Number(96)); // 3
            return await e.SaveAsync(second.Id, "F01", new EntryValueDto { Grade = "良" }); // 3.2
        });
        await app.DataEntryAsync("张掖", "clerk", e => e.UploadEvidenceAsync(f01.Id!.Value, "评定.pdf", new MemoryStream(PeriodTestHelpers.Pdf), PeriodTestHelpers.Pdf.Length));

        await app.ApproveEveryCityAsync(first.Id);
        await app.ApproveEveryCityAsync(second.Id);
        var firstRanking = await app.PublishAllAsync(first.Id);
        var secondRanking = await app.PublishAllAsync(second.Id);

        var firstSheet = await app.ResultsAsync("张掖", "clerk", r => r.GetMySheetAsync(first.Id, null));
        (firstSheet.Total, firstSheet.PreviousTotal, firstSheet.Change).ShouldBe((1m, (decimal?)null, (decimal?)null));
        firstRanking.ShouldAllBe(r => r.Change == null);
        var secondSheet = await app.ResultsAsync("张掖", "clerk", r => r.GetMySheetAsync(second.Id, null));
        (secondSheet.Total, secondSheet.PreviousTotal, secondSheet.Change).ShouldBe((6.2m, (decimal?)1m, (decimal?)5.2m));
        secondRanking.Single(r => r.CityId == zhangye).Change.ShouldBe(5.2m);
        secondRanking.Where(r => r.CityId != zhangye).ShouldAllBe(r => r.Change == 0m);

        // A new version after a veto keeps the previous period's total and shows the change it makes.
        var vetoed = await app.ResultsAsync(null, "official", r => r.ApplyRetroactiveVetoAsync(second.Id, zhangye, new RetroactiveVetoInput { VetoCode = "V4", Reason = "重大群体性事件" }));
        (vetoed.Version, vetoed.Total, vetoed.PreviousTotal, vetoed.Change).ShouldBe((2, 0m, (decimal?)1m, (decimal?)-1m));
    }

    private Task<List<CityMonitoringDto>> MonitoringAsync(string? city, string user, Guid periodId) =>
        app.AsUserAsync(city, user, sp => sp.GetRequiredService<IResultMonitoringAppService>().GetMonitoringAsync(periodId));

    private Task<List<TrendPointDto>> TrendsAsync(string? city, string user, Guid schemeId) =>
        app.AsUserAsync(city, user, sp => sp.GetRequiredService<IResultMonitoringAppService>().GetTrendsAsync(schemeId));

    private Task<PeriodDto> CreatePeriodAsync(PeriodKind kind, int year, int number)
    {
        var now = app.Clock.GetUtcNow().UtcDateTime;
        return app.AsUserAsync(null, "official", async sp =>
        {
            var schemes = sp.GetRequiredService<IRepository<Scheme>>();
            var scheme = (await schemes.ToListAsync(schemes.Query().Where(s => s.Status == SchemeStatus.Published).OrderBy(s => s.CreationTime))).First();
            var periods = sp.GetRequiredService<IPeriodAppService>();
            var period = await periods.CreateAsync(new CreatePeriodInput
            {
                SchemeId = scheme.Id,
                Kind = kind,
                Year = year,
                Number = number,
                EntryOpensAt = ProvinceTime.ToLocal(now.AddMinutes(-1)),
                EntryClosesAt = ProvinceTime.ToLocal(now.AddDays(10)),
            });
            return await periods.OpenAsync(period.Id);
        });
    }
}

public sealed class ResultMonitoring_Sqlite_Tests(SqliteTestApplication app) : ResultMonitoring_Tests<SqliteTestApplication>(app);

public sealed class ResultMonitoring_MySql_Tests(MySqlTestApplication app) : ResultMonitoring_Tests<MySqlTestApplication>(app);
