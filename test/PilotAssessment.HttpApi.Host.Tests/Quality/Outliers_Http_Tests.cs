using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using PilotAssessment.DataEntry;
using PilotAssessment.Dtos;
using PilotAssessment.Periods;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;
using static PilotAssessment.Quality.QualityTestClient;

namespace PilotAssessment.Quality;

/// <summary>The data-quality check at entry over HTTP: the flag on save, the note before reporting, bounds, the auditor's history.</summary>
public abstract class Outliers_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Flag_An_Outlier_On_Save_And_Refuse_Reporting_It_Without_A_Note()
    {
        await host.ApprovedHistoryAsync("酒泉", "B04", 80m, 82m, 84m);
        using var official = await host.ClientForAsync(null, "official");
        var period = await PeriodTestClient.CreateOpenPeriodAsync(official, host.NewYear());
        using var admin = await host.ClientForAsync("酒泉", "admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");

        var line = await SaveAsync(admin, period.Id, "B04", 95m);

        // Median 82, MAD 2: 0.6745 × 13 / 2 = 4.38.
        line.Quality.ShouldNotBeNull();
        line.Quality.Flag.ShouldBe("Outlier");
        line.Quality.FlagText.ShouldBe("异常值");
        line.Quality.Median.ShouldBe(82m);
        line.Quality.ZScore.ShouldBe(4.38m);
        line.Quality.HistoryCount.ShouldBe(3);
        line.Quality.NoteRequired.ShouldBeTrue();
        line.Quality.Warning.ShouldBe("与本市近3期中位数 82 相差过大（修正z分数 4.38）");

        var report = await admin.PostAsJsonAsync($"{Url}/periods/{period.Id}/lines/submit", new SubmitLinesInput { IndicatorCodes = ["B04"] });
        report.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var reportProblem = await report.ReadProblemAsync();
        reportProblem.GetProperty("detail").GetString()!.ShouldContain("B04 为异常值，请填写说明");
        reportProblem.GetProperty("errors").GetProperty("lines.B04.note")[0].GetString().ShouldBe("B04 为异常值，请填写说明。");

        var submit = await admin.PostAsync($"{Url}/periods/{period.Id}/submit", null);
        submit.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var submitProblem = await submit.ReadProblemAsync();
        submitProblem.GetProperty("detail").GetString()!.ShouldContain("B04 为异常值，请填写说明");
        submitProblem.GetProperty("errors").TryGetProperty("lines.B04.note", out _).ShouldBeTrue();

        var explained = await SaveAsync(admin, period.Id, "B04", 95m, "今年开展专项行动，办结率明显提高", line.ConcurrencyStamp);
        explained.Quality!.Flag.ShouldBe("Outlier");
        explained.Quality.NoteRequired.ShouldBeFalse();
        (await admin.PostAsJsonAsync($"{Url}/periods/{period.Id}/lines/submit", new SubmitLinesInput { IndicatorCodes = ["B04"] })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var submitted = await admin.PostAsync($"{Url}/periods/{period.Id}/submit", null);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());

        // The auditor sees the flag and the city's history beside the value.
        using var auditor = await host.ClientForAsync(null, "auditor");
        var sheet = await auditor.GetFromJsonAsync<EntrySheetDto>($"/api/app/reviews/periods/{period.Id}/cities/{await host.TenantIdAsync("酒泉")}", HttpJson.Options);
        var reviewed = sheet!.Lines.Single(l => l.IndicatorCode == "B04");
        reviewed.Quality!.Flag.ShouldBe("Outlier");
        reviewed.Note.ShouldBe("今年开展专项行动，办结率明显提高");
        reviewed.Quality.History!.Select(h => h.Value).ShouldBe([80m, 82m, 84m]);
        reviewed.Quality.History.ShouldAllBe(h => !string.IsNullOrEmpty(h.PeriodName));
        sheet.Lines.Single(l => l.IndicatorCode == "C04").Quality!.History.ShouldBeEmpty();
    }

    [Fact]
    public async Task Should_Not_Flag_A_Value_Close_To_The_History_Nor_One_Without_Enough_History()
    {
        await host.ApprovedHistoryAsync("金昌", "C04", 70m, 72m, 74m);
        using var official = await host.ClientForAsync(null, "official");
        var period = await PeriodTestClient.CreateOpenPeriodAsync(official, host.NewYear());
        using var admin = await host.ClientForAsync("金昌", "admin");

        var close = await SaveAsync(admin, period.Id, "C04", 75m);
        close.Quality!.Flag.ShouldBe("None");
        close.Quality.Warning.ShouldBeNull();
        close.Quality.NoteRequired.ShouldBeFalse();

        // B04 has no history in 金昌: nothing to compare with, and no bounds in the sample scheme.
        var alone = await SaveAsync(admin, period.Id, "B04", 99m);
        alone.Quality!.Flag.ShouldBe("None");
        alone.Quality.HistoryCount.ShouldBe(0);
        (await admin.PostAsync($"{Url}/periods/{period.Id}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Should_Count_Only_The_Last_Six_Approved_Periods_Though_Some_Lack_The_Line()
    {
        await host.ApprovedHistoryAsync("张掖", "C04", 70m, 72m, 74m);
        await host.ApprovedHistoryAsync("张掖", "B04", 80m, 81m, 82m, 83m, 84m, 85m);
        using var official = await host.ClientForAsync(null, "official");
        var period = await PeriodTestClient.CreateOpenPeriodAsync(official, host.NewYear());
        using var admin = await host.ClientForAsync("张掖", "admin");

        // The six approved periods without C04 are the last six: its older values are out of the history.
        var c04 = await SaveAsync(admin, period.Id, "C04", 75m);
        c04.Quality!.HistoryCount.ShouldBe(0);
        var b04 = await SaveAsync(admin, period.Id, "B04", 84m);
        b04.Quality!.HistoryCount.ShouldBe(6);
    }

    [Fact]
    public async Task Should_Keep_The_Bounds_Of_An_Indicator_And_Flag_A_Value_Outside_Them()
    {
        using var official = await host.ClientForAsync(null, "official");
        official.DefaultRequestHeaders.AcceptLanguage.ParseAdd("zh-Hans");
        var sample = (await official.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes?status=Published&maxResultCount=100", HttpJson.Options))!.Items.OrderBy(s => s.CreationTime).First();
        var draft = (await (await official.PostAsync($"/api/app/schemes/{sample.Id}/copy", null)).ReadJsonAsync<SchemeDto>())!;

        var inverted = await official.PutAsJsonAsync($"/api/app/schemes/{draft.Id}/indicators/B04", B04(draft, min: 90m, max: 80m));
        inverted.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await inverted.ReadProblemAsync()).GetProperty("errors").GetProperty("max")[0].GetString().ShouldBe("下限 90 大于上限 80。");

        var bounded = await official.PutAsJsonAsync($"/api/app/schemes/{draft.Id}/indicators/B04", B04(draft, min: 50m, max: 90m));
        bounded.StatusCode.ShouldBe(HttpStatusCode.OK, await bounded.Content.ReadAsStringAsync());
        draft = (await bounded.ReadJsonAsync<SchemeDto>())!;
        var b04 = Indicators(draft.Definition!.Value).Single(i => i.GetProperty("code").GetString() == "B04");
        (b04.GetProperty("min").GetDecimal(), b04.GetProperty("max").GetDecimal()).ShouldBe((50m, 90m));
        (await official.PostAsync($"/api/app/schemes/{draft.Id}/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var period = await OpenPeriodAsync(official, draft.Id, host.NewYear());
        using var admin = await host.ClientForAsync("兰州", "admin");
        admin.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var high = await SaveAsync(admin, period.Id, "B04", 95m);
        high.Quality!.Flag.ShouldBe("OutOfBounds");
        high.Quality.FlagText.ShouldBe("Out of bounds");
        high.Quality.Warning.ShouldBe("Above the indicator's maximum of 90");
        high.Quality.Max.ShouldBe(90m);
        var inside = await SaveAsync(admin, period.Id, "B04", 88m, stamp: high.ConcurrencyStamp);
        inside.Quality!.Flag.ShouldBe("None");
        var low = await SaveAsync(admin, period.Id, "B04", 40m, stamp: inside.ConcurrencyStamp);
        low.Quality!.Warning.ShouldBe("Below the indicator's minimum of 50");
        var sheet = await admin.GetFromJsonAsync<EntrySheetDto>($"{Url}/periods/{period.Id}", HttpJson.Options);
        sheet!.Lines.Single(l => l.IndicatorCode == "B04").Quality!.Flag.ShouldBe("OutOfBounds");
    }

    private static UpdateIndicatorInput B04(SchemeDto scheme, decimal? min, decimal? max) => new()
    {
        Name = "扫黑除恶线索核查办结率",
        Unit = "%",
        MaxPoints = 3,
        ResponsibleUnit = "市扫黑办",
        ScoreSource = "department",
        Min = min,
        Max = max,
        ConcurrencyStamp = scheme.ConcurrencyStamp!,
    };

    private static IEnumerable<JsonElement> Indicators(JsonElement definition)
    {
        IEnumerable<JsonElement> Walk(JsonElement category) =>
            category.GetProperty("indicators").EnumerateArray().Concat(category.GetProperty("children").EnumerateArray().SelectMany(Walk));
        return definition.GetProperty("categories").EnumerateArray().SelectMany(Walk);
    }
}

public sealed class Outliers_Http_Sqlite_Tests(SqliteHostFixture host) : Outliers_Http_Tests<SqliteHostFixture>(host);

public sealed class Outliers_Http_MySql_Tests(MySqlHostFixture host) : Outliers_Http_Tests<MySqlHostFixture>(host);
