using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Excel;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Results;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.SampleData;
using PilotAssessment.Schemes.Validation;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataEntry;

/// <summary>
/// The bulk-entry workbook for every entered rule kind: typed and flagged occurrences, line flags and survey rates
/// besides numbers, counts, grades and checklists; per-cell errors and nothing saved when any cell is wrong.
/// </summary>
public abstract class EntryXlsx_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    private static int _year = 2060;

    [Fact]
    public async Task Should_Enter_Typed_Occurrences_Flags_And_Survey_Rates_And_Give_Them_Back_In_The_Template()
    {
        var period = await CreatePeriodOfTestSchemeAsync();
        var upload = EntryWorkbooks.With(
            ("A03", "J", "到省:1|capital:1:major_event_period"), // by name or key; the second one doubled
            ("C03", "F", "1"),
            ("C03", "K", "major_event_period"), // the whole line doubled
            ("I02", "L", "知晓率:80|satisfaction:100"),
            ("A01", "J", ":1")); // an occurrence without a type

        var sheet = await app.DataEntryAsync("酒泉", "clerk", e => e.UploadXlsxAsync(period.Id, new MemoryStream(upload)));

        var a03 = sheet.Lines.Single(l => l.IndicatorCode == "A03").Value;
        a03.Occurrences!.Select(o => (o.Type, o.Count, o.Flags?.Single())).ShouldBe([("province", 1, null), ("capital", 1, "major_event_period")]);
        var c03 = sheet.Lines.Single(l => l.IndicatorCode == "C03").Value;
        (c03.Occurrences!.Single().Count, c03.Flags!.Single()).ShouldBe((1, "major_event_period"));
        sheet.Lines.Single(l => l.IndicatorCode == "I02").Value.SurveyRates.ShouldBe(new Dictionary<string, decimal> { ["awareness"] = 80m, ["satisfaction"] = 100m });
        sheet.Lines.Single(l => l.IndicatorCode == "A01").Value.Occurrences!.Single().ShouldSatisfyAllConditions(o => o.Type.ShouldBeNull(), o => o.Count.ShouldBe(1));

        // Scored as entered: A03 3 − 1 − 3×2 → 0; C03 3 − 1.5×2 = 0; I02 composite 90 % of full-at 90 → 2; A01 4 − 2 = 2.
        var points = await PointsAsync(period, "酒泉");
        (points["A03"], points["C03"], points["I02"], points["A01"]).ShouldBe((0m, 0m, 2m, 2m));

        // The template gives back what was entered, and uploading it again changes nothing.
        var template = await app.DataEntryAsync("酒泉", "clerk", e => e.DownloadTemplateAsync(period.Id));
        var rows = EntryXlsx.Read(new MemoryStream(template.Content)).ToDictionary(r => r.Cells["A"], r => r.Cells);
        rows["A03"]["J"].ShouldBe("到省:1|到京:1:重大活动安保期间"); // names, never keys
        rows["A03"].ShouldNotContainKey("F");
        (rows["C03"]["F"], rows["C03"]["K"]).ShouldBe(("1", "重大活动安保期间"));
        rows["I02"]["L"].ShouldBe("知晓率:80|满意度:100");
        var again = await app.DataEntryAsync("酒泉", "clerk", e => e.UploadXlsxAsync(period.Id, new MemoryStream(template.Content)));
        again.Lines.Single(l => l.IndicatorCode == "A03").Value.Occurrences!.Count.ShouldBe(2);
        (await PointsAsync(period, "酒泉")).ShouldBe(points);
    }

    [Fact]
    public async Task Should_Name_Every_Wrong_Cell_And_Save_Nothing()
    {
        var period = await CreatePeriodOfTestSchemeAsync();
        await app.DataEntryAsync("天水", "clerk", e => e.SaveAsync(period.Id, "B04", PeriodTestHelpers.Number(90)));
        var upload = EntryWorkbooks.With(
            ("B04", "E", "70"), // valid, but not saved because of the others
            ("A03", "J", "到省:x"),
            ("C03", "J", "1:1"),
            ("I02", "L", "knowledge:80"),
            ("B01", "L", "a:1"),
            ("A01", "K", "rain"),
            ("D02", "J", "到省:1:rain"),
            ("H01", "L", "x"));
        upload = WorkbookEditor.SetCell(upload, "填报", "F4", "2"); // C03 also has a plain count

        var invalid = await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("天水", "clerk", e => e.UploadXlsxAsync(period.Id, new MemoryStream(upload))));

        invalid.Code.ShouldBe(DataEntryErrorCodes.XlsxInvalid);
        invalid.Errors.Keys.Order().ShouldBe(["J3", "J4", "J8", "K7", "L5", "L6", "L9"]);
        invalid.Errors["J3"].AsText().ShouldBe([$"{DataEntryErrorCodes.XlsxOccurrenceFormat}|到省:x"]);
        invalid.Errors["J4"].AsText().ShouldBe([DataEntryErrorCodes.XlsxCountTwice]);
        invalid.Errors["L5"].AsText().ShouldBe([$"{DataEntryErrorCodes.UnknownSurveyComponent}|knowledge"]);
        invalid.Errors["L6"].AsText().ShouldBe([$"{DataEntryErrorCodes.XlsxColumnNotForRule}|RuleKind:yoy_change"]);
        invalid.Errors["K7"].AsText().ShouldBe([$"{DataEntryErrorCodes.UnknownFlag}|rain|"]);
        invalid.Errors["J8"].AsText().ShouldBe([$"{DataEntryErrorCodes.UnknownFlag}|rain|"]); // D02 has types but doubles nothing
        invalid.Errors["L9"].AsText().ShouldBe([$"{DataEntryErrorCodes.XlsxColumnNotForRule}|RuleKind:ratio_to_target"]);
        (await app.DataEntryAsync("天水", "clerk", e => e.GetSheetAsync(period.Id))).Lines.Single(l => l.IndicatorCode == "B04").Value.Number.ShouldBe(90m);

        // A survey rate out of range and an unknown occurrence type are the validator's errors, placed on their cells.
        var range = EntryWorkbooks.With(("I02", "L", "awareness:120|satisfaction:90"), ("A03", "J", "到县:1"));
        var outOfRange = await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("天水", "clerk", e => e.UploadXlsxAsync(period.Id, new MemoryStream(range))));
        outOfRange.Errors["L2"].AsText().ShouldBe([$"{DataEntryErrorCodes.PercentOutOfRange}|0|100"]);
        outOfRange.Errors["J3"].AsText().ShouldBe([$"{DataEntryErrorCodes.UnknownOccurrenceType}|到县|到省/到京"]);
    }

    [Fact]
    public async Task Should_Enter_Counts_By_Type_In_A_Column_Pair_Per_Type_And_Name_Each_Wrong_Cell()
    {
        var period = await CreatePeriodOfTestSchemeAsync();
        var template = (await app.DataEntryAsync("兰州", "clerk", e => e.DownloadTemplateAsync(period.Id))).Content;
        var rows = EntryXlsx.Read(new MemoryStream(template)).ToDictionary(r => r.Cells["A"]);
        int RowOf(string code) => rows[code].Row;

        // One type/count pair per type of the rule, the types filled in, the counts left to the clerk.
        var a03 = rows["A03"].Cells;
        (a03["O"], a03["Q"]).ShouldBe(("到省", "到京"));
        a03.Keys.ShouldNotContain(k => k == "P" || k == "R" || k == "J");
        rows["B04"].Cells.Keys.ShouldNotContain(k => k == "O" || k == "Q");

        var upload = WorkbookEditor.SetCell(template, "填报", $"P{RowOf("A03")}", "1");
        upload = WorkbookEditor.SetCell(upload, "填报", $"R{RowOf("A03")}", "0");
        upload = WorkbookEditor.SetCell(upload, "填报", $"R{RowOf("D02")}", "1"); // 到京 only
        var sheet = await app.DataEntryAsync("兰州", "clerk", e => e.UploadXlsxAsync(period.Id, new MemoryStream(upload)));

        sheet.Lines.Single(l => l.IndicatorCode == "A03").Value.Occurrences!.Select(o => (o.Type, o.Count)).ShouldBe([("province", 1), ("capital", 0)]);
        sheet.Lines.Single(l => l.IndicatorCode == "D02").Value.Occurrences!.Select(o => (o.Type, o.Count)).ShouldBe([("per_capital", 1)]);
        var points = await PointsAsync(period, "兰州");
        points["A03"].ShouldBe(2m); // 3 − 1×1 − 0×3

        // Downloaded again: the counts stand in their pairs, not in 分类次数; uploading it changes nothing.
        var again = (await app.DataEntryAsync("兰州", "clerk", e => e.DownloadTemplateAsync(period.Id))).Content;
        var back = EntryXlsx.Read(new MemoryStream(again)).ToDictionary(r => r.Cells["A"], r => r.Cells);
        (back["A03"]["P"], back["A03"]["R"]).ShouldBe(("1", "0"));
        back["A03"].ShouldNotContainKey("J");
        (back["D02"]["Q"], back["D02"]["R"]).ShouldBe(("到京", "1"));
        back["D02"].ShouldNotContainKey("P");
        await app.DataEntryAsync("兰州", "clerk", e => e.UploadXlsxAsync(period.Id, new MemoryStream(again)));
        (await PointsAsync(period, "兰州")).ShouldBe(points);

        // Each wrong cell by itself: a count that is no whole number, an unknown type, a type twice, a count without
        // a type, a pair on a line without types, and the pairs beside 分类次数.
        var wrong = WorkbookEditor.SetCell(template, "填报", $"P{RowOf("A03")}", "1.5");
        wrong = WorkbookEditor.SetCell(wrong, "填报", $"Q{RowOf("A03")}", "到县");
        wrong = WorkbookEditor.SetCell(wrong, "填报", $"R{RowOf("A03")}", "1");
        wrong = WorkbookEditor.SetCell(wrong, "填报", $"P{RowOf("D02")}", "1");
        wrong = WorkbookEditor.SetCell(wrong, "填报", $"Q{RowOf("D02")}", "到省");
        wrong = WorkbookEditor.SetCell(wrong, "填报", $"R{RowOf("D02")}", "2");
        wrong = WorkbookEditor.SetCell(wrong, "填报", $"P{RowOf("C03")}", "1");
        var invalid = await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("兰州", "clerk", e => e.UploadXlsxAsync(period.Id, new MemoryStream(wrong))));

        invalid.Errors.Keys.Order().ShouldBe(new[] { $"P{RowOf("A03")}", $"Q{RowOf("A03")}", $"Q{RowOf("D02")}", $"P{RowOf("C03")}" }.Order());
        invalid.Errors[$"P{RowOf("A03")}"].AsText().ShouldBe([DataEntryErrorCodes.CountWholeNumber]);
        invalid.Errors[$"Q{RowOf("A03")}"].AsText().ShouldBe([$"{DataEntryErrorCodes.UnknownOccurrenceType}|到县|到省/到京"]);
        invalid.Errors[$"Q{RowOf("D02")}"].AsText().ShouldBe([$"{DataEntryErrorCodes.XlsxTypeTwice}|到省"]);
        invalid.Errors[$"P{RowOf("C03")}"].AsText().ShouldBe([$"{DataEntryErrorCodes.XlsxColumnNotForRule}|RuleKind:per_occurrence_deduction"]);

        var noType = WorkbookEditor.SetCell(template, "填报", $"O{RowOf("A03")}", null);
        noType = WorkbookEditor.SetCell(noType, "填报", $"P{RowOf("A03")}", "1");
        noType = WorkbookEditor.SetCell(noType, "填报", $"J{RowOf("D02")}", "到省:1");
        noType = WorkbookEditor.SetCell(noType, "填报", $"P{RowOf("D02")}", "1");
        var missing = await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("兰州", "clerk", e => e.UploadXlsxAsync(period.Id, new MemoryStream(noType))));
        missing.Errors[$"O{RowOf("A03")}"].AsText().ShouldBe([$"{DataEntryErrorCodes.OccurrenceTypeRequired}|到省/到京"]);
        missing.Errors[$"J{RowOf("D02")}"].AsText().ShouldBe([DataEntryErrorCodes.XlsxCountTwice]);
    }

    private Task<Dictionary<string, decimal>> PointsAsync(PeriodDto period, string city) => app.WithScopeAsync(async sp =>
    {
        var cityId = await app.TenantIdAsync(city);
        var scoring = sp.GetRequiredService<PeriodScoringService>();
        var periods = sp.GetRequiredService<IRepository<AssessmentPeriod>>();
        var entity = await periods.GetAsync(period.Id);
        var scheme = await scoring.GetSchemeAsync(entity);
        var input = (await scoring.LoadAsync(period.Id, [cityId]))[cityId];
        var sheet = scoring.Score(scheme.Definition, input, await scoring.TargetsAsync(entity, [cityId]), withAuditorScores: false);
        return sheet.Lines.ToDictionary(l => l.IndicatorCode, l => l.Points);
    });

    /// <summary>
    /// The sample scheme with A03 deducting by type (到省 1, 到京 3, doubled in a major-event period) and I02 a survey
    /// (知晓率 and 满意度, equal weights, full at 90 %), published, and an open period of it.
    /// </summary>
    private async Task<PeriodDto> CreatePeriodOfTestSchemeAsync()
    {
        var schemeId = await app.AsUserAsync(null, "official", async sp =>
        {
            var scheme = SampleSchemeLoader.CreateDraft(Guid.NewGuid());
            var definition = scheme.Definition;
            scheme.UpdateDefinition(definition with
            {
                Categories = definition.Categories.Select(c => c with
                {
                    Indicators = c.Indicators.Select(i => i.Code switch
                    {
                        // The official wording of the sample rules no longer fits the changed rules: left out.
                        "A03" => i with
                        {
                            RuleText = null,
                            Rule = new PerOccurrenceDeductionRule
                            {
                                Rates = [new OccurrenceRate { Type = "province", Name = "到省", Per = 1 }, new OccurrenceRate { Type = "capital", Name = "到京", Per = 3 }],
                                Floor = 0,
                                DoubleWhen = ["major_event_period"],
                            },
                        },
                        "I02" => i with
                        {
                            RuleText = null,
                            Unit = "%",
                            Rule = new SurveyCompositeRule
                            {
                                Components = [new SurveyComponent { Key = "awareness", Name = "知晓率" }, new SurveyComponent { Key = "satisfaction", Name = "满意度" }],
                                FullAt = 90,
                            },
                        },
                        _ => i,
                    }).ToList(),
                }).ToList(),
            });
            scheme.Publish(new SchemeValidator(), app.Clock.GetUtcNow().UtcDateTime);
            await sp.GetRequiredService<IRepository<Scheme>>().InsertAsync(scheme);
            return scheme.Id;
        });
        var now = app.Clock.GetUtcNow().UtcDateTime;
        return await app.PeriodsAsync(async periods =>
        {
            var period = await periods.CreateAsync(new CreatePeriodInput
            {
                SchemeId = schemeId,
                Kind = PeriodKind.Annual,
                Year = Interlocked.Increment(ref _year),
                Number = 1,
                EntryOpensAt = ProvinceTime.ToLocal(now.AddMinutes(-1)),
                EntryClosesAt = ProvinceTime.ToLocal(now.AddDays(10)),
            });
            return await periods.OpenAsync(period.Id);
        });
    }
}

public sealed class EntryXlsx_Sqlite_Tests(SqliteTestApplication app) : EntryXlsx_Tests<SqliteTestApplication>(app);

public sealed class EntryXlsx_MySql_Tests(MySqlTestApplication app) : EntryXlsx_Tests<MySqlTestApplication>(app);
