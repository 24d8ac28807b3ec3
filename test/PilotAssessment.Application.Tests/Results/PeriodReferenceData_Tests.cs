using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Scoring;
using Shouldly;
using Xunit;
using static PilotAssessment.Periods.PeriodTestHelpers;

namespace PilotAssessment.Results;

/// <summary>
/// Period scoring with reference data: the province average of the period, the city's numbers of the previous
/// period of the same kind, or the 上年同期值 the city entered. Each test uses its own cities, so the previous period
/// another test created never holds a number for the line under test.
/// </summary>
public abstract class PeriodReferenceData_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    private static int _year = 2200;

    [Fact]
    public async Task Should_Score_Against_The_Mean_Of_The_Other_Submitted_Cities_That_Reported_The_Line()
    {
        var period = await CreatePeriodAsync(Interlocked.Increment(ref _year), 1);
        await app.DataEntryAsync("兰州", "clerk", e => e.SaveAsync(period.Id, "B03", Number(2.0m)));
        foreach (var (city, number) in new[] { ("天水", 3.2m), ("酒泉", 3.0m), ("张掖", 4.0m) })
        {
            await app.DataEntryAsync(city, "clerk", e => e.SaveAsync(period.Id, "B03", Number(number)));
            await app.DataEntryAsync(city, "admin", e => e.SubmitAsync(period.Id));
        }

        await app.DataEntryAsync("金昌", "clerk", e => e.SaveAsync(period.Id, "E01", Number(95))); // no B03: not in the average
        await app.DataEntryAsync("金昌", "admin", e => e.SubmitAsync(period.Id));

        var lanzhou = await LineAsync(period.Id, "兰州", "B03");
        var tianshui = await LineAsync(period.Id, "天水", "B03");

        // 兰州 (a draft, not counted itself) against the three submitted cities: 3.4 ‰, 2.0 is not above it (3 points).
        (lanzhou.Status, lanzhou.Points).ShouldBe((LineStatus.Scored, 3m));
        lanzhou.Explanation.ZhHans!.ShouldContain("全省平均3.4");

        // 天水 is compared with the others only: two submitted cities are not enough, so no figure is given away.
        (tianshui.Status, tianshui.Points).ShouldBe((LineStatus.Error, 0m));
        tianshui.Explanation.ZhHans.ShouldBe("暂无全省平均参考值：提交的其他城市不足 3 个，暂不计分");
        tianshui.Explanation.En.ShouldBe("No province average yet: fewer than 3 other cities have submitted, not scored yet");

        var sheet = await app.DataEntryAsync("兰州", "clerk", e => e.GetSheetAsync(period.Id));
        var line = sheet.Lines.Single(l => l.IndicatorCode == "B03");
        (line.ReferenceValue, line.ReferenceSource).ShouldBe((3.4m, ReferenceSources.ProvinceAverage));
    }

    [Fact]
    public async Task Should_Score_Year_On_Year_And_Rank_Change_From_The_Same_Period_Of_The_Year_Before()
    {
        var year = Interlocked.Add(ref _year, 2);
        var first = await CreatePeriodAsync(year - 1, 1);
        await app.DataEntryAsync("张掖", "clerk", async e =>
        {
            await e.SaveAsync(first.Id, "B01", new EntryValueDto { Number = 50, LastYearNumber = 49 });
            await e.SaveAsync(first.Id, "C01", new EntryValueDto { Number = 10, LastYearNumber = 10 });
            return await e.SaveAsync(first.Id, "I04", new EntryValueDto { Number = 3, LastYearNumber = 3 });
        });
        await ApproveAsync(first.Id, "张掖"); // the previous period's figures are its approved values
        var second = await CreatePeriodAsync(year, 1);
        var savedB01 = await app.DataEntryAsync("张掖", "clerk", async e =>
        {
            var b01 = await e.SaveAsync(second.Id, "B01", Number(51));
            await e.SaveAsync(second.Id, "C01", Number(10));
            await e.SaveAsync(second.Id, "I04", Number(5));
            return b01;
        });

        // The save answers with the previous period's figure it read with the line's quality history.
        (savedB01.ReferenceValue, savedB01.ReferenceSource).ShouldBe((50m, ReferenceSources.PreviousPeriod));

        var sheet = await ScoreAsync(second.Id, "张掖");

        // B01 +2 %: 0.5 per point off 5 → 4. C01 unchanged → its "flat" 4. I04 3rd → 5th, dropped 2 (within 4) → 1.5.
        Points(sheet, "B01").ShouldBe((LineStatus.Scored, 4m));
        Points(sheet, "C01").ShouldBe((LineStatus.Scored, 4m));
        Points(sheet, "I04").ShouldBe((LineStatus.Scored, 1.5m));
        sheet.Lines.ShouldAllBe(l => !l.Explanation.ZhHans!.Contains("本市填报"));
        sheet.Lines.Single(l => l.IndicatorCode == "I04").Explanation.ZhHans!.ShouldContain("上年第3名");

        var entry = await app.DataEntryAsync("张掖", "clerk", e => e.GetSheetAsync(second.Id));
        var b01 = entry.Lines.Single(l => l.IndicatorCode == "B01");
        (b01.ReferenceValue, b01.ReferenceSource).ShouldBe((50m, ReferenceSources.PreviousPeriod));
    }

    [Fact]
    public async Task Should_Score_Year_On_Year_From_The_Entered_Last_Year_Number_When_There_Is_No_Previous_Period_Value()
    {
        var period = await CreatePeriodAsync(Interlocked.Increment(ref _year), 1);
        var saved = await app.DataEntryAsync("金昌", "clerk", async e =>
        {
            await e.SaveAsync(period.Id, "B01", new EntryValueDto { Number = 40, LastYearNumber = 50 });
            return await e.SaveAsync(period.Id, "C01", new EntryValueDto { Number = 10.5m, LastYearNumber = 10 });
        });
        saved.Value.LastYearNumber.ShouldBe(10m);
        (saved.ReferenceValue, saved.ReferenceSource).ShouldBe((10m, ReferenceSources.Entered));

        var sheet = await ScoreAsync(period.Id, "金昌");

        // B01 −20 % → 5 (improved). C01 +5 % → 4 − 2.5 = 1.5.
        Points(sheet, "B01").ShouldBe((LineStatus.Scored, 5m));
        Points(sheet, "C01").ShouldBe((LineStatus.Scored, 1.5m));
        sheet.Lines.Single(l => l.IndicatorCode == "B01").Explanation.ZhHans!.ShouldContain("上年50");
        sheet.Lines.Single(l => l.IndicatorCode == "B01").Explanation.ZhHans!.ShouldEndWith("（上年同期值为本市填报）");

        // The workbook has no 上年同期值 column: downloading and uploading it again keeps the entered figure.
        var template = await app.DataEntryAsync("金昌", "clerk", e => e.DownloadTemplateAsync(period.Id));
        var again = await app.DataEntryAsync("金昌", "clerk", e => e.UploadXlsxAsync(period.Id, new MemoryStream(template.Content)));
        again.Lines.Single(l => l.IndicatorCode == "C01").Value.LastYearNumber.ShouldBe(10m);
        Points(await ScoreAsync(period.Id, "金昌"), "C01").ShouldBe((LineStatus.Scored, 1.5m));
    }

    [Fact]
    public async Task Should_Refuse_A_Negative_Last_Year_Number_Beside_Its_Field()
    {
        var period = await CreatePeriodAsync(Interlocked.Increment(ref _year), 1);
        var error = await Should.ThrowAsync<ExceptionHandling.BusinessException>(() =>
            app.DataEntryAsync("金昌", "clerk", e => e.SaveAsync(period.Id, "B03", new EntryValueDto { Number = 1, LastYearNumber = -1 })));
        error.Errors.Keys.ShouldContain("value.lastYearNumber");
    }

    [Fact]
    public async Task Should_Still_Explain_The_Missing_Last_Year_Value_When_There_Is_None()
    {
        var period = await CreatePeriodAsync(Interlocked.Increment(ref _year), 1);
        await app.DataEntryAsync("酒泉", "clerk", e => e.SaveAsync(period.Id, "B01", Number(40)));

        var sheet = await ScoreAsync(period.Id, "酒泉");

        var line = sheet.Lines.Single(l => l.IndicatorCode == "B01");
        (line.Status, line.Points).ShouldBe((LineStatus.Error, 0m));
        line.Explanation.ZhHans!.ShouldContain("缺少上年数据");
        var entry = await app.DataEntryAsync("酒泉", "clerk", e => e.GetSheetAsync(period.Id));
        var b01 = entry.Lines.Single(l => l.IndicatorCode == "B01");
        (b01.ReferenceValue, b01.ReferenceSource).ShouldBe((null, null));
    }

    [Fact]
    public async Task Should_Not_Compare_With_A_Previous_Period_Sheet_That_Is_Not_Approved()
    {
        var year = Interlocked.Add(ref _year, 2);
        var first = await CreatePeriodAsync(year - 1, 1);
        await app.DataEntryAsync("酒泉", "clerk", e => e.SaveAsync(first.Id, "B01", new EntryValueDto { Number = 50, LastYearNumber = 49 }));
        var second = await CreatePeriodAsync(year, 1);
        var unapproved = await app.DataEntryAsync("酒泉", "clerk", e => e.SaveAsync(second.Id, "B01", Number(51)));
        (unapproved.ReferenceValue, unapproved.ReferenceSource).ShouldBe((null, null));

        // A draft (or a sheet only submitted) of the previous period is no reference figure: nothing to compare with yet.
        await app.DataEntryAsync("酒泉", "admin", e => e.SubmitAsync(first.Id));
        Points(await ScoreAsync(second.Id, "酒泉"), "B01").ShouldBe((LineStatus.Error, 0m));
        var draft = (await app.DataEntryAsync("酒泉", "clerk", e => e.GetSheetAsync(second.Id))).Lines.Single(l => l.IndicatorCode == "B01");
        (draft.ReferenceValue, draft.ReferenceSource).ShouldBe((null, null));

        var jiuquan = await app.TenantIdAsync("酒泉");
        await app.ReviewAsync(r => r.ApproveAsync(first.Id, jiuquan));
        Points(await ScoreAsync(second.Id, "酒泉"), "B01").ShouldBe((LineStatus.Scored, 4m));
        var approved = (await app.DataEntryAsync("酒泉", "clerk", e => e.GetSheetAsync(second.Id))).Lines.Single(l => l.IndicatorCode == "B01");
        (approved.ReferenceValue, approved.ReferenceSource).ShouldBe((50m, ReferenceSources.PreviousPeriod));
        var saved = await app.DataEntryAsync("酒泉", "clerk", e => e.SaveAsync(second.Id, "B01", Number(52), approved.ConcurrencyStamp));
        (saved.ReferenceValue, saved.ReferenceSource).ShouldBe((50m, ReferenceSources.PreviousPeriod));
    }

    private async Task ApproveAsync(Guid periodId, string city)
    {
        await app.DataEntryAsync(city, "admin", e => e.SubmitAsync(periodId));
        var cityId = await app.TenantIdAsync(city);
        await app.ReviewAsync(r => r.ApproveAsync(periodId, cityId));
    }

    private static (LineStatus, decimal) Points(ScoreSheet sheet, string code)
    {
        var line = sheet.Lines.Single(l => l.IndicatorCode == code);
        return (line.Status, line.Points);
    }

    private async Task<ScoreLine> LineAsync(Guid periodId, string city, string code) =>
        (await ScoreAsync(periodId, city)).Lines.Single(l => l.IndicatorCode == code);

    /// <summary>The period scoring every path uses (self score, review, monitoring, publishing).</summary>
    private async Task<ScoreSheet> ScoreAsync(Guid periodId, string city)
    {
        var cityId = await app.TenantIdAsync(city);
        return await app.AsUserAsync(null, "official", async sp =>
        {
            var period = await sp.GetRequiredService<IRepository<AssessmentPeriod>>().GetAsync(periodId);
            var scores = await sp.GetRequiredService<PeriodRecomputeService>().ScoreAsync(period, [cityId], withAuditorScores: true);
            return scores.Sheets.Single().Sheet;
        });
    }

    private Task<PeriodDto> CreatePeriodAsync(int year, int number)
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
                Kind = PeriodKind.HalfYear,
                Year = year,
                Number = number,
                EntryOpensAt = ProvinceTime.ToLocal(now.AddMinutes(-1)),
                EntryClosesAt = ProvinceTime.ToLocal(now.AddDays(10)),
            });
            return await periods.OpenAsync(period.Id);
        });
    }
}

public sealed class PeriodReferenceData_Sqlite_Tests(SqliteTestApplication app) : PeriodReferenceData_Tests<SqliteTestApplication>(app);

public sealed class PeriodReferenceData_MySql_Tests(MySqlTestApplication app) : PeriodReferenceData_Tests<MySqlTestApplication>(app);
