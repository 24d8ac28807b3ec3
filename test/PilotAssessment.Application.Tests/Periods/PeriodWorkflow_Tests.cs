using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.DataEntry;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Results;
using PilotAssessment.Reviews;
using Shouldly;
using Xunit;
using static PilotAssessment.Periods.PeriodTestHelpers;

namespace PilotAssessment.Periods;

public abstract class PeriodWorkflow_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    [Fact]
    public async Task Should_Run_The_Lifecycle_From_Entry_To_A_Retroactive_Veto_Keeping_Every_Version()
    {
        var period = await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(10));
        var lanzhou = await app.TenantIdAsync("兰州");

        // Clerk enters drafts; a line with required evidence blocks the submission until a file is attached.
        await app.DataEntryAsync("兰州", "clerk", async e =>
        {
            await e.SaveAsync(period.Id, "B04", Number(95));
            await e.SaveAsync(period.Id, "I01", Number(97));
            return await e.SaveAsync(period.Id, "A02", new EntryValueDto { ChecklistPresent = ["制度", "台账"] });
        });
        var missing = await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("兰州", "admin", e => e.SubmitAsync(period.Id)));
        missing.Code.ShouldBe(DataEntryErrorCodes.EvidenceRequired);
        missing.Errors.Keys.ShouldContain("lines.A02.evidence");

        var sheet = await app.DataEntryAsync("兰州", "clerk", e => e.GetSheetAsync(period.Id));
        var a02 = sheet.Lines.Single(l => l.IndicatorCode == "A02");
        await app.DataEntryAsync("兰州", "clerk", e => e.UploadEvidenceAsync(a02.Id!.Value, "制度.pdf", new MemoryStream(Pdf), Pdf.Length));
        var submitted = await app.DataEntryAsync("兰州", "admin", e => e.SubmitAsync(period.Id));
        submitted.Status.ShouldBe("Submitted");

        sheet = await app.DataEntryAsync("兰州", "clerk", e => e.GetSheetAsync(period.Id));
        sheet.Lines.Single(l => l.IndicatorCode == "B04").SelfScore.ShouldBe(3m);
        sheet.Lines.Single(l => l.IndicatorCode == "I01").SelfScore.ShouldBe(6m);
        sheet.Lines.Single(l => l.IndicatorCode == "A02").SelfScore.ShouldBe(2m);
        sheet.Writable.ShouldBeFalse();
        var b04 = sheet.Lines.Single(l => l.IndicatorCode == "B04");
        var locked = await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("兰州", "clerk", e => e.SaveAsync(period.Id, "B04", Number(90), b04.ConcurrencyStamp)));
        locked.Code.ShouldBe(DataEntryErrorCodes.NotEditable);

        // The auditor returns one line; the city corrects it and resubmits.
        await app.ReviewAsync(r => r.ReturnAsync(period.Id, lanzhou, new ReturnSubmissionInput { Comment = "请核实", Lines = [new ReturnLineInput { IndicatorCode = "B04", Comment = "B04 与台账不符" }] }));
        sheet = await app.DataEntryAsync("兰州", "clerk", e => e.GetSheetAsync(period.Id));
        sheet.SubmissionStatus.ShouldBe("Returned");
        sheet.ReturnComment.ShouldBe("请核实");
        b04 = sheet.Lines.Single(l => l.IndicatorCode == "B04");
        b04.Status.ShouldBe("Returned");
        b04.ReturnComment.ShouldBe("B04 与台账不符");
        await app.DataEntryAsync("兰州", "clerk", e => e.SaveAsync(period.Id, "B04", Number(90), b04.ConcurrencyStamp));
        await app.DataEntryAsync("兰州", "admin", e => e.SubmitAsync(period.Id));

        // Adjusting needs a reason; the self score stays beside the auditor's.
        var review = await app.ReviewAsync(r => r.GetCitySheetAsync(period.Id, lanzhou));
        review.Lines.Single(l => l.IndicatorCode == "B04").SelfScore.ShouldBe(2m);
        var i01 = review.Lines.Single(l => l.IndicatorCode == "I01");
        var noReason = await Should.ThrowAsync<BusinessException>(() => app.ReviewAsync(r => r.AdjustLineAsync(i01.Id!.Value, new AdjustLineInput { Score = 5 })));
        noReason.Errors.Keys.ShouldContain("reason");
        var adjusted = await app.ReviewAsync(r => r.AdjustLineAsync(i01.Id!.Value, new AdjustLineInput { Score = 5, Reason = "民调样本不足" }));
        adjusted.AuditorScore.ShouldBe(5m);
        adjusted.SelfScore.ShouldBe(6m);
        await app.ReviewAsync(r => r.ApproveAsync(period.Id, lanzhou));

        // Not published yet: the city cannot read its sheet.
        var early = await Should.ThrowAsync<BusinessException>(() => app.ResultsAsync("兰州", "clerk", r => r.GetMySheetAsync(period.Id, null)));
        early.Code.ShouldBe(ResultErrorCodes.NotPublished);

        var ranking = await app.PublishAllAsync(period.Id);
        ranking.Count.ShouldBe(5);
        ranking[0].CityId.ShouldBe(lanzhou);
        ranking[0].Rank.ShouldBe(1);
        ranking.Skip(1).ShouldAllBe(r => r.NotAssessed && r.Rank == null && r.Total == null && r.Grade == null); // the four cities that did not submit are left out

        var published = await app.ResultsAsync("兰州", "clerk", r => r.GetMySheetAsync(period.Id, null));
        published.Version.ShouldBe(1);
        published.Rank.ShouldBe(1);
        var i01Line = published.Lines.Single(l => l.IndicatorCode == "I01");
        (i01Line.Points, i01Line.SelfScore, i01Line.AuditorScore, i01Line.AdjustReason).ShouldBe((5m, 6m, 5m, "民调样本不足"));
        published.VetoDeduction.ShouldBe(0m);
        published.AwardEligible.ShouldBeTrue();
        (await app.PeriodsAsync(p => p.GetAsync(period.Id))).Status.ShouldBe("Published");

        // A veto after publishing re-grades the city as version 2; version 1 stays readable as it was.
        var noVetoReason = await Should.ThrowAsync<BusinessException>(() => app.ResultsAsync(null, "official", r => r.ApplyRetroactiveVetoAsync(period.Id, lanzhou, new RetroactiveVetoInput { VetoCode = "V1" })));
        noVetoReason.Code.ShouldBe(ResultErrorCodes.ReasonRequired);
        var vetoed = await app.ResultsAsync(null, "official", r => r.ApplyRetroactiveVetoAsync(period.Id, lanzhou, new RetroactiveVetoInput { VetoCode = "V4", Reason = "发生重大群体性事件" }));
        vetoed.Version.ShouldBe(2);
        vetoed.Kind.ShouldBe("RetroactiveVeto");
        vetoed.VetoDeduction.ShouldBe(30m);
        vetoed.Total.ShouldBe(Math.Max(0m, published.Total!.Value - 30m));
        vetoed.Reason!.ShouldContain("发生重大群体性事件");

        var current = await app.ResultsAsync("兰州", "clerk", r => r.GetMySheetAsync(period.Id, null));
        current.Version.ShouldBe(2);
        var first = await app.ResultsAsync("兰州", "clerk", r => r.GetMySheetAsync(period.Id, 1));
        first.IsCurrent.ShouldBeFalse();
        first.Grade.ShouldBe(published.Grade);
        first.Total.ShouldBe(published.Total);
        first.VetoDeduction.ShouldBe(0m);
        first.Lines.Count.ShouldBe(published.Lines.Count);

        // Withdrawing the approval is a third version at the lowest grade.
        var withdrawn = await app.ResultsAsync(null, "official", r => r.WithdrawApprovalAsync(period.Id, lanzhou, new WithdrawApprovalInput { Reason = "自评材料失实" }));
        withdrawn.Version.ShouldBe(3);
        withdrawn.Grade.ShouldBe("不合格");
        withdrawn.AwardEligible.ShouldBeFalse();
        withdrawn.Kind.ShouldBe("ApprovalWithdrawn");
        var versions = await app.ResultsAsync("兰州", "admin", r => r.GetVersionsAsync(period.Id, lanzhou));
        versions.Select(v => v.Version).ShouldBe([1, 2, 3]);
        versions.Count(v => v.IsCurrent).ShouldBe(1);
        (await app.ResultsAsync(null, "official", r => r.GetRankingAsync(period.Id))).Single(r => r.CityId == lanzhou).Version.ShouldBe(3);

        var completeness = await app.ResultsAsync(null, "official", r => r.GetCompletenessAsync(period.Id));
        var row = completeness.Single(c => c.CityId == lanzhou);
        (row.Reported, row.OnTime).ShouldBe((3, true));
        row.Expected.ShouldBe(30);
    }

    [Fact]
    public async Task Should_Refuse_Writes_After_The_Close_Except_For_The_Reopened_City_Until_Its_Deadline()
    {
        var period = await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(2));
        var tianshui = await app.TenantIdAsync("天水");
        var zhangye = await app.TenantIdAsync("张掖");
        var tianshuiLine = await app.DataEntryAsync("天水", "clerk", e => e.SaveAsync(period.Id, "B04", Number(80)));
        var jiuquanLine = await app.DataEntryAsync("酒泉", "clerk", e => e.SaveAsync(period.Id, "B04", Number(80)));

        app.Clock.Advance(TimeSpan.FromDays(3));
        var closed = await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("天水", "clerk", e => e.SaveAsync(period.Id, "B04", Number(81), tianshuiLine.ConcurrencyStamp)));
        closed.Code.ShouldBe(DataEntryErrorCodes.WindowClosed);
        await app.PeriodsAsync(p => p.CloseAsync(period.Id));

        var now = app.Clock.GetUtcNow().UtcDateTime;
        var noReason = await Should.ThrowAsync<BusinessException>(() => app.PeriodsAsync(p => p.CreateLockExceptionAsync(period.Id, new CreateLockExceptionInput { CityId = tianshui, Deadline = ProvinceTime.ToLocal(now.AddDays(1)) })));
        noReason.Code.ShouldBe(PeriodErrorCodes.ReasonRequired);
        var exception = await app.PeriodsAsync(p => p.CreateLockExceptionAsync(period.Id, new CreateLockExceptionInput { CityId = tianshui, Reason = "系统故障补报", Deadline = ProvinceTime.ToLocal(now.AddDays(1)) }));
        exception.Deadline.ShouldBe(now.AddDays(1), TimeSpan.FromSeconds(1));
        // A unit exception names a unit of that city.
        var unit = (await app.AsUserAsync("张掖", "admin", sp => sp.GetRequiredService<IOrganizationUnitAppService>().CreateAsync(
            new CreateOrganizationUnitInput { Code = $"ZY-GA-{Guid.NewGuid():N}"[..16], Name = "公安局", Kind = OrganizationUnitKind.Department }))).Id;
        await app.PeriodsAsync(p => p.CreateLockExceptionAsync(period.Id, new CreateLockExceptionInput { CityId = zhangye, UnitId = unit, Reason = "公安局补报", Deadline = ProvinceTime.ToLocal(now.AddDays(1)) }));

        // Exactly the reopened city writes; a unit exception admits only that unit's lines.
        var saved = await app.DataEntryAsync("天水", "clerk", e => e.SaveAsync(period.Id, "B04", Number(81), tianshuiLine.ConcurrencyStamp));
        saved.Value.Number.ShouldBe(81m);
        (await app.DataEntryAsync("天水", "clerk", e => e.GetSheetAsync(period.Id))).Writable.ShouldBeTrue();
        (await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("酒泉", "clerk", e => e.SaveAsync(period.Id, "B04", Number(81), jiuquanLine.ConcurrencyStamp))))
            .Code.ShouldBe(DataEntryErrorCodes.WindowClosed);
        // The unit of a line is the one the agreement hands it to: a clerk naming the unit in the request gets nothing
        // (a member of the unit writing its lines is in UnitScope_Http_Tests).
        (await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("张掖", "clerk", e => e.SaveAsync(period.Id, "I01", Number(92), unitId: unit))))
            .Code.ShouldBe(DataEntryErrorCodes.WindowClosed);
        (await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("张掖", "clerk", e => e.SaveAsync(period.Id, "B04", Number(81)))))
            .Code.ShouldBe(DataEntryErrorCodes.WindowClosed);

        app.Clock.Advance(TimeSpan.FromDays(1.5));
        (await Should.ThrowAsync<BusinessException>(() => app.DataEntryAsync("天水", "clerk", e => e.SaveAsync(period.Id, "B04", Number(82), saved.ConcurrencyStamp))))
            .Code.ShouldBe(DataEntryErrorCodes.WindowClosed);
    }

    [Fact]
    public async Task Should_Export_The_Score_Sheet_As_Xlsx_Without_Any_Formula()
    {
        var period = await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(5));
        var jinchang = await app.TenantIdAsync("金昌");
        var line = await app.DataEntryAsync("金昌", "clerk", e => e.SaveAsync(period.Id, "B04", Number(96)));
        await app.DataEntryAsync("金昌", "admin", e => e.SubmitAsync(period.Id));
        await app.ReviewAsync(r => r.AdjustLineAsync(line.Id!.Value, new AdjustLineInput { Score = 2, Reason = "=HYPERLINK(\"http://evil\",\"x\")" }));
        await app.ReviewAsync(r => r.ApproveAsync(period.Id, jinchang));
        var ranking = await app.PublishAllAsync(period.Id);

        var file = await app.ResultsAsync("金昌", "admin", r => r.ExportSheetXlsxAsync(ranking.Single(x => x.CityId == jinchang).SheetId));

        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(file.Content), false);
        var cells = document.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ToList();
        cells.ShouldNotContain(c => c.CellFormula != null);
        var texts = cells.Where(c => c.InlineString != null).Select(c => c.InlineString!.InnerText).ToList();
        texts.ShouldContain("'=HYPERLINK(\"http://evil\",\"x\")");
        texts.ShouldNotContain(t => t.StartsWith('='));
        texts.ShouldContain("B04");

        // The province's ranking table: one row per city, with 金昌's rank and total.
        var rankingFile = await app.ResultsAsync(null, "official", r => r.ExportRankingXlsxAsync(period.Id));
        using var rankingDocument = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(rankingFile.Content), false);
        var rows = rankingDocument.WorkbookPart!.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Row>().ToList();
        rows.Count.ShouldBe(3 + ranking.Count);
        var jinchangRow = rows.Single(r => r.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().Any(c => c.InlineString?.InnerText == "金昌市"));
        var jinchangRank = ranking.Single(x => x.CityId == jinchang);
        jinchangRow.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().First().CellValue!.Text.ShouldBe(jinchangRank.Rank!.Value.ToString());
        rankingDocument.WorkbookPart.WorksheetParts.Single().Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Cell>().ShouldNotContain(c => c.CellFormula != null);
    }

    [Fact]
    public async Task Should_Not_Find_Another_Citys_Line_Evidence_Or_Sheet()
    {
        var period = await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(5));
        var line = await app.DataEntryAsync("兰州", "clerk", e => e.SaveAsync(period.Id, "F01", new EntryValueDto { Grade = "优" }));
        var file = await app.DataEntryAsync("兰州", "clerk", e => e.UploadEvidenceAsync(line.Id!.Value, "a.pdf", new MemoryStream(Pdf), Pdf.Length));
        var lanzhou = await app.TenantIdAsync("兰州");
        await app.DataEntryAsync("兰州", "admin", e => e.SubmitAsync(period.Id));
        await app.ReviewAsync(r => r.ApproveAsync(period.Id, lanzhou));
        var ranking = await app.PublishAllAsync(period.Id);
        var lanzhouSheet = ranking.Single(r => r.CityId == lanzhou).SheetId;

        await Should.ThrowAsync<EntityNotFoundException>(() => app.DataEntryAsync("天水", "clerk", e => e.GetLineAsync(line.Id!.Value)));
        await Should.ThrowAsync<EntityNotFoundException>(() => app.DataEntryAsync("天水", "clerk", e => e.GetHistoryAsync(line.Id!.Value)));
        await Should.ThrowAsync<EntityNotFoundException>(() => app.DataEntryAsync("天水", "clerk", e => e.UploadEvidenceAsync(line.Id!.Value, "a.pdf", new MemoryStream(Pdf), Pdf.Length)));
        await Should.ThrowAsync<EntityNotFoundException>(() => app.DataEntryAsync("天水", "clerk", e => e.DownloadEvidenceAsync(file.Id)));
        await Should.ThrowAsync<EntityNotFoundException>(() => app.DataEntryAsync("天水", "admin", e => e.DeleteEvidenceAsync(file.Id)));
        await Should.ThrowAsync<EntityNotFoundException>(() => app.ResultsAsync("天水", "clerk", r => r.GetSheetAsync(lanzhouSheet)));
        await Should.ThrowAsync<EntityNotFoundException>(() => app.ResultsAsync("天水", "clerk", r => r.ExportSheetXlsxAsync(lanzhouSheet)));
        await Should.ThrowAsync<EntityNotFoundException>(() => app.ResultsAsync("天水", "clerk", r => r.GetVersionsAsync(period.Id, lanzhou)));
        (await app.ResultsAsync("兰州", "clerk", r => r.GetSheetAsync(lanzhouSheet))).CityId.ShouldBe(lanzhou);
        (await app.ResultsAsync(null, "auditor", r => r.GetSheetAsync(lanzhouSheet))).CityId.ShouldBe(lanzhou);
    }
}

public sealed class PeriodWorkflow_Sqlite_Tests(SqliteTestApplication app) : PeriodWorkflow_Tests<SqliteTestApplication>(app);

public sealed class PeriodWorkflow_MySql_Tests(MySqlTestApplication app) : PeriodWorkflow_Tests<MySqlTestApplication>(app);
