using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PilotAssessment.Dtos;
using PilotAssessment.Periods;
using PilotAssessment.Results;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataEntry;

/// <summary>Data entry, review and results over HTTP: conflicts, localized field errors, tenant isolation of every id.</summary>
public abstract class DataEntry_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private static readonly byte[] Pdf = "%PDF-1.4\n%%EOF"u8.ToArray();

    [Fact]
    public async Task Should_Answer_409_With_The_Other_Clerks_Value_And_Lose_Nothing()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("兰州", "clerk");
        using var admin = await host.ClientForAsync("兰州", "admin");
        var url = $"/api/app/data-entry/periods/{period.Id}/lines/B04";
        var first = await (await clerk.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Number = 80 } })).ReadJsonAsync<EntryLineDto>();

        var second = await admin.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Number = 85 }, ConcurrencyStamp = first!.ConcurrencyStamp });
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await clerk.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Number = 90 }, ConcurrencyStamp = first.ConcurrencyStamp });

        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await stale.ReadProblemAsync();
        problem.GetProperty("current").GetProperty("value").GetProperty("number").GetDecimal().ShouldBe(85m);
        var line = await clerk.GetFromJsonAsync<EntryLineDto>($"/api/app/data-entry/lines/{first.Id}", HttpJson.Options);
        line!.Value.Number.ShouldBe(85m);
        var history = await clerk.GetFromJsonAsync<List<ValueHistoryDto>>($"/api/app/data-entry/lines/{first.Id}/history", HttpJson.Options);
        history!.Select(h => h.NewValue.Number).ShouldBe([80m, 85m]);
    }

    [Fact]
    public async Task Should_Put_A_Localized_Message_Beside_The_Invalid_Field()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("天水", "clerk");
        clerk.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");

        var response = await clerk.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/I01", new SaveEntryLineInput { Value = new EntryValueDto { Number = 120 } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.GetProperty("errors").GetProperty("value.number")[0].GetString().ShouldBe("A percentage must be between 0 and 100.");
    }

    [Fact]
    public async Task Should_Take_Counts_Above_100_For_A_Year_On_Year_Percent_Change_But_Not_Negative_Ones()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("天水", "clerk");
        var url = $"/api/app/data-entry/periods/{period.Id}/lines/B01";

        var saved = await clerk.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Number = 1200, LastYearNumber = 1300 } });

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var line = await saved.ReadJsonAsync<EntryLineDto>();
        line!.Value.Number.ShouldBe(1200m);
        var negative = await clerk.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Number = -5 }, ConcurrencyStamp = line.ConcurrencyStamp });
        negative.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await negative.ReadProblemAsync()).GetProperty("errors").TryGetProperty("value.number", out _).ShouldBeTrue();
    }

    [Fact]
    public async Task Should_Answer_404_For_Another_Citys_Line_Evidence_And_Score_Sheet()
    {
        var period = await host.CreateOpenPeriodAsync();
        var lanzhouId = await host.TenantIdAsync("兰州");
        using var lanzhou = await host.ClientForAsync("兰州", "admin");
        var line = await (await lanzhou.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/F01", new SaveEntryLineInput { Value = new EntryValueDto { Grade = "优" } })).ReadJsonAsync<EntryLineDto>();
        var evidence = await (await lanzhou.PostAsync($"/api/app/data-entry/lines/{line!.Id}/evidence", PdfForm())).ReadJsonAsync<EvidenceDto>();
        evidence!.ContentType.ShouldBe("application/pdf");
        (await lanzhou.PostAsync($"/api/app/data-entry/periods/{period.Id}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var auditor = await host.ClientForAsync(null, "auditor");
        (await auditor.GetAsync($"/api/app/reviews/evidence/{evidence.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await auditor.PostAsync($"/api/app/reviews/periods/{period.Id}/cities/{lanzhouId}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var official = await host.ClientForAsync(null, "official");
        var ranking = await (await host.PublishLeavingOutAsync(official, period.Id)).ReadJsonAsync<List<RankingRowDto>>();
        var sheetId = ranking!.Single(r => r.CityId == lanzhouId).SheetId;

        using var tianshui = await host.ClientForAsync("天水", "admin");
        (await tianshui.GetAsync($"/api/app/data-entry/lines/{line.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await tianshui.GetAsync($"/api/app/data-entry/lines/{line.Id}/history")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await tianshui.PostAsync($"/api/app/data-entry/lines/{line.Id}/evidence", PdfForm())).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await tianshui.GetAsync($"/api/app/data-entry/evidence/{evidence.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await tianshui.DeleteAsync($"/api/app/data-entry/evidence/{evidence.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await tianshui.GetAsync($"/api/app/results/sheets/{sheetId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await tianshui.GetAsync($"/api/app/results/periods/{period.Id}/cities/{lanzhouId}/versions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Host-side endpoints are not a way in either.
        (await tianshui.GetAsync($"/api/app/reviews/evidence/{evidence.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await tianshui.GetAsync($"/api/app/results/periods/{period.Id}/ranking")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var own = await lanzhou.GetFromJsonAsync<ScoreSheetRecordDto>($"/api/app/results/periods/{period.Id}/my-sheet", HttpJson.Options);
        own!.Id.ShouldBe(sheetId);
        (await lanzhou.GetAsync($"/api/app/data-entry/evidence/{evidence.Id}")).Content.Headers.ContentType!.MediaType.ShouldBe("application/pdf");
        var tianshuiSheet = await tianshui.GetFromJsonAsync<ScoreSheetRecordDto>($"/api/app/results/periods/{period.Id}/my-sheet", HttpJson.Options);
        tianshuiSheet!.Id.ShouldNotBe(sheetId);
    }

    [Fact]
    public async Task Should_Let_A_Clerk_Report_Lines_Which_Then_Only_The_City_Admin_Changes_Or_Returns()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("酒泉", "clerk");
        using var admin = await host.ClientForAsync("酒泉", "admin");
        var lines = $"/api/app/data-entry/periods/{period.Id}/lines";
        var b04 = await (await clerk.PutAsJsonAsync($"{lines}/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 80 } })).ReadJsonAsync<EntryLineDto>();
        var f01 = await (await clerk.PutAsJsonAsync($"{lines}/F01", new SaveEntryLineInput { Value = new EntryValueDto { Grade = "优" } })).ReadJsonAsync<EntryLineDto>();

        // F01 needs its evidence first; nothing is reported while one line is refused.
        var refused = await clerk.PostAsJsonAsync($"{lines}/submit", new SubmitLinesInput { IndicatorCodes = ["B04", "F01", "B01"] });
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await refused.ReadProblemAsync()).GetProperty("errors");
        errors.TryGetProperty("lines.F01.evidence", out _).ShouldBeTrue();
        errors.GetProperty("lines.B01")[0].GetString()!.ShouldContain("B01");
        (await clerk.GetFromJsonAsync<EntryLineDto>($"/api/app/data-entry/lines/{b04!.Id}", HttpJson.Options))!.Status.ShouldBe("Draft");

        (await clerk.PostAsync($"/api/app/data-entry/lines/{f01!.Id}/evidence", PdfForm())).StatusCode.ShouldBe(HttpStatusCode.OK);
        var reported = await clerk.PostAsJsonAsync($"{lines}/submit", new SubmitLinesInput { IndicatorCodes = ["B04", "F01"] });
        reported.StatusCode.ShouldBe(HttpStatusCode.OK, await reported.Content.ReadAsStringAsync());
        var sheet = await reported.ReadJsonAsync<EntrySheetDto>();
        sheet!.Lines.Where(l => l.IndicatorCode is "B04" or "F01").Select(l => l.Status).ShouldAllBe(s => s == "UnitSubmitted");
        sheet.SubmissionStatus.ShouldNotBe("Submitted");

        // The clerk can no longer change the reported line; the city admin can.
        var stamp = sheet.Lines.Single(l => l.IndicatorCode == "B04").ConcurrencyStamp;
        var clerkEdit = await clerk.PutAsJsonAsync($"{lines}/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 70 }, ConcurrencyStamp = stamp });
        clerkEdit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await clerkEdit.ReadProblemAsync()).GetProperty("detail").GetString()!.ShouldContain("B04");
        (await clerk.PostAsync($"/api/app/data-entry/lines/{f01.Id}/evidence", PdfForm())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var adminEdit = await admin.PutAsJsonAsync($"{lines}/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 75 }, ConcurrencyStamp = stamp });
        adminEdit.StatusCode.ShouldBe(HttpStatusCode.OK);

        // Clerks may not return lines; the admin returns one with a comment and the clerk edits it again.
        (await clerk.PostAsJsonAsync($"{lines}/return", new ReturnLinesInput { IndicatorCodes = ["B04"], Comment = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync($"{lines}/return", new ReturnLinesInput { IndicatorCodes = ["B04"] })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var returned = await (await admin.PostAsJsonAsync($"{lines}/return", new ReturnLinesInput { IndicatorCodes = ["B04"], Comment = "请核对数据来源" })).ReadJsonAsync<EntrySheetDto>();
        var b04Returned = returned!.Lines.Single(l => l.IndicatorCode == "B04");
        b04Returned.Status.ShouldBe("Draft");
        b04Returned.ReturnComment.ShouldBe("请核对数据来源");
        b04Returned.Value.Number.ShouldBe(75m);
        returned.Lines.Single(l => l.IndicatorCode == "F01").Status.ShouldBe("UnitSubmitted");
        (await clerk.PutAsJsonAsync($"{lines}/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 78 }, ConcurrencyStamp = b04Returned.ConcurrencyStamp })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsJsonAsync($"{lines}/return", new ReturnLinesInput { IndicatorCodes = ["B04"], Comment = "again" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The city admin submits the city: every line goes to the province.
        (await admin.PostAsync($"/api/app/data-entry/periods/{period.Id}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var submitted = await admin.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{period.Id}", HttpJson.Options);
        submitted!.SubmissionStatus.ShouldBe("Submitted");
        submitted.Lines.Where(l => l.Reported).Select(l => l.Status).ShouldAllBe(s => s == "Submitted");
        (await clerk.PostAsJsonAsync($"{lines}/submit", new SubmitLinesInput { IndicatorCodes = ["B04"] })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_Not_Touch_Another_Citys_Reported_Lines_And_Answer_404_For_An_Unknown_Period()
    {
        using var clerk = await host.ClientForAsync("张掖", "clerk");
        using var admin = await host.ClientForAsync("张掖", "admin");
        var missing = Guid.NewGuid();
        (await clerk.PostAsJsonAsync($"/api/app/data-entry/periods/{missing}/lines/submit", new SubmitLinesInput { IndicatorCodes = ["B04"] })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await admin.PostAsJsonAsync($"/api/app/data-entry/periods/{missing}/lines/return", new ReturnLinesInput { IndicatorCodes = ["B04"], Comment = "x" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var period = await host.CreateOpenPeriodAsync();
        (await clerk.PostAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/submit", new SubmitLinesInput())).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        using var jinchang = await host.ClientForAsync("金昌", "clerk");
        var lines = $"/api/app/data-entry/periods/{period.Id}/lines";
        await jinchang.PutAsJsonAsync($"{lines}/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 60 } });
        (await jinchang.PostAsJsonAsync($"{lines}/submit", new SubmitLinesInput { IndicatorCodes = ["B04"] })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // 张掖 has no reported B04 of its own: the return is refused and 金昌's line stays reported.
        (await admin.PostAsJsonAsync($"{lines}/return", new ReturnLinesInput { IndicatorCodes = ["B04"], Comment = "x" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await clerk.PostAsJsonAsync($"{lines}/submit", new SubmitLinesInput { IndicatorCodes = ["B04"] })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var sheet = await jinchang.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{period.Id}", HttpJson.Options);
        sheet!.Lines.Single(l => l.IndicatorCode == "B04").Status.ShouldBe("UnitSubmitted");
    }

    private static MultipartFormDataContent PdfForm()
    {
        var file = new ByteArrayContent(Pdf);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", "evidence.pdf" } };
    }
}

public sealed class DataEntry_Http_Sqlite_Tests(SqliteHostFixture host) : DataEntry_Http_Tests<SqliteHostFixture>(host);

public sealed class DataEntry_Http_MySql_Tests(MySqlHostFixture host) : DataEntry_Http_Tests<MySqlHostFixture>(host);
