using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.RegularExpressions;
using PilotAssessment.DataEntry;
using PilotAssessment.Dtos;
using PilotAssessment.Periods;
using PilotAssessment.Results;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;

namespace PilotAssessment.Appeals;

/// <summary>
/// A staged publication (公示) over HTTP: a city appeals a line, the auditor upholds it and every city is re-ranked,
/// another appeal is rejected with its reason, the province closes the notice early and finalizes; another city and
/// a clerk never reach the appeal.
/// </summary>
public abstract class Appeals_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private static int _year = 2070;

    private static readonly byte[] Pdf = "%PDF-1.4\n%%EOF"u8.ToArray();

    [Fact]
    public async Task Should_Uphold_An_Appeal_During_The_Notice_Rerank_The_Cities_And_Finalize_Only_After_The_Notice()
    {
        var (period, tianshui) = await PublishInNoticeAsync();
        var lanzhou = await host.TenantIdAsync("兰州");
        using var official = await host.ClientForAsync(null, "official");
        using var auditor = await host.ClientForAsync(null, "auditor");
        using var tianshuiAdmin = await host.ClientForAsync("天水", "admin");
        using var lanzhouAdmin = await host.ClientForAsync("兰州", "admin");

        // The notice: the cities may appeal until its end, given in Beijing time; the results cannot be final yet.
        var publicity = (await tianshuiAdmin.GetFromJsonAsync<PublicityDto>($"/api/app/appeals/periods/{period.Id}/publicity", HttpJson.Options))!;
        (publicity.Staged, publicity.AcceptsAppeals, publicity.Days, publicity.Final).ShouldBe((true, true, 5, false));
        publicity.EndsAtLocal.ShouldBe(ProvinceTime.ToLocal(publicity.EndsAt!.Value).ToString("yyyy-MM-dd HH:mm"));
        var early = await official.PostAsync($"/api/app/results/periods/{period.Id}/finalize", null);
        early.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await early.ReadProblemAsync()).GetProperty("detail").GetString()!.ShouldContain(publicity.EndsAtLocal!);

        // Filing needs a reason and a line of the sheet.
        var noReason = await tianshuiAdmin.PostAsJsonAsync("/api/app/appeals", new CreateAppealInput { PeriodId = period.Id, IndicatorCode = "B04" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.ReadProblemAsync()).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        var unknown = await tianshuiAdmin.PostAsJsonAsync("/api/app/appeals", new CreateAppealInput { PeriodId = period.Id, IndicatorCode = "ZZ9", Reason = "有误" });
        unknown.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unknown.ReadProblemAsync()).GetProperty("errors").GetProperty("indicatorCode")[0].GetString()!.ShouldContain("ZZ9");

        var before = (await tianshuiAdmin.GetFromJsonAsync<ScoreSheetRecordDto>($"/api/app/results/periods/{period.Id}/my-sheet", HttpJson.Options))!;
        var lanzhouTotal = (await lanzhouAdmin.GetFromJsonAsync<ScoreSheetRecordDto>($"/api/app/results/periods/{period.Id}/my-sheet", HttpJson.Options))!.Total!.Value;

        // The line with the most points to gain: upheld at its maximum, 天水 passes 兰州.
        var line = before.Lines.OrderByDescending(l => l.MaxPoints - l.Points).ThenBy(l => l.IndicatorCode, StringComparer.Ordinal).First();
        (before.Total!.Value + line.MaxPoints - line.Points).ShouldBeGreaterThan(lanzhouTotal);
        var filed = await tianshuiAdmin.PostAsJsonAsync("/api/app/appeals", new CreateAppealInput { PeriodId = period.Id, IndicatorCode = line.IndicatorCode, RequestedScore = line.MaxPoints, Reason = "调查样本统计口径有误" });
        filed.StatusCode.ShouldBe(HttpStatusCode.OK, await filed.Content.ReadAsStringAsync());
        var appeal = (await filed.ReadJsonAsync<AppealDto>())!;
        (appeal.Status, appeal.StatusText, appeal.CurrentScore, appeal.SheetVersion, appeal.Target).ShouldBe(("Open", "待裁决", line.Points, 1, $"{line.IndicatorCode} {line.IndicatorName}"));
        var twice = await tianshuiAdmin.PostAsJsonAsync("/api/app/appeals", new CreateAppealInput { PeriodId = period.Id, IndicatorCode = line.IndicatorCode, Reason = "再次" });
        twice.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var evidence = await UploadAsync(tianshuiAdmin, appeal.Id);
        evidence.StatusCode.ShouldBe(HttpStatusCode.OK, await evidence.Content.ReadAsStringAsync());
        var file = (await evidence.ReadJsonAsync<AppealEvidenceDto>())!;

        // The publication cannot be taken back while an appeal waits for its decision.
        var withdraw = await official.PostAsJsonAsync($"/api/app/results/periods/{period.Id}/withdraw-publication", new WithdrawPublicationInput { Reason = "重新发布" });
        withdraw.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // The auditor's queue holds it, with the city's name and its evidence.
        var queue = (await auditor.GetFromJsonAsync<List<AppealDto>>($"/api/app/appeals?periodId={period.Id}&status=Open", HttpJson.Options))!;
        var queued = queue.Single(a => a.Id == appeal.Id);
        (queued.CityName, queued.Evidence.Single().Id).ShouldBe(("天水市", file.Id));
        (await auditor.GetAsync($"/api/app/appeals/evidence/{file.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);

        // Upholding needs the new score within the line's points and a reason.
        var noScore = await auditor.PostAsJsonAsync($"/api/app/appeals/{appeal.Id}/uphold", new UpholdAppealInput { Reason = "复核属实" });
        noScore.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noScore.ReadProblemAsync()).GetProperty("errors").TryGetProperty("score", out _).ShouldBeTrue();
        var tooHigh = await auditor.PostAsJsonAsync($"/api/app/appeals/{appeal.Id}/uphold", new UpholdAppealInput { Score = line.MaxPoints + 1, Reason = "复核属实" });
        tooHigh.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var ranking = (await official.GetFromJsonAsync<List<RankingRowDto>>($"/api/app/results/periods/{period.Id}/ranking", HttpJson.Options))!;
        ranking.Single(r => r.CityId == lanzhou).Rank.ShouldBe(1);
        ranking.Single(r => r.CityId == tianshui).Rank.ShouldBe(2);

        var upheld = await auditor.PostAsJsonAsync($"/api/app/appeals/{appeal.Id}/uphold", new UpholdAppealInput { Score = line.MaxPoints, Reason = "复核样本后认可" });
        upheld.StatusCode.ShouldBe(HttpStatusCode.OK, await upheld.Content.ReadAsStringAsync());
        var decided = (await upheld.ReadJsonAsync<AppealDto>())!;
        (decided.Status, decided.DecidedScore, decided.ResultVersion, decided.DecisionReason).ShouldBe(("Upheld", (decimal?)line.MaxPoints, (int?)2, "复核样本后认可"));

        // A new version with the line's new score, and every city ranked again.
        var after = (await tianshuiAdmin.GetFromJsonAsync<ScoreSheetRecordDto>($"/api/app/results/periods/{period.Id}/my-sheet", HttpJson.Options))!;
        (after.Version, after.Kind).ShouldBe((2, "AppealUpheld"));
        after.Reason!.ShouldStartWith("申诉改判");
        after.Total.ShouldBe(before.Total + (line.MaxPoints - line.Points));
        var changed = after.Lines.Single(l => l.IndicatorCode == line.IndicatorCode);
        (changed.Points, changed.AuditorScore).ShouldBe((line.MaxPoints, (decimal?)line.MaxPoints));
        changed.AdjustReason!.ShouldStartWith("申诉改判");
        after.Appeals.Single().Status.ShouldBe("Upheld");
        ranking = (await official.GetFromJsonAsync<List<RankingRowDto>>($"/api/app/results/periods/{period.Id}/ranking", HttpJson.Options))!;
        ranking.Single(r => r.CityId == tianshui).Rank.ShouldBe(1);
        ranking.Single(r => r.CityId == lanzhou).Rank.ShouldBe(2);
        var lanzhouVersions = (await official.GetFromJsonAsync<List<ScoreSheetRecordDto>>($"/api/app/results/periods/{period.Id}/cities/{lanzhou}/versions", HttpJson.Options))!;
        lanzhouVersions.Last().Kind.ShouldBe("Reranked");

        // An appeal on the total is rejected with its reason, once; the city sees both decisions in its history.
        var total = (await (await tianshuiAdmin.PostAsJsonAsync("/api/app/appeals", new CreateAppealInput { PeriodId = period.Id, Reason = "总分计算有误" })).ReadJsonAsync<AppealDto>())!;
        (total.IndicatorCode, total.Target, total.CurrentScore).ShouldBe(((string?)null, "总分", after.Total!.Value));
        var rejected = await auditor.PostAsJsonAsync($"/api/app/appeals/{total.Id}/reject", new RejectAppealInput { Reason = "总分计算无误" });
        rejected.StatusCode.ShouldBe(HttpStatusCode.OK, await rejected.Content.ReadAsStringAsync());
        var again = await auditor.PostAsJsonAsync($"/api/app/appeals/{total.Id}/uphold", new UpholdAppealInput { IndicatorCode = line.IndicatorCode, Score = 0, Reason = "再议" });
        again.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await again.ReadProblemAsync()).GetProperty("detail").GetString()!.ShouldContain("驳回");
        var mine = (await tianshuiAdmin.GetFromJsonAsync<List<AppealDto>>($"/api/app/appeals?periodId={period.Id}", HttpJson.Options))!;
        mine.Select(a => (a.Status, a.DecisionReason)).ShouldBe([("Upheld", "复核样本后认可"), ("Rejected", "总分计算无误")], ignoreOrder: true);
        var versions = (await tianshuiAdmin.GetFromJsonAsync<List<ScoreSheetRecordDto>>($"/api/app/results/periods/{period.Id}/cities/{tianshui}/versions", HttpJson.Options))!;
        versions.Select(v => v.Kind).ShouldBe(["Published", "AppealUpheld"]);
        versions.Last().Appeals.Count.ShouldBe(2);
        var pdf = await tianshuiAdmin.GetAsync($"/api/app/results/sheets/{after.Id}/export/pdf");
        pdf.StatusCode.ShouldBe(HttpStatusCode.OK);
        var annex = await PdfTextAsync(await pdf.Content.ReadAsByteArrayAsync());
        annex.ShouldContain("附件：申诉及裁决");
        annex.ShouldContain("复核样本后认可");
        annex.ShouldContain("总分计算无误");
        annex.ShouldContain("申诉改判后重新评定");

        // The province closes the notice early, with a reason; then no more appeals, and the results become final.
        var noClose = await official.PostAsJsonAsync($"/api/app/appeals/periods/{period.Id}/publicity/close", new ClosePublicityInput());
        noClose.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var closed = await official.PostAsJsonAsync($"/api/app/appeals/periods/{period.Id}/publicity/close", new ClosePublicityInput { Reason = "各市申诉均已裁决" });
        closed.StatusCode.ShouldBe(HttpStatusCode.OK, await closed.Content.ReadAsStringAsync());
        (await closed.ReadJsonAsync<PublicityDto>())!.AcceptsAppeals.ShouldBeFalse();
        var late = await lanzhouAdmin.PostAsJsonAsync("/api/app/appeals", new CreateAppealInput { PeriodId = period.Id, IndicatorCode = "B04", Reason = "迟到的申诉" });
        late.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await official.PostAsync($"/api/app/results/periods/{period.Id}/finalize", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var final = await auditor.PostAsJsonAsync($"/api/app/appeals/{appeal.Id}/reject", new RejectAppealInput { Reason = "已正式发布" });
        final.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Should_Answer_404_To_Another_City_And_403_To_A_Clerk_On_Every_Appeal_Operation()
    {
        var (period, _) = await PublishInNoticeAsync();
        using var tianshuiAdmin = await host.ClientForAsync("天水", "admin");
        var appeal = (await (await tianshuiAdmin.PostAsJsonAsync("/api/app/appeals", new CreateAppealInput { PeriodId = period.Id, IndicatorCode = "B04", Reason = "样本有误" })).ReadJsonAsync<AppealDto>())!;
        var file = (await (await UploadAsync(tianshuiAdmin, appeal.Id)).ReadJsonAsync<AppealEvidenceDto>())!;

        // 兰州's administrator finds nothing of 天水's appeal.
        using var lanzhouAdmin = await host.ClientForAsync("兰州", "admin");
        (await lanzhouAdmin.GetAsync($"/api/app/appeals/{appeal.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lanzhouAdmin.GetAsync($"/api/app/appeals/evidence/{file.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await UploadAsync(lanzhouAdmin, appeal.Id)).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await lanzhouAdmin.GetFromJsonAsync<List<AppealDto>>($"/api/app/appeals?periodId={period.Id}", HttpJson.Options))!.ShouldBeEmpty();
        (await lanzhouAdmin.PostAsJsonAsync($"/api/app/appeals/{appeal.Id}/uphold", new UpholdAppealInput { Score = 0, Reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await lanzhouAdmin.PostAsJsonAsync($"/api/app/appeals/{appeal.Id}/reject", new RejectAppealInput { Reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // A unit's clerk, of 天水 itself, neither reads nor files appeals: they are the city administrator's.
        using var clerk = await host.ClientForAsync("天水", "clerk");
        (await clerk.GetAsync($"/api/app/appeals/{appeal.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await clerk.GetAsync($"/api/app/appeals/evidence/{file.Id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await clerk.GetAsync("/api/app/appeals")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await clerk.PostAsJsonAsync("/api/app/appeals", new CreateAppealInput { PeriodId = period.Id, Reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await UploadAsync(clerk, appeal.Id)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        // A city cannot decide its own appeal, and the appeal is untouched.
        (await tianshuiAdmin.PostAsJsonAsync($"/api/app/appeals/{appeal.Id}/uphold", new UpholdAppealInput { Score = 3, Reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        using var auditor = await host.ClientForAsync(null, "auditor");
        var kept = (await auditor.GetFromJsonAsync<AppealDto>($"/api/app/appeals/{appeal.Id}", HttpJson.Options))!;
        (kept.Status, kept.Evidence.Count).ShouldBe(("Open", 1));
    }

    [Fact]
    public async Task Should_Refuse_A_Notice_Of_Zero_Days_Beside_The_Field_In_Both_Languages()
    {
        var period = await CreateOpenPeriodAsync();
        await EnterAndApproveAsync(period.Id);
        using var official = await host.ClientForAsync(null, "official");
        var input = await PublishInputAsync(period.Id, 0);

        var refused = await official.PostAsJsonAsync($"/api/app/results/periods/{period.Id}/publish", input);

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.ReadProblemAsync()).GetProperty("errors").GetProperty("appealDays")[0].GetString().ShouldBe("公示天数须在 1 至 30 天之间。");
        using var english = await host.ClientForAsync(null, "official");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var refusedEn = await english.PostAsJsonAsync($"/api/app/results/periods/{period.Id}/publish", input);
        (await refusedEn.ReadProblemAsync()).GetProperty("errors").GetProperty("appealDays")[0].GetString().ShouldBe("The public-notice period must be between 1 and 30 days.");
        var periodDto = await official.GetFromJsonAsync<PeriodDto>($"/api/app/periods/{period.Id}", HttpJson.Options);
        periodDto!.Status.ShouldNotBe("Published");
    }

    /// <summary>The PDF's text without white space (pdftotext guesses spaces from glyph positions).</summary>
    private static async Task<string> PdfTextAsync(byte[] content)
    {
        var path = Path.Combine(Path.GetTempPath(), $"appeal-sheet-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, content);
        try
        {
            var start = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, StandardOutputEncoding = Encoding.UTF8 };
            foreach (var argument in new[] { "-layout", path, "-" })
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var text = await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return Regex.Replace(text, @"\s+", string.Empty);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid appealId)
    {
        var content = new ByteArrayContent(Pdf);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return await client.PostAsync($"/api/app/appeals/{appealId}/evidence", new MultipartFormDataContent { { content, "file", "申诉材料.pdf" } });
    }

    /// <summary>兰州 (B04 95) and 天水 (B04 90) approved, the other cities left out, published with a five-day notice.</summary>
    private async Task<(PeriodDto Period, Guid Tianshui)> PublishInNoticeAsync()
    {
        var period = await CreateOpenPeriodAsync();
        await EnterAndApproveAsync(period.Id);
        using var official = await host.ClientForAsync(null, "official");
        var published = await official.PostAsJsonAsync($"/api/app/results/periods/{period.Id}/publish", await PublishInputAsync(period.Id, 5));
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        return (period, await host.TenantIdAsync("天水"));
    }

    private async Task EnterAndApproveAsync(Guid periodId)
    {
        using var auditor = await host.ClientForAsync(null, "auditor");
        foreach (var (city, value) in new[] { ("兰州", 95m), ("天水", 90m) })
        {
            using (var clerk = await host.ClientForAsync(city, "clerk"))
            {
                var saved = await clerk.PutAsJsonAsync($"/api/app/data-entry/periods/{periodId}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = value } });
                saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
            }

            using var admin = await host.ClientForAsync(city, "admin");
            var submitted = await admin.PostAsync($"/api/app/data-entry/periods/{periodId}/submit", null);
            submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
            var approved = await auditor.PostAsync($"/api/app/reviews/periods/{periodId}/cities/{await host.TenantIdAsync(city)}/approve", null);
            approved.StatusCode.ShouldBe(HttpStatusCode.OK, await approved.Content.ReadAsStringAsync());
        }
    }

    private async Task<PublishPeriodInput> PublishInputAsync(Guid periodId, int appealDays)
    {
        var others = new List<LeftOutCityInput>();
        foreach (var city in new[] { "酒泉", "张掖", "金昌" })
        {
            others.Add(new LeftOutCityInput { CityId = await host.TenantIdAsync(city), Reason = "未按期报送" });
        }

        return new PublishPeriodInput { EarlyCloseReason = "提前截止：参评城市均已报送", LeftOut = others, AppealDays = appealDays };
    }

    private async Task<PeriodDto> CreateOpenPeriodAsync()
    {
        using var official = await host.ClientForAsync(null, "official");
        var schemes = await official.GetFromJsonAsync<PagedResultDto<SchemeDto>>("/api/app/schemes?status=Published&maxResultCount=100", HttpJson.Options);
        var scheme = schemes!.Items.OrderBy(s => s.CreationTime).First();
        var now = ProvinceTime.ToLocal(DateTime.UtcNow);
        var created = await official.PostAsJsonAsync("/api/app/periods", new
        {
            schemeId = scheme.Id,
            kind = 0,
            year = Interlocked.Increment(ref _year),
            number = 1,
            entryOpensAt = now.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ss"),
            entryClosesAt = now.AddDays(10).ToString("yyyy-MM-ddTHH:mm:ss"),
        });
        created.StatusCode.ShouldBe(HttpStatusCode.OK, await created.Content.ReadAsStringAsync());
        var period = await created.ReadJsonAsync<PeriodDto>();
        return (await (await official.PostAsync($"/api/app/periods/{period!.Id}/open", null)).ReadJsonAsync<PeriodDto>())!;
    }
}

public sealed class Appeals_Http_Sqlite_Tests(SqliteHostFixture host) : Appeals_Http_Tests<SqliteHostFixture>(host);

public sealed class Appeals_Http_MySql_Tests(MySqlHostFixture host) : Appeals_Http_Tests<MySqlHostFixture>(host);
