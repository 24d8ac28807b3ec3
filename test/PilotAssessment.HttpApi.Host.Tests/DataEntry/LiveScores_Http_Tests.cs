using System.Net;
using System.Net.Http.Json;
using PilotAssessment.Agreements;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataEntry;

/// <summary>
/// While a clerk types, a line's would-be points and explanation and the city's 自评总分 with the typed value; the
/// sheet carries the points of the saved values and the running total before submission. Nothing is saved.
/// </summary>
public abstract class LiveScores_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private const string Url = "/api/app/data-entry";

    [Fact]
    public async Task Should_Score_A_Typed_Value_With_The_City_Total_Without_Saving_It()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("兰州", "clerk");
        (await clerk.PutAsJsonAsync($"{Url}/periods/{period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 96 } })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var sheet = await SheetAsync(clerk, period.Id);
        var b04 = sheet.Lines.Single(l => l.IndicatorCode == "B04");
        b04.Points.ShouldBe(3m);
        b04.Explanation.ShouldNotBeNullOrWhiteSpace();
        sheet.RunningTotal.ShouldBe(sheet.Lines.Sum(l => l.Points ?? 0));
        sheet.RunningTotal.ShouldBeGreaterThanOrEqualTo(3m);
        sheet.MaxTotal.ShouldBe(100m);

        var low = await PreviewAsync(clerk, period.Id, "B02", new EntryValueDto { Number = 50 });
        var high = await PreviewAsync(clerk, period.Id, "B02", new EntryValueDto { Number = 90 });

        low.Status.ShouldBe("Scored");
        high.Points.ShouldBeGreaterThan(low.Points);
        high.MaxPoints.ShouldBe(sheet.Lines.Single(l => l.IndicatorCode == "B02").MaxPoints);
        low.Total.ShouldBe(sheet.RunningTotal + low.Points);
        high.Total.ShouldBe(sheet.RunningTotal + high.Points);
        low.Explanation.ShouldNotBe(high.Explanation);
        low.Explanation.ShouldMatch("[\u4e00-\u9fff]");
        low.MaxTotal.ShouldBe(100m);

        // A saved line's typed value replaces the saved one in the total.
        var lowered = await PreviewAsync(clerk, period.Id, "B04", new EntryValueDto { Number = 50 });
        lowered.Points.ShouldBe(0m);
        lowered.Total.ShouldBe(sheet.RunningTotal - 3m);

        // Nothing was saved.
        var after = await SheetAsync(clerk, period.Id);
        after.Lines.Single(l => l.IndicatorCode == "B02").Id.ShouldBeNull();
        after.Lines.Single(l => l.IndicatorCode == "B04").Value.Number.ShouldBe(96m);
        after.RunningTotal.ShouldBe(sheet.RunningTotal);

        // In the user's language.
        clerk.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = await PreviewAsync(clerk, period.Id, "B02", new EntryValueDto { Number = 50 });
        english.Points.ShouldBe(low.Points);
        english.Explanation.ShouldNotMatch("[\u4e00-\u9fff]");
        english.Explanation.ShouldNotBeNullOrWhiteSpace();
        (await SheetAsync(clerk, period.Id)).Lines.Single(l => l.IndicatorCode == "B04").Explanation.ShouldNotMatch("[\u4e00-\u9fff]");
    }

    [Fact]
    public async Task Should_Say_What_A_Typed_Year_On_Year_Value_Lacks_And_Count_Only_The_Citys_Own_Lines()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var lanzhou = await host.ClientForAsync("兰州", "clerk");
        using var tianshui = await host.ClientForAsync("天水", "clerk");
        (await lanzhou.PutAsJsonAsync($"{Url}/periods/{period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 96 } })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var lacking = await PreviewAsync(tianshui, period.Id, "B01", new EntryValueDto { Number = 1200 });
        lacking.Incomplete.Select(g => g.Field).ShouldBe(["value.lastYearNumber"]);
        lacking.Incomplete[0].Message.ShouldNotBeNullOrWhiteSpace();
        var complete = await PreviewAsync(tianshui, period.Id, "B01", new EntryValueDto { Number = 1200, LastYearNumber = 1300 });
        complete.Incomplete.ShouldBeEmpty();
        complete.Status.ShouldBe("Scored");

        // 天水's total knows nothing of 兰州's saved line.
        var own = await SheetAsync(tianshui, period.Id);
        complete.Total.ShouldBe(own.RunningTotal + complete.Points);
        var b04 = await PreviewAsync(tianshui, period.Id, "B04", new EntryValueDto());
        b04.Status.ShouldBe("Unreported");
        b04.Total.ShouldBe(own.RunningTotal);
    }

    [Fact]
    public async Task Should_Refuse_Bad_Values_Beside_Their_Field_In_The_Users_Language()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("酒泉", "clerk");
        var url = $"{Url}/periods/{period.Id}/lines/A02/preview";

        var zh = await clerk.PostAsJsonAsync(url, new PreviewLineInput { Value = new EntryValueDto { Number = 2 } });
        var tooHigh = await clerk.PostAsJsonAsync($"{Url}/periods/{period.Id}/lines/B02/preview", new PreviewLineInput { Value = new EntryValueDto { Number = 150 } });
        var unknown = await clerk.PostAsJsonAsync($"{Url}/periods/{period.Id}/lines/Z99/preview", new PreviewLineInput { Value = new EntryValueDto { Number = 1 } });
        var malformed = await clerk.PostAsync($"{Url}/periods/{period.Id}/lines/B02/preview", new StringContent("{\"value\":{\"number\":\"many\"}}", System.Text.Encoding.UTF8, "application/json"));
        clerk.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var en = await clerk.PostAsJsonAsync(url, new PreviewLineInput { Value = new EntryValueDto { Number = 2 } });

        zh.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Messages(await zh.ReadProblemAsync(), "value.number").ShouldBe(["按“清单核查”评分的指标不填此项。"]);
        en.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Messages(await en.ReadProblemAsync(), "value.number").ShouldBe(["Indicators scored by \"Checklist\" do not take this field."]);
        tooHigh.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Messages(await tooHigh.ReadProblemAsync(), "value.number")[0].ShouldContain("100");
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.ReadProblemAsync()).GetProperty("detail").GetString()!.ShouldContain("Z99");
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await malformed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Should_Preview_Only_For_Those_Who_May_Enter_The_Line()
    {
        var year = host.NewYear();
        using var official = await host.ClientForAsync(null, "official");
        var agreement = await AgreementTestClient.InForceAsync(host, official, "金昌", year);
        var period = await PeriodTestClient.CreateOpenPeriodAsync(official, year);
        using var admin = await host.ClientForAsync("金昌", "admin");
        var police = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, $"GA-{year}", $"公安局{year}", OrganizationUnitKind.Department, null);
        var justice = await OrganizationUnits_Http_Tests<THost>.CreateAsync(admin, $"SF-{year}", $"司法局{year}", OrganizationUnitKind.Department, null);
        using var policeClerk = await UnitTestClient.CreateMemberAsync(host, admin, "金昌", police.Id, $"ga-{year}");
        using var justiceClerk = await UnitTestClient.CreateMemberAsync(host, admin, "金昌", justice.Id, $"sf-{year}");
        var assigned = await admin.PutAsJsonAsync($"{AgreementTestClient.Url}/{agreement.Id}/assignments", new AssignUnitsInput
        {
            Lines = [new() { Code = "B04", UnitId = police.Id }, new() { Code = "F01", UnitId = justice.Id }],
        });
        assigned.StatusCode.ShouldBe(HttpStatusCode.OK, await assigned.Content.ReadAsStringAsync());
        var url = $"{Url}/periods/{period.Id}/lines/B04/preview";
        var body = new PreviewLineInput { Value = new EntryValueDto { Number = 96 } };

        (await policeClerk.PostAsJsonAsync(url, body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsJsonAsync(url, body)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await justiceClerk.PostAsJsonAsync(url, body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var clerk = await host.ClientForAsync("金昌", "clerk");
        (await clerk.PostAsJsonAsync(url, body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await clerk.PostAsJsonAsync($"{Url}/periods/{period.Id}/lines/B02/preview", new PreviewLineInput { Value = new EntryValueDto { Number = 90 } })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The province has no sheet of its own; an unknown period is not found.
        using var auditor = await host.ClientForAsync(null, "auditor");
        (await auditor.PostAsJsonAsync(url, body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await official.PostAsJsonAsync(url, body)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.PostAsJsonAsync($"{Url}/periods/{Guid.NewGuid()}/lines/B04/preview", body)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        using var anonymous = host.CreateClient();
        (await anonymous.PostAsJsonAsync(url, body)).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    private static async Task<EntrySheetDto> SheetAsync(HttpClient client, Guid periodId) =>
        (await client.GetFromJsonAsync<EntrySheetDto>($"{Url}/periods/{periodId}", HttpJson.Options))!;

    private static async Task<LineScorePreviewDto> PreviewAsync(HttpClient client, Guid periodId, string code, EntryValueDto value)
    {
        var answer = await client.PostAsJsonAsync($"{Url}/periods/{periodId}/lines/{code}/preview", new PreviewLineInput { Value = value });
        answer.StatusCode.ShouldBe(HttpStatusCode.OK, await answer.Content.ReadAsStringAsync());
        return (await answer.ReadJsonAsync<LineScorePreviewDto>())!;
    }

    private static string[] Messages(System.Text.Json.JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToArray();
}

public sealed class LiveScores_Http_Sqlite_Tests(SqliteHostFixture host) : LiveScores_Http_Tests<SqliteHostFixture>(host);

public sealed class LiveScores_Http_MySql_Tests(MySqlHostFixture host) : LiveScores_Http_Tests<MySqlHostFixture>(host);
