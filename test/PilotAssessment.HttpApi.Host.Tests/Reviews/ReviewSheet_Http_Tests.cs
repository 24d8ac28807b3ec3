using System.Net;
using System.Net.Http.Json;
using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;

namespace PilotAssessment.Reviews;

/// <summary>The review sheet explains every line's points, and keeps why an adjustment was cleared beside the line.</summary>
public abstract class ReviewSheet_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Show_Each_Lines_Explanation_And_Why_An_Adjustment_Was_Cleared()
    {
        var period = await host.CreateOpenPeriodAsync();
        var city = await host.TenantIdAsync("张掖");
        using (var clerk = await host.ClientForAsync("张掖", "clerk"))
        {
            var saved = await clerk.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 90 } });
            saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        }

        using var admin = await host.ClientForAsync("张掖", "admin");
        var submitted = await admin.PostAsync($"/api/app/data-entry/periods/{period.Id}/submit", null);
        submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());

        using var auditor = await host.ClientForAsync(null, "auditor");
        var url = $"/api/app/reviews/periods/{period.Id}/cities/{city}";
        var review = (await auditor.GetFromJsonAsync<EntrySheetDto>(url, HttpJson.Options))!;
        var b04 = review.Lines.Single(l => l.IndicatorCode == "B04");
        (b04.SelfScore, b04.Points).ShouldBe(((decimal?)2m, (decimal?)2m));
        b04.Explanation.ShouldNotBeNullOrWhiteSpace();
        b04.Explanation.ShouldMatch("[\u4e00-\u9fff]");
        b04.AdjustClearReason.ShouldBeNull();
        review.Lines.Where(l => l.Id is null).ShouldAllBe(l => !string.IsNullOrEmpty(l.Explanation));

        (await auditor.PostAsJsonAsync($"/api/app/reviews/lines/{b04.Id}/adjust", new AdjustLineInput { Score = 1, Reason = "台账不全" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var cleared = await auditor.PostAsJsonAsync($"/api/app/reviews/lines/{b04.Id}/clear-adjustment", new ClearAdjustmentInput { Reason = "  补充台账后认可自评 " });
        cleared.StatusCode.ShouldBe(HttpStatusCode.OK, await cleared.Content.ReadAsStringAsync());
        var line = (await cleared.ReadJsonAsync<EntryLineDto>())!;
        (line.AuditorScore, line.AdjustReason, line.AdjustClearReason).ShouldBe(((decimal?)null, (string?)null, "补充台账后认可自评"));

        // The sheet read again, by the auditor and by the city, says why the line is back to its self score.
        var again = (await auditor.GetFromJsonAsync<EntrySheetDto>(url, HttpJson.Options))!;
        again.Lines.Single(l => l.IndicatorCode == "B04").AdjustClearReason.ShouldBe("补充台账后认可自评");
        var citySheet = (await admin.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{period.Id}", HttpJson.Options))!;
        citySheet.Lines.Single(l => l.IndicatorCode == "B04").AdjustClearReason.ShouldBe("补充台账后认可自评");
        citySheet.RunningTotal.ShouldBe(citySheet.SelfTotal!.Value);

        // A new adjustment leaves the cleared reason behind: the line shows the current adjustment only.
        (await auditor.PostAsJsonAsync($"/api/app/reviews/lines/{b04.Id}/adjust", new AdjustLineInput { Score = 0, Reason = "复核不符" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var readjusted = (await auditor.GetFromJsonAsync<EntrySheetDto>(url, HttpJson.Options))!.Lines.Single(l => l.IndicatorCode == "B04");
        (readjusted.AuditorScore, readjusted.AdjustReason, readjusted.AdjustClearReason).ShouldBe(((decimal?)0m, "复核不符", (string?)null));

        auditor.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var english = (await auditor.GetFromJsonAsync<EntrySheetDto>(url, HttpJson.Options))!;
        english.Lines.Single(l => l.IndicatorCode == "B04").Explanation.ShouldNotMatch("[\u4e00-\u9fff]");
    }
}

public sealed class ReviewSheet_Http_Sqlite_Tests(SqliteHostFixture host) : ReviewSheet_Http_Tests<SqliteHostFixture>(host);

public sealed class ReviewSheet_Http_MySql_Tests(MySqlHostFixture host) : ReviewSheet_Http_Tests<MySqlHostFixture>(host);
