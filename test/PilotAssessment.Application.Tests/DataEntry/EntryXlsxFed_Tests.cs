using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Excel;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.SampleData;
using PilotAssessment.Schemes.Validation;
using PilotAssessment.Supervision;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataEntry;

/// <summary>
/// A line fed from the problem register (<c>occurrence_source: supervision</c>) is the register's, not the clerk's: the
/// template shows the register's count read-only, and an upload skips the row whatever it holds.
/// </summary>
public abstract class EntryXlsxFed_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    private const string Fed = "A03";
    private const string Entry = "填报";

    [Fact]
    public async Task Should_Show_The_Registers_Count_Read_Only_And_Never_Let_An_Upload_Overwrite_It()
    {
        var periodId = await PeriodOfFedSchemeAsync(2085);
        var city = await app.TenantIdAsync("兰州");
        foreach (var title in new[] { "矛盾纠纷排查台账不全", "网格员配备不足" })
        {
            await app.AsUserAsync(null, "official", sp => sp.GetRequiredService<IProblemAppService>().CreateAsync(new CreateProblemInput
            {
                CityId = city,
                Title = title,
                Category = "平安建设",
                Severity = ProblemSeverity.Normal,
                Deadline = new DateOnly(2026, 4, 30),
            }));
        }

        var template = (await app.DataEntryAsync("兰州", "clerk", e => e.DownloadTemplateAsync(periodId))).Content;

        using var workbook = new TemplateWorkbook(template);
        var row = workbook.RowOf(Entry, Fed);
        var cells = workbook.Rows(Entry)[row];
        cells["F"].ShouldBe("2");
        cells.ShouldNotContainKey("J"); // the problems' titles are the register's, not typed here
        cells["N"].ShouldContain("来自督导问题台账：2 个未整改问题");
        EntryXlsxCells.InputColumns.ShouldAllBe(c => workbook.IsLocked(Entry, $"{c}{row}"));
        workbook.ValidationOf(Entry, $"F{row}").ShouldBeNull();

        // Typed over anyway (a copy of the sheet without protection): the row is skipped, the rest is saved.
        var edited = WorkbookEditor.SetCell(template, Entry, $"F{row}", "0");
        edited = WorkbookEditor.SetCell(edited, Entry, $"E{workbook.RowOf(Entry, "B04")}", "80");
        var sheet = await app.DataEntryAsync("兰州", "clerk", e => e.UploadXlsxAsync(periodId, new MemoryStream(edited)));

        sheet.Lines.Single(l => l.IndicatorCode == "B04").Value.Number.ShouldBe(80m);
        var fed = sheet.Lines.Single(l => l.IndicatorCode == Fed);
        fed.Value.Occurrences!.Select(o => o.Type).ShouldBe(["矛盾纠纷排查台账不全", "网格员配备不足"], ignoreOrder: true);
        fed.Value.Number.ShouldBe(2m);
    }

    /// <summary>The sample scheme with 涉稳信息报送 (−1 each, at most 3) fed from the register; an open period of it.</summary>
    private async Task<Guid> PeriodOfFedSchemeAsync(int year)
    {
        var schemeId = Guid.NewGuid();
        await app.WithScopeAsync(async sp =>
        {
            var draft = SampleSchemeLoader.CreateDraft(schemeId);
            var definition = draft.Definition with
            {
                Categories = draft.Definition.Categories.Select(c => c with
                {
                    Indicators = c.Indicators.Select(i => i.Code == Fed
                        ? i with { OccurrenceSource = IndicatorOccurrenceSource.Supervision, Rule = new PerOccurrenceDeductionRule { Per = 1, Cap = 3, DoubleWhen = [SupervisionConsts.RepeatedFlag] } }
                        : i).ToList(),
                }).ToList(),
            };
            var scheme = new Scheme(schemeId, $"台账计分方案{year}", year, draft.Scale, definition);
            scheme.Publish(new SchemeValidator(), app.Clock.GetUtcNow().UtcDateTime);
            await sp.GetRequiredService<IRepository<Scheme>>().InsertAsync(scheme, autoSave: true);
        });
        var now = app.Clock.GetUtcNow().UtcDateTime;
        var period = await app.PeriodsAsync(async p =>
        {
            var created = await p.CreateAsync(new CreatePeriodInput
            {
                SchemeId = schemeId,
                Kind = PeriodKind.Annual,
                Year = year,
                Number = 1,
                EntryOpensAt = ProvinceTime.ToLocal(now.AddHours(-1)),
                EntryClosesAt = ProvinceTime.ToLocal(now.AddDays(10)),
            });
            return await p.OpenAsync(created.Id);
        });
        return period.Id;
    }
}

public sealed class EntryXlsxFed_Sqlite_Tests(SqliteTestApplication app) : EntryXlsxFed_Tests<SqliteTestApplication>(app);

public sealed class EntryXlsxFed_MySql_Tests(MySqlTestApplication app) : EntryXlsxFed_Tests<MySqlTestApplication>(app);
