using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using PilotAssessment.Excel;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataEntry;

/// <summary>
/// The entry template as officials open it in Excel (styled sheet, dropdowns, locked cells, a 说明 sheet), the round
/// trip of a template that holds reported lines, and reporting errors that name the lines and what they lack.
/// </summary>
public abstract class EntryTemplate_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private const string Url = "/api/app/data-entry";
    private const string Entry = "填报";

    [Fact]
    public async Task Should_Give_A_Styled_Template_With_Dropdowns_The_Rule_In_Words_And_Only_The_Inputs_Unlocked()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("酒泉", "clerk");

        using var workbook = new TemplateWorkbook(await DownloadAsync(clerk, period.Id));

        workbook.SheetNames.ShouldBe([Entry, "说明"]);
        workbook.IsProtected(Entry).ShouldBeTrue();
        workbook.FrozenAt(Entry).ShouldBe("C2");
        var rows = workbook.Rows(Entry);
        rows[1]["M"].ShouldBe("评分规则");
        var f01 = workbook.RowOf(Entry, "F01");
        var a02 = workbook.RowOf(Entry, "A02");
        var d02 = workbook.RowOf(Entry, "D02");
        var b04 = workbook.RowOf(Entry, "B04");

        // Rule kinds by their names, the rule described in words, and the evidence a line needs said before reporting.
        rows[d02]["D"].ShouldBe("按次扣分");
        rows.Values.Skip(1).ShouldAllBe(r => !r["D"].Contains('_'));
        rows[b04]["M"].ShouldNotBeNullOrWhiteSpace();
        rows[f01]["N"].ShouldContain("须上传佐证材料");

        // Dropdowns: the grades (nothing else accepted), the checklist items and the occurrence types by name.
        workbook.ValidationOf(Entry, $"G{f01}").ShouldBe(("list", "\"优,良,中,差\"", true, "请从下拉列表选择等次：优、良、中、差"));
        workbook.ValidationOf(Entry, $"H{a02}")!.Value.Formula.ShouldBe("\"制度,台账,处置预案\"");
        workbook.ValidationOf(Entry, $"J{d02}")!.Value.Formula.ShouldBe("\"到省:,到京:\"");
        workbook.ValidationOf(Entry, $"F{workbook.RowOf(Entry, "A01")}")!.Value.Type.ShouldBe("whole");

        // Only the inputs of the line's rule are open; code, name and the other columns are locked.
        workbook.IsLocked(Entry, $"G{f01}").ShouldBeFalse();
        workbook.IsLocked(Entry, $"E{f01}").ShouldBeTrue();
        workbook.IsLocked(Entry, $"E{b04}").ShouldBeFalse();
        workbook.IsLocked(Entry, $"I{b04}").ShouldBeFalse();
        workbook.IsLocked(Entry, $"A{b04}").ShouldBeTrue();
        workbook.IsLocked(Entry, $"G{b04}").ShouldBeTrue();
        workbook.Rows("说明")[1]["A"].ShouldBe("填报模板使用说明");

        using var english = await host.ClientForAsync("酒泉", "clerk");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        using var inEnglish = new TemplateWorkbook(await DownloadAsync(english, period.Id));
        inEnglish.SheetNames.ShouldBe(["Entry", "How to fill in"]);
        inEnglish.Rows("Entry")[d02]["D"].ShouldBe("Per occurrence");
    }

    [Fact]
    public async Task Should_Take_Back_A_Downloaded_Template_With_Reported_Lines_Read_Only_And_Skip_Them()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("天水", "clerk");
        var lines = $"{Url}/periods/{period.Id}/lines";
        (await clerk.PutAsJsonAsync($"{lines}/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 80 }, Note = "=核查" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await clerk.PutAsJsonAsync($"{lines}/B02", new SaveEntryLineInput { Value = new EntryValueDto { Number = 95.5m } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var reported = await clerk.PostAsJsonAsync($"{lines}/submit", new SubmitLinesInput { IndicatorCodes = ["B04"] });
        reported.StatusCode.ShouldBe(HttpStatusCode.OK, await reported.Content.ReadAsStringAsync());

        var template = await DownloadAsync(clerk, period.Id);
        using (var workbook = new TemplateWorkbook(template))
        {
            var b04 = workbook.RowOf(Entry, "B04");
            workbook.IsLocked(Entry, $"E{b04}").ShouldBeTrue();
            workbook.IsLocked(Entry, $"I{b04}").ShouldBeTrue();
            workbook.Rows(Entry)[b04]["N"].ShouldContain("已报送");
            workbook.ValidationOf(Entry, $"E{b04}").ShouldBeNull();
            workbook.IsLocked(Entry, $"E{workbook.RowOf(Entry, "B02")}").ShouldBeFalse();
        }

        // As downloaded: accepted, the reported line skipped and still reported.
        var again = await UploadAsync(clerk, period.Id, template);
        again.StatusCode.ShouldBe(HttpStatusCode.OK, await again.Content.ReadAsStringAsync());
        var sheet = (await again.ReadJsonAsync<EntrySheetDto>())!;
        sheet.Lines.Single(l => l.IndicatorCode == "B04").ShouldSatisfyAllConditions(l => l.Status.ShouldBe("UnitSubmitted"), l => l.Value.Number.ShouldBe(80m));

        // A new value beside it is saved; a change of the reported line is refused by its cell, not lost silently.
        using var view = new TemplateWorkbook(template);
        var row = view.RowOf(Entry, "B04");
        var saved = await UploadAsync(clerk, period.Id, WorkbookEditor.SetCell(template, Entry, $"E{view.RowOf(Entry, "B02")}", "97"));
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        (await saved.ReadJsonAsync<EntrySheetDto>())!.Lines.Single(l => l.IndicatorCode == "B02").Value.Number.ShouldBe(97m);

        var refused = await UploadAsync(clerk, period.Id, WorkbookEditor.SetCell(template, Entry, $"E{row}", "60"));
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await refused.Content.ReadAsStringAsync());
        var problem = await refused.ReadProblemAsync();
        problem.GetProperty("errors").GetProperty($"A{row}")[0].GetString().ShouldBe("指标 B04 已报送市级管理员，不能再修改；如需修改请联系市级管理员退回。");

        // The city administrator may still change a line a unit reported: for them it is an input like any other.
        using var admin = await host.ClientForAsync("天水", "admin");
        var adminTemplate = await DownloadAsync(admin, period.Id);
        using var adminView = new TemplateWorkbook(adminTemplate);
        var adminRow = adminView.RowOf(Entry, "B04");
        adminView.IsLocked(Entry, $"E{adminRow}").ShouldBeFalse();
        var byAdmin = await UploadAsync(admin, period.Id, WorkbookEditor.SetCell(adminTemplate, Entry, $"E{adminRow}", "60"));
        byAdmin.StatusCode.ShouldBe(HttpStatusCode.OK, await byAdmin.Content.ReadAsStringAsync());
        (await byAdmin.ReadJsonAsync<EntrySheetDto>())!.Lines.Single(l => l.IndicatorCode == "B04").Value.Number.ShouldBe(60m);
    }

    [Theory]
    [InlineData("zh-Hans", "不能报送：F01、G03 缺少佐证材料；B01 尚未填报。", "F01 综治中心规范化建设 缺少佐证材料，请上传后再报送。")]
    [InlineData("en", "Cannot report: F01, G03: evidence missing; B01: not entered yet.", "F01 综治中心规范化建设: evidence is missing; upload it before reporting.")]
    public async Task Should_Name_The_Lines_That_Cannot_Be_Reported_And_What_They_Lack(string language, string detail, string f01Error)
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("兰州", "clerk");
        clerk.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var lines = $"{Url}/periods/{period.Id}/lines";
        (await clerk.PutAsJsonAsync($"{lines}/F01", new SaveEntryLineInput { Value = new EntryValueDto { Grade = "优" } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await clerk.PutAsJsonAsync($"{lines}/G03", new SaveEntryLineInput { Value = new EntryValueDto { ChecklistPresent = ["计划"] } })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var refused = await clerk.PostAsJsonAsync($"{lines}/submit", new SubmitLinesInput { IndicatorCodes = ["F01", "G03", "B01"] });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.ReadProblemAsync();
        problem.GetProperty("detail").GetString().ShouldBe(detail);
        problem.GetProperty("errors").GetProperty("lines.F01.evidence")[0].GetString().ShouldBe(f01Error);
    }

    private static async Task<byte[]> DownloadAsync(HttpClient client, Guid periodId)
    {
        var response = await client.GetAsync($"{Url}/periods/{periodId}/xlsx");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Content.ReadAsByteArrayAsync();
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid periodId, byte[] xlsx)
    {
        var file = new ByteArrayContent(xlsx);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        using var form = new MultipartFormDataContent { { file, "file", "填报.xlsx" } };
        return await client.PostAsync($"{Url}/periods/{periodId}/xlsx", form);
    }
}

public sealed class EntryTemplate_Http_Sqlite_Tests(SqliteHostFixture host) : EntryTemplate_Http_Tests<SqliteHostFixture>(host);

public sealed class EntryTemplate_Http_MySql_Tests(MySqlHostFixture host) : EntryTemplate_Http_Tests<MySqlHostFixture>(host);
