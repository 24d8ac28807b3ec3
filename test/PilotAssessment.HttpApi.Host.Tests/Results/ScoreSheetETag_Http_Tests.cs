using System.Net;
using System.Net.Http.Json;
using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;

namespace PilotAssessment.Results;

/// <summary>
/// A published score sheet is served from its stored form with an ETag: 304 on revalidation, per language, never
/// to another city whatever the tag, and a new tag when the sheet gets a new version or its publication is withdrawn.
/// </summary>
public abstract class ScoreSheetETag_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Serve_A_Sheet_With_An_ETag_Answer_304_And_Give_A_New_Version_A_New_Tag()
    {
        var period = await host.CreateOpenPeriodAsync();
        var lanzhou = await host.TenantIdAsync("兰州");
        using (var clerk = await host.ClientForAsync("兰州", "clerk"))
        {
            (await clerk.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 95 } }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        using var official = await host.ClientForAsync(null, "official");
        await host.ApproveEveryCityAsync(period.Id);
        (await host.PublishLeavingOutAsync(official, period.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var url = $"/api/app/results/periods/{period.Id}";
        var sheetId = (await official.GetFromJsonAsync<List<RankingRowDto>>($"{url}/ranking", HttpJson.Options))!.Single(r => r.CityId == lanzhou).SheetId;

        // 200 with a strong ETag and the whole sheet, the same as the sheet built from its rows (the versions list).
        var first = await official.GetAsync($"/api/app/results/sheets/{sheetId}");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var etag = first.Headers.ETag;
        etag.ShouldNotBeNull();
        etag.IsWeak.ShouldBeFalse();
        var sheet = (await first.ReadJsonAsync<ScoreSheetRecordDto>())!;
        var built = (await official.GetFromJsonAsync<List<ScoreSheetRecordDto>>($"{url}/cities/{lanzhou}/versions", HttpJson.Options))!.Single();
        (sheet.Id, sheet.CityName, sheet.IsCurrent, sheet.Version, sheet.Total, sheet.Rank, sheet.WithdrawnTime).ShouldBe((built.Id, "兰州市", true, 1, built.Total, built.Rank, (DateTime?)null));
        sheet.Lines.Select(l => (l.IndicatorCode, l.Points, l.ValueText, l.ExplanationZh)).ShouldBe(built.Lines.Select(l => (l.IndicatorCode, l.Points, l.ValueText, l.ExplanationZh)));
        sheet.Lines.Single(l => l.IndicatorCode == "B04").ValueText.ShouldBe("95");
        sheet.CreationTimeLocal.ShouldBe(built.CreationTimeLocal);

        // Revalidation: 304 without a body, the same tag; a stale tag gets the sheet again.
        var again = await GetAsync(official, sheetId, etag.Tag);
        again.StatusCode.ShouldBe(HttpStatusCode.NotModified);
        again.Headers.ETag!.Tag.ShouldBe(etag.Tag);
        (await again.Content.ReadAsByteArrayAsync()).ShouldBeEmpty();
        var stale = await GetAsync(official, sheetId, "\"0123\"");
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);

        // Served again from this host's copy, written in parts: the same bytes, their length, UTF-8 JSON.
        var bytes = await stale.Content.ReadAsByteArrayAsync();
        bytes.ShouldBe(await first.Content.ReadAsByteArrayAsync());
        stale.Content.Headers.ContentLength.ShouldBe(bytes.Length);
        stale.Content.Headers.ContentType!.ToString().ShouldBe("application/json; charset=utf-8");
        System.Text.Json.JsonDocument.Parse(bytes).RootElement.GetProperty("cityName").GetString().ShouldBe("兰州市");
        (await GetAsync(official, sheetId, $"\"0123\", W/{etag.Tag}")).StatusCode.ShouldBe(HttpStatusCode.NotModified);

        // The city reads its own sheet with the same tag; another city gets 404 even with the matching tag.
        using var lanzhouAdmin = await host.ClientForAsync("兰州", "admin");
        (await GetAsync(lanzhouAdmin, sheetId, etag.Tag)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
        using var tianshuiAdmin = await host.ClientForAsync("天水", "admin");
        (await GetAsync(tianshuiAdmin, sheetId, etag.Tag)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await tianshuiAdmin.GetAsync($"/api/app/results/sheets/{sheetId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await official.GetAsync($"/api/app/results/sheets/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // Another language is another stored form and another tag.
        using var english = await host.ClientForAsync(null, "official");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var inEnglish = await GetAsync(english, sheetId, etag.Tag);
        inEnglish.StatusCode.ShouldBe(HttpStatusCode.OK);
        inEnglish.Headers.ETag!.Tag.ShouldNotBe(etag.Tag);
        (await inEnglish.ReadJsonAsync<ScoreSheetRecordDto>())!.Total.ShouldBe(sheet.Total);
        (await GetAsync(english, sheetId, inEnglish.Headers.ETag.Tag)).StatusCode.ShouldBe(HttpStatusCode.NotModified);

        // A retroactive veto makes a new version: a new sheet id with its own tag, and the old version's tag changes
        // too (it is no longer current).
        var vetoed = await official.PostAsJsonAsync($"{url}/cities/{lanzhou}/retroactive-veto", new RetroactiveVetoInput { VetoCode = "V4", Reason = "发生重大群体性事件" });
        vetoed.StatusCode.ShouldBe(HttpStatusCode.OK, await vetoed.Content.ReadAsStringAsync());
        var newId = (await vetoed.ReadJsonAsync<ScoreSheetRecordDto>())!.Id;
        newId.ShouldNotBe(sheetId);
        var newVersion = await GetAsync(official, newId, etag.Tag);
        newVersion.StatusCode.ShouldBe(HttpStatusCode.OK);
        newVersion.Headers.ETag!.Tag.ShouldNotBe(etag.Tag);
        var current = (await newVersion.ReadJsonAsync<ScoreSheetRecordDto>())!;
        (current.Version, current.IsCurrent, current.Total).ShouldBe((2, true, (decimal?)0m));
        var old = await GetAsync(official, sheetId, etag.Tag);
        old.StatusCode.ShouldBe(HttpStatusCode.OK);
        old.Headers.ETag!.Tag.ShouldNotBe(etag.Tag);
        var oldSheet = (await old.ReadJsonAsync<ScoreSheetRecordDto>())!;
        (oldSheet.Version, oldSheet.IsCurrent, oldSheet.Total).ShouldBe((1, false, sheet.Total));
        (await GetAsync(official, sheetId, old.Headers.ETag.Tag)).StatusCode.ShouldBe(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Should_Give_A_Sheet_A_New_Tag_When_Its_City_Appeals_And_When_The_Appeal_Is_Decided()
    {
        var period = await host.CreateOpenPeriodAsync();
        var tianshui = await host.TenantIdAsync("天水");
        using var official = await host.ClientForAsync(null, "official");
        using var auditor = await host.ClientForAsync(null, "auditor");
        await host.ApproveEveryCityAsync(period.Id);
        var submissions = await auditor.GetFromJsonAsync<List<SubmissionDto>>($"/api/app/reviews/periods/{period.Id}/submissions", HttpJson.Options);
        var published = await official.PostAsJsonAsync($"/api/app/results/periods/{period.Id}/publish", new PublishPeriodInput
        {
            EarlyCloseReason = "提前截止：全部城市已报送",
            LeftOut = submissions!.Where(s => s.Status != "Approved").Select(s => new LeftOutCityInput { CityId = s.CityId, Reason = "未按期报送" }).ToList(),
            AppealDays = 5,
        });
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var sheetId = (await official.GetFromJsonAsync<List<RankingRowDto>>($"/api/app/results/periods/{period.Id}/ranking", HttpJson.Options))!.Single(r => r.CityId == tianshui).SheetId;
        var first = await official.GetAsync($"/api/app/results/sheets/{sheetId}");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var tag = first.Headers.ETag!.Tag;
        (await first.ReadJsonAsync<ScoreSheetRecordDto>())!.Appeals.ShouldBeEmpty();

        // The city appeals its total: the same sheet, a new tag, the appeal in the body.
        using var tianshuiAdmin = await host.ClientForAsync("天水", "admin");
        var filed = await tianshuiAdmin.PostAsJsonAsync("/api/app/appeals", new Appeals.CreateAppealInput { PeriodId = period.Id, Reason = "总分有误" });
        filed.StatusCode.ShouldBe(HttpStatusCode.OK, await filed.Content.ReadAsStringAsync());
        var appeal = (await filed.ReadJsonAsync<Appeals.AppealDto>())!;
        var afterFiling = await GetAsync(official, sheetId, tag);
        afterFiling.StatusCode.ShouldBe(HttpStatusCode.OK);
        afterFiling.Headers.ETag!.Tag.ShouldNotBe(tag);
        (await afterFiling.ReadJsonAsync<ScoreSheetRecordDto>())!.Appeals.Single().Status.ShouldBe("Open");
        (await GetAsync(official, sheetId, afterFiling.Headers.ETag.Tag)).StatusCode.ShouldBe(HttpStatusCode.NotModified);

        // Its rejection changes the tag again.
        var rejected = await auditor.PostAsJsonAsync($"/api/app/appeals/{appeal.Id}/reject", new Appeals.RejectAppealInput { Reason = "总分计算无误" });
        rejected.StatusCode.ShouldBe(HttpStatusCode.OK, await rejected.Content.ReadAsStringAsync());
        var afterDecision = await GetAsync(official, sheetId, afterFiling.Headers.ETag.Tag);
        afterDecision.StatusCode.ShouldBe(HttpStatusCode.OK);
        afterDecision.Headers.ETag!.Tag.ShouldNotBeOneOf(tag, afterFiling.Headers.ETag.Tag);
        (await afterDecision.ReadJsonAsync<ScoreSheetRecordDto>())!.Appeals.Single().Status.ShouldBe("Rejected");
    }

    [Fact]
    public async Task Should_Never_Serve_The_Stored_Bytes_Of_A_Withdrawn_Publication_As_The_Republished_Sheet()
    {
        var period = await host.CreateOpenPeriodAsync();
        var zhangye = await host.TenantIdAsync("张掖");
        using var official = await host.ClientForAsync(null, "official");
        await host.ApproveEveryCityAsync(period.Id);
        (await host.PublishLeavingOutAsync(official, period.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var url = $"/api/app/results/periods/{period.Id}";
        var sheetId = (await official.GetFromJsonAsync<List<RankingRowDto>>($"{url}/ranking", HttpJson.Options))!.Single(r => r.CityId == zhangye).SheetId;

        // The second 200 is served from this host's copy of the stored bytes.
        var first = await official.GetAsync($"/api/app/results/sheets/{sheetId}");
        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        var tag = first.Headers.ETag!.Tag;
        var cached = await official.GetAsync($"/api/app/results/sheets/{sheetId}");
        (await cached.Content.ReadAsByteArrayAsync()).ShouldBe(await first.Content.ReadAsByteArrayAsync());
        cached.Headers.ETag!.Tag.ShouldBe(tag);

        // Withdrawn by another client (another request scope): the old sheet gets a new tag and says it is withdrawn.
        using (var another = await host.ClientForAsync(null, "official"))
        {
            var withdrawn = await another.PostAsJsonAsync($"{url}/withdraw-publication", new WithdrawPublicationInput { Reason = "发布范围有误" });
            withdrawn.StatusCode.ShouldBe(HttpStatusCode.OK, await withdrawn.Content.ReadAsStringAsync());
        }

        var afterWithdrawal = await GetAsync(official, sheetId, tag);
        afterWithdrawal.StatusCode.ShouldBe(HttpStatusCode.OK);
        afterWithdrawal.Headers.ETag!.Tag.ShouldNotBe(tag);
        var old = (await afterWithdrawal.ReadJsonAsync<ScoreSheetRecordDto>())!;
        (old.Id, old.Version, old.IsCurrent, old.WithdrawnTime.HasValue).ShouldBe((sheetId, 1, false, true));

        // Published again: the city's current sheet is a new document with its own tag, never the withdrawn bytes.
        (await host.PublishLeavingOutAsync(official, period.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var newId = (await official.GetFromJsonAsync<List<RankingRowDto>>($"{url}/ranking", HttpJson.Options))!.Single(r => r.CityId == zhangye).SheetId;
        newId.ShouldNotBe(sheetId);
        var republished = await GetAsync(official, newId, tag);
        republished.StatusCode.ShouldBe(HttpStatusCode.OK);
        republished.Headers.ETag!.Tag.ShouldNotBeOneOf(tag, afterWithdrawal.Headers.ETag.Tag);
        var current = (await republished.ReadJsonAsync<ScoreSheetRecordDto>())!;
        (current.Id, current.Version, current.IsCurrent, current.WithdrawnTime).ShouldBe((newId, 2, true, (DateTime?)null));

        // Another city's admin still gets 404 for it, even after this host holds its bytes.
        using var lanzhouAdmin = await host.ClientForAsync("兰州", "admin");
        (await lanzhouAdmin.GetAsync($"/api/app/results/sheets/{newId}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await GetAsync(lanzhouAdmin, newId, republished.Headers.ETag.Tag)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, Guid sheetId, string ifNoneMatch)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, $"/api/app/results/sheets/{sheetId}");
        request.Headers.TryAddWithoutValidation("If-None-Match", ifNoneMatch);
        return client.SendAsync(request);
    }
}

public sealed class ScoreSheetETag_Http_Sqlite_Tests(SqliteHostFixture host) : ScoreSheetETag_Http_Tests<SqliteHostFixture>(host);

public sealed class ScoreSheetETag_Http_MySql_Tests(MySqlHostFixture host) : ScoreSheetETag_Http_Tests<MySqlHostFixture>(host);
