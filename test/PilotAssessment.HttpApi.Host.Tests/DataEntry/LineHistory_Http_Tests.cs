using System.Net;
using System.Net.Http.Json;
using PilotAssessment.Periods;
using PilotAssessment.Reviews;
using Shouldly;
using Xunit;

namespace PilotAssessment.DataEntry;

/// <summary>A line's history keeps the auditor's adjustments beside the city's saves, with the reason of each, also of a cleared one.</summary>
public abstract class LineHistory_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Show_An_Adjustment_And_Why_It_Was_Cleared_In_The_Lines_History()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var clerk = await host.ClientForAsync("酒泉", "clerk");
        var saved = await clerk.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 90 } });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var line = (await saved.ReadJsonAsync<EntryLineDto>())!;
        using (var admin = await host.ClientForAsync("酒泉", "admin"))
        {
            var submitted = await admin.PostAsync($"/api/app/data-entry/periods/{period.Id}/submit", null);
            submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        }

        using var auditor = await host.ClientForAsync(null, "auditor");
        (await auditor.PostAsJsonAsync($"/api/app/reviews/lines/{line.Id}/adjust", new AdjustLineInput { Score = 1, Reason = "台账不全" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await auditor.PostAsJsonAsync($"/api/app/reviews/lines/{line.Id}/clear-adjustment", new ClearAdjustmentInput { Reason = " 补充台账后认可自评 " })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var history = (await clerk.GetFromJsonAsync<List<ValueHistoryDto>>($"/api/app/data-entry/lines/{line.Id}/history", HttpJson.Options))!;
        history.Count.ShouldBe(3);
        (history[0].NewValue.Number, history[0].AdjustReason, history[0].AdjustClearReason).ShouldBe(((decimal?)90m, (string?)null, (string?)null));
        (history[1].AuditorScore, history[1].AdjustReason, history[1].AdjustClearReason).ShouldBe(((decimal?)1m, "台账不全", (string?)null));
        (history[2].AuditorScore, history[2].AdjustReason, history[2].AdjustClearReason).ShouldBe(((decimal?)null, (string?)null, "补充台账后认可自评"));
        history[2].UserName.ShouldBe("auditor");
        history[2].NewValue.Number.ShouldBe(90m);
    }
}

public sealed class LineHistory_Http_Sqlite_Tests(SqliteHostFixture host) : LineHistory_Http_Tests<SqliteHostFixture>(host);

public sealed class LineHistory_Http_MySql_Tests(MySqlHostFixture host) : LineHistory_Http_Tests<MySqlHostFixture>(host);
