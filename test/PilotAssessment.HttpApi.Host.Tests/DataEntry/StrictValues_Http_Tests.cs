using System.Net;
using System.Net.Http.Json;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataEntry;

/// <summary>
/// Only values the line's rule can score are saved; a draft may lack only what the grid shows (上年同期值), and such a
/// line is not reported. A save before the window says when it opens; a save without the stamp asks for it.
/// </summary>
public abstract class StrictValues_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Refuse_A_Checklist_Sent_As_A_Number_With_A_Localized_Field_Message()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("兰州", "clerk");
        var url = $"/api/app/data-entry/periods/{period.Id}/lines/A02";

        var zh = await clerk.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Number = 2 } });
        clerk.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var en = await clerk.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Number = 2 } });

        zh.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Messages(await zh.ReadProblemAsync(), "value.number").ShouldBe(["按“清单核查”评分的指标不填此项。"]);
        Messages(await en.ReadProblemAsync(), "value.number").ShouldBe(["Indicators scored by \"Checklist\" do not take this field."]);
        var sheet = await clerk.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{period.Id}", HttpJson.Options);
        sheet!.Lines.Single(l => l.IndicatorCode == "A02").Id.ShouldBeNull();
    }

    [Fact]
    public async Task Should_Refuse_Typed_Occurrences_Sent_As_A_Plain_Number_And_Take_Them_By_Type()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("天水", "clerk");
        var url = $"/api/app/data-entry/periods/{period.Id}/lines/D02";

        var plain = await clerk.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Number = 3 } });
        var untyped = await clerk.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Occurrences = [new EntryOccurrenceDto { Count = 3 }] } });
        var typed = await clerk.PutAsJsonAsync(url, new SaveEntryLineInput
        {
            Value = new EntryValueDto { Occurrences = [new EntryOccurrenceDto { Type = "per_province", Count = 1 }, new EntryOccurrenceDto { Type = "per_capital", Count = 2 }] },
        });

        plain.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Messages(await plain.ReadProblemAsync(), "value.number").ShouldBe(["请按类型填写次数（到省/到京）。"]);
        untyped.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Messages(await untyped.ReadProblemAsync(), "value.occurrences[0].type").ShouldBe(["请按类型填写次数（到省/到京）。"]);
        typed.StatusCode.ShouldBe(HttpStatusCode.OK, await typed.Content.ReadAsStringAsync());
        (await typed.ReadJsonAsync<EntryLineDto>())!.Value.Occurrences!.Sum(o => o.Count).ShouldBe(3);
    }

    [Fact]
    public async Task Should_Save_A_Year_On_Year_Line_Without_Last_Years_Figure_As_Flagged_And_Refuse_To_Report_It()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("酒泉", "clerk");
        using var admin = await host.ClientForAsync("酒泉", "admin");
        var lines = $"/api/app/data-entry/periods/{period.Id}/lines";

        var saved = await clerk.PutAsJsonAsync($"{lines}/B01", new SaveEntryLineInput { Value = new EntryValueDto { Number = 1200 } });

        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var line = (await saved.ReadJsonAsync<EntryLineDto>())!;
        line.Incomplete.Select(g => (g.Field, g.Message)).ShouldBe([("value.lastYearNumber", "缺少上年同期值")]);
        var sheet = await clerk.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{period.Id}", HttpJson.Options);
        sheet!.Lines.Single(l => l.IndicatorCode == "B01").Incomplete.Single().Message.ShouldBe("缺少上年同期值");
        sheet.Lines.Single(l => l.IndicatorCode == "B04").Incomplete.ShouldBeEmpty();

        var reported = await clerk.PostAsJsonAsync($"{lines}/submit", new SubmitLinesInput { IndicatorCodes = ["B01"] });
        reported.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        Messages(await reported.ReadProblemAsync(), "lines.B01").ShouldBe(["指标 B01 尚不能评分（缺少上年同期值），请补充后再报送。"]);
        var submitted = await admin.PostAsync($"/api/app/data-entry/periods/{period.Id}/submit", null);
        submitted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await submitted.ReadProblemAsync();
        problem.GetProperty("detail").GetString()!.ShouldContain("B01");
        Messages(problem, "lines.B01").Single().ShouldContain("缺少上年同期值");

        // With last year's figure the line is complete and is reported.
        var completed = await clerk.PutAsJsonAsync($"{lines}/B01", new SaveEntryLineInput { Value = new EntryValueDto { Number = 1200, LastYearNumber = 1300 }, ConcurrencyStamp = line.ConcurrencyStamp });
        completed.StatusCode.ShouldBe(HttpStatusCode.OK, await completed.Content.ReadAsStringAsync());
        (await completed.ReadJsonAsync<EntryLineDto>())!.Incomplete.ShouldBeEmpty();
        (await clerk.PostAsJsonAsync($"{lines}/submit", new SubmitLinesInput { IndicatorCodes = ["B01"] })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Should_Say_A_Period_Not_Open_Yet_Opens_At_Its_Time_In_Beijing(bool opened)
    {
        using var official = await host.ClientForAsync(null, "official");
        var period = await PeriodTestClient.CreatePeriodAsync(official, host.NewYear(), TimeSpan.FromDays(2), TimeSpan.FromDays(10), opened);
        using var clerk = await host.ClientForAsync("张掖", "clerk");

        var response = await clerk.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 90 } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.GetProperty("code").GetString().ShouldBe(DataEntryErrorCodes.WindowNotOpenYet);
        var opens = period.EntryOpensAtLocal.Replace('T', ' ');
        problem.GetProperty("detail").GetString().ShouldBe($"“{period.Name}”的填报尚未开始，将于 {opens}（北京时间）开放。");
    }

    [Fact]
    public async Task Should_Answer_A_Save_Without_Stamp_With_The_Other_Users_Value_When_Someone_Else_Saved_The_Line_First()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("金昌", "clerk");
        using var admin = await host.ClientForAsync("金昌", "admin");
        var url = $"/api/app/data-entry/periods/{period.Id}/lines/B04";
        (await clerk.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Number = 70 } })).StatusCode.ShouldBe(HttpStatusCode.OK);

        // The administrator read the line while it was empty: the clerk's save came between, so this is a race.
        var response = await admin.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Number = 75 } });

        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var problem = await response.ReadProblemAsync();
        problem.GetProperty("code").GetString().ShouldBe(DataEntryErrorCodes.StaleLine);
        problem.GetProperty("current").GetProperty("value").GetProperty("number").GetDecimal().ShouldBe(70m);
    }

    [Fact]
    public async Task Should_Ask_For_The_Stamp_When_An_Existing_Line_Is_Saved_Without_One()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("金昌", "clerk");
        var url = $"/api/app/data-entry/periods/{period.Id}/lines/B04";
        var first = (await (await clerk.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Number = 80 } })).ReadJsonAsync<EntryLineDto>())!;

        var response = await clerk.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Number = 85 } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.ReadProblemAsync();
        problem.GetProperty("code").GetString().ShouldBe(DataEntryErrorCodes.StampRequired);
        problem.TryGetProperty("current", out _).ShouldBeFalse();
        Messages(problem, "concurrencyStamp").ShouldBe(["指标 B04 已有填报内容：请重新读取该指标，带上读到的版本标记后再保存。"]);
        (await clerk.GetFromJsonAsync<EntryLineDto>($"/api/app/data-entry/lines/{first.Id}", HttpJson.Options))!.Value.Number.ShouldBe(80m);
        (await clerk.PutAsJsonAsync(url, new SaveEntryLineInput { Value = new EntryValueDto { Number = 85 }, ConcurrencyStamp = first.ConcurrencyStamp })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static string[] Messages(System.Text.Json.JsonElement problem, string field) =>
        problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(m => m.GetString()!).ToArray();
}

public sealed class StrictValues_Http_Sqlite_Tests(SqliteHostFixture host) : StrictValues_Http_Tests<SqliteHostFixture>(host);

public sealed class StrictValues_Http_MySql_Tests(MySqlHostFixture host) : StrictValues_Http_Tests<MySqlHostFixture>(host);
