using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using PilotAssessment.DataEntry;
using PilotAssessment.Dtos;
using PilotAssessment.Periods;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;
using Shouldly;
using Xunit;
using static PilotAssessment.Results.ExportedFiles;

namespace PilotAssessment.Results;

/// <summary>
/// A period from entry to a withdrawn and re-published result over HTTP: an early close with a reason, cities left out
/// (未参评), a retroactive veto that re-ranks the other cities, every sheet, export and the ranking agreeing.
/// </summary>
public abstract class Publication_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    private static int _year = 2095;

    private static readonly byte[] Pdf = "%PDF-1.4\n%%EOF"u8.ToArray();

    [Fact]
    public async Task Should_Publish_Early_Leave_Out_A_City_Rerank_Every_City_After_A_Veto_And_Withdraw_The_Publication()
    {
        var period = await CreateOpenPeriodAsync();
        var url = $"/api/app/results/periods/{period.Id}";
        var (lanzhou, tianshui, jiuquan, zhangye, jinchang) =
            (await host.TenantIdAsync("兰州"), await host.TenantIdAsync("天水"), await host.TenantIdAsync("酒泉"), await host.TenantIdAsync("张掖"), await host.TenantIdAsync("金昌"));

        // 兰州 enters a line of every kind; 天水 and 酒泉 one line each; 金昌 keeps a draft; 张掖 enters nothing.
        using (var clerk = await host.ClientForAsync("兰州", "clerk"))
        {
            await SaveAsync(clerk, period.Id, "B04", new EntryValueDto { Number = 95 });
            await SaveAsync(clerk, period.Id, "B01", new EntryValueDto { Number = 1200, LastYearNumber = 1300 });
            await SaveAsync(clerk, period.Id, "A01", new EntryValueDto { Occurrences = [new EntryOccurrenceDto { Count = 1 }] }, evidence: true);
            await SaveAsync(clerk, period.Id, "A02", new EntryValueDto { ChecklistPresent = ["制度", "台账"] }, evidence: true);
            await SaveAsync(clerk, period.Id, "D02", new EntryValueDto { Occurrences = [new EntryOccurrenceDto { Type = "per_province", Count = 2 }] }, evidence: true);
            await SaveAsync(clerk, period.Id, "F01", new EntryValueDto { Grade = "优" }, evidence: true);
        }

        using (var clerk = await host.ClientForAsync("天水", "clerk"))
        {
            await SaveAsync(clerk, period.Id, "B04", new EntryValueDto { Number = 90 });
        }

        using (var clerk = await host.ClientForAsync("酒泉", "clerk"))
        {
            await SaveAsync(clerk, period.Id, "B04", new EntryValueDto { Number = 80 });
        }

        using (var clerk = await host.ClientForAsync("金昌", "clerk"))
        {
            await SaveAsync(clerk, period.Id, "B04", new EntryValueDto { Number = 70 });
        }

        foreach (var city in new[] { "兰州", "天水", "酒泉" })
        {
            using var admin = await host.ClientForAsync(city, "admin");
            var submitted = await admin.PostAsync($"/api/app/data-entry/periods/{period.Id}/submit", null);
            submitted.StatusCode.ShouldBe(HttpStatusCode.OK, await submitted.Content.ReadAsStringAsync());
        }

        // An auditor's score above the line's maximum is refused beside the field, not capped; an adjustment is cleared with a reason.
        using var auditor = await host.ClientForAsync(null, "auditor");
        var tianshuiReview = await auditor.GetFromJsonAsync<EntrySheetDto>($"/api/app/reviews/periods/{period.Id}/cities/{tianshui}", HttpJson.Options);
        var b04 = tianshuiReview!.Lines.Single(l => l.IndicatorCode == "B04");
        var tooHigh = await auditor.PostAsJsonAsync($"/api/app/reviews/lines/{b04.Id}/adjust", new AdjustLineInput { Score = 99, Reason = "复核" });
        tooHigh.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooHigh.ReadProblemAsync()).GetProperty("errors").GetProperty("score")[0].GetString()!.ShouldContain("3");
        (await auditor.PostAsJsonAsync($"/api/app/reviews/lines/{b04.Id}/adjust", new AdjustLineInput { Score = 0, Reason = "台账不全" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var noReason = await auditor.PostAsJsonAsync($"/api/app/reviews/lines/{b04.Id}/clear-adjustment", new ClearAdjustmentInput());
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.ReadProblemAsync()).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        var cleared = await (await auditor.PostAsJsonAsync($"/api/app/reviews/lines/{b04.Id}/clear-adjustment", new ClearAdjustmentInput { Reason = "补充台账后认可自评" })).ReadJsonAsync<EntryLineDto>();
        (cleared!.AuditorScore, cleared.AdjustReason, cleared.SelfScore).ShouldBe(((decimal?)null, (string?)null, (decimal?)2m));

        foreach (var city in new[] { lanzhou, tianshui, jiuquan })
        {
            (await auditor.PostAsync($"/api/app/reviews/periods/{period.Id}/cities/{city}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        // After approval the city's sheet shows 审核总分 beside 自评总分 and its lines are no longer 已提交省级.
        using var lanzhouAdmin = await host.ClientForAsync("兰州", "admin");
        var approved = await lanzhouAdmin.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{period.Id}", HttpJson.Options);
        approved!.SubmissionStatus.ShouldBe("Approved");
        approved.AuditedTotal.ShouldNotBeNull();
        approved.AuditedTotal.ShouldBe(approved.SelfTotal);
        approved.Lines.Where(l => l.Reported).ShouldAllBe(l => l.Status == "Approved");

        // Publishing before the window closes needs a reason, and every city approved or left out by name with a reason.
        using var official = await host.ClientForAsync(null, "official");
        var refused = await official.PostAsync($"{url}/publish", null);
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await refused.ReadProblemAsync();
        problem.GetProperty("errors").GetProperty("earlyCloseReason")[0].GetString()!.ShouldContain(period.EntryClosesAtLocal.Replace('T', ' '));
        var missing = problem.GetProperty("errors").GetProperty("leftOut").EnumerateArray().Select(e => e.GetString()!).ToList();
        missing.Count.ShouldBe(2);
        missing.ShouldContain(m => m.Contains("张掖市") && m.Contains("未提交"));
        missing.ShouldContain(m => m.Contains("金昌市") && m.Contains("未提交"));
        using var english = await host.ClientForAsync(null, "official");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var noLeftOutReason = await english.PostAsJsonAsync($"{url}/publish", new PublishPeriodInput { EarlyCloseReason = "省委决定提前发布", LeftOut = [new LeftOutCityInput { CityId = zhangye }] });
        noLeftOutReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var englishErrors = (await noLeftOutReason.ReadProblemAsync()).GetProperty("errors");
        englishErrors.GetProperty("leftOut[0].reason")[0].GetString().ShouldBe("Give the reason 张掖市 is left out.");
        englishErrors.GetProperty("leftOut")[0].GetString().ShouldBe("金昌市 is not approved (it is not submitted): approve it or leave it out with a reason.");
        englishErrors.TryGetProperty("earlyCloseReason", out _).ShouldBeFalse();
        (await official.GetFromJsonAsync<PeriodDto>($"/api/app/periods/{period.Id}", HttpJson.Options))!.Status.ShouldBe("Open");

        var publish = new PublishPeriodInput
        {
            EarlyCloseReason = "省委决定提前发布",
            LeftOut = [new LeftOutCityInput { CityId = zhangye, Reason = "未按期报送" }, new LeftOutCityInput { CityId = jinchang, Reason = "数据核查中" }],
        };
        var published = await official.PostAsJsonAsync($"{url}/publish", publish);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var ranking = (await published.ReadJsonAsync<List<RankingRowDto>>())!;
        ranking.Select(r => (r.CityId, r.Rank)).ShouldBe([(lanzhou, 1), (tianshui, 2), (jiuquan, 3), (zhangye, (int?)null), (jinchang, null)], ignoreOrder: true);
        ranking.Where(r => r.NotAssessed).Select(r => r.CityId).ShouldBe([zhangye, jinchang], ignoreOrder: true);
        ranking.Where(r => r.NotAssessed).ShouldAllBe(r => r.Total == null && r.Grade == null);
        var publishedPeriod = await official.GetFromJsonAsync<PeriodDto>($"/api/app/periods/{period.Id}", HttpJson.Options);
        (publishedPeriod!.Status, publishedPeriod.EarlyCloseReason).ShouldBe(("Published", "省委决定提前发布"));

        // 兰州's sheet: 自评总分 and 审核总分, 填报值 for every rule kind, the reference figure and its source, Beijing time.
        var sheet = (await lanzhouAdmin.GetFromJsonAsync<ScoreSheetRecordDto>($"{url}/my-sheet", HttpJson.Options))!;
        (sheet.SelfTotal, sheet.AuditedTotal).ShouldBe((approved.SelfTotal, sheet.Total));
        var lines = sheet.Lines.ToDictionary(l => l.IndicatorCode);
        lines["A01"].ValueText.ShouldBe("1 次");
        lines["A02"].ValueText.ShouldBe("已具备：制度、台账");
        lines["D02"].ValueText.ShouldBe("到省 2 次");
        lines["F01"].ValueText.ShouldBe("优");
        lines["B04"].ValueText.ShouldBe("95");
        (lines["B01"].ReferenceValue, lines["B01"].ReferenceSource).ShouldBe((1300m, "Entered"));
        lines["B01"].ReferenceSourceText.ShouldBe("本市填报的上年同期值");
        sheet.CreationTimeLocal.ShouldBe(ProvinceTime.ToLocal(sheet.CreationTime).ToString("yyyy-MM-dd HH:mm"));
        var xlsx = XlsxTexts(await (await lanzhouAdmin.GetAsync($"/api/app/results/sheets/{sheet.Id}/export/xlsx")).Content.ReadAsByteArrayAsync());
        xlsx.ShouldContain("审核总分");
        xlsx.ShouldNotContain("Audited total");
        xlsx.ShouldContain("已具备：制度、台账");
        xlsx.ShouldContain("到省 2 次");
        xlsx.ShouldContain("本市填报的上年同期值");
        var pdf = await PdfTextAsync(await (await lanzhouAdmin.GetAsync($"/api/app/results/sheets/{sheet.Id}/export/pdf")).Content.ReadAsByteArrayAsync());
        foreach (var text in new[] { "审核总分", "自评总分", "已具备", "到省", "参考值及来源", "本市填报的上年同期值", "审核单位", "审核人（签字）", "盖章", "年月日", "北京时间" })
        {
            pdf.ShouldContain(text);
        }

        // 张掖 is published as 未参评: no score, rank or grade, never 0 or 不合格.
        using var zhangyeAdmin = await host.ClientForAsync("张掖", "admin");
        var notAssessed = (await zhangyeAdmin.GetFromJsonAsync<ScoreSheetRecordDto>($"{url}/my-sheet", HttpJson.Options))!;
        (notAssessed.NotAssessed, notAssessed.Total, notAssessed.Rank, notAssessed.Grade, notAssessed.Reason).ShouldBe((true, (decimal?)null, (int?)null, (string?)null, "未按期报送"));
        var notAssessedXlsx = XlsxTexts(await (await zhangyeAdmin.GetAsync($"/api/app/results/sheets/{notAssessed.Id}/export/xlsx")).Content.ReadAsByteArrayAsync());
        notAssessedXlsx.ShouldContain("未参评");
        notAssessedXlsx.ShouldNotContain("不合格");
        var notAssessedPdf = await PdfTextAsync(await (await zhangyeAdmin.GetAsync($"/api/app/results/sheets/{notAssessed.Id}/export/pdf")).Content.ReadAsByteArrayAsync());
        notAssessedPdf.ShouldContain("未参评");
        notAssessedPdf.ShouldNotContain("不合格");
        var vetoNotAssessed = await official.PostAsJsonAsync($"{url}/cities/{zhangye}/retroactive-veto", new RetroactiveVetoInput { VetoCode = "V4", Reason = "x" });
        vetoNotAssessed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);

        // A retroactive veto drops 兰州 to the last place: 天水 and 酒泉 move up, each with a new version and the reason.
        var vetoed = await (await official.PostAsJsonAsync($"{url}/cities/{lanzhou}/retroactive-veto", new RetroactiveVetoInput { VetoCode = "V4", Reason = "发生重大群体性事件" })).ReadJsonAsync<ScoreSheetRecordDto>();
        (vetoed!.Version, vetoed.Total, vetoed.Rank).ShouldBe((2, (decimal?)0m, (int?)3));
        (vetoed.Lines.Single(l => l.IndicatorCode == "B01").ReferenceValue, vetoed.SelfTotal).ShouldBe(((decimal?)1300m, sheet.SelfTotal));
        var after = (await official.GetFromJsonAsync<List<RankingRowDto>>($"{url}/ranking", HttpJson.Options))!;
        after.Where(r => !r.NotAssessed).Select(r => (r.CityId, r.Rank, r.Version)).ShouldBe([(tianshui, 1, 2), (jiuquan, 2, 2), (lanzhou, 3, 2)]);
        foreach (var row in after)
        {
            var current = (await official.GetFromJsonAsync<ScoreSheetRecordDto>($"/api/app/results/sheets/{row.SheetId}", HttpJson.Options))!;
            (current.IsCurrent, current.Rank, current.Total, current.Version).ShouldBe((true, row.Rank, row.Total, row.Version));
        }

        var tianshuiVersions = (await official.GetFromJsonAsync<List<ScoreSheetRecordDto>>($"{url}/cities/{tianshui}/versions", HttpJson.Options))!;
        tianshuiVersions.Select(v => (v.Version, v.Rank, v.IsCurrent, v.Kind)).ShouldBe([(1, (int?)2, false, "Published"), (2, 1, true, "Reranked")]);
        tianshuiVersions[1].Reason!.ShouldContain("兰州市");
        tianshuiVersions[1].Reason!.ShouldContain("第 2 名 → 第 1 名");
        tianshuiVersions[1].Total.ShouldBe(tianshuiVersions[0].Total);
        var rankingRows = XlsxRows(await (await official.GetAsync($"{url}/ranking/export/xlsx")).Content.ReadAsByteArrayAsync());
        rankingRows.Single(r => r.Contains("天水市"))[0].ShouldBe("1");
        rankingRows.Single(r => r.Contains("兰州市"))[0].ShouldBe("3");
        rankingRows.Single(r => r.Contains("张掖市"))[0].ShouldBe("未参评");
        var tianshuiPdf = await PdfTextAsync(await (await official.GetAsync($"/api/app/results/sheets/{after[0].SheetId}/export/pdf")).Content.ReadAsByteArrayAsync());
        tianshuiPdf.ShouldContain("第2版");
        tianshuiPdf.ShouldContain("因其他城市结果变化重新排名");
        XlsxRows(await (await official.GetAsync($"/api/app/results/sheets/{after[0].SheetId}/export/xlsx")).Content.ReadAsByteArrayAsync())
            .Single(r => r.Contains("排名")).ShouldContain("1");

        // The province withdraws the publication with a reason: the sheets stay readable as versions, and it is published again.
        var withdrawNoReason = await official.PostAsJsonAsync($"{url}/withdraw-publication", new WithdrawPublicationInput());
        withdrawNoReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await withdrawNoReason.ReadProblemAsync()).GetProperty("errors").TryGetProperty("reason", out _).ShouldBeTrue();
        var withdrawn = await (await official.PostAsJsonAsync($"{url}/withdraw-publication", new WithdrawPublicationInput { Reason = "发布范围有误" })).ReadJsonAsync<PeriodDto>();
        (withdrawn!.Status, withdrawn.PublicationWithdrawReason, withdrawn.PublishedTime).ShouldBe(("Locked", "发布范围有误", (DateTime?)null));
        (await lanzhouAdmin.GetAsync($"{url}/my-sheet")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var old = (await lanzhouAdmin.GetFromJsonAsync<ScoreSheetRecordDto>($"{url}/my-sheet?version=2", HttpJson.Options))!;
        (old.IsCurrent, old.WithdrawnTime.HasValue, old.Total).ShouldBe((false, true, (decimal?)0m));
        (await official.GetFromJsonAsync<List<RankingRowDto>>($"{url}/ranking", HttpJson.Options))!.ShouldBeEmpty();

        var republished = await official.PostAsJsonAsync($"{url}/publish", publish);
        republished.StatusCode.ShouldBe(HttpStatusCode.OK, await republished.Content.ReadAsStringAsync());
        var again = (await republished.ReadJsonAsync<List<RankingRowDto>>())!;
        again.Where(r => !r.NotAssessed).Select(r => (r.CityId, r.Rank, r.Version)).ShouldBe([(tianshui, 1, 3), (jiuquan, 2, 3), (lanzhou, 3, 3)]);
        (await lanzhouAdmin.GetFromJsonAsync<List<ScoreSheetRecordDto>>($"{url}/cities/{lanzhou}/versions", HttpJson.Options))!
            .Select(v => (v.Version, v.IsCurrent)).ShouldBe([(1, false), (2, false), (3, true)]);

        // Once final, the results are no longer withdrawn.
        (await official.PostAsync($"{url}/finalize", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var late = await official.PostAsJsonAsync($"{url}/withdraw-publication", new WithdrawPublicationInput { Reason = "再次撤回" });
        late.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await late.ReadProblemAsync()).GetProperty("detail").GetString()!.ShouldContain("最终结果");
    }

    private static async Task SaveAsync(HttpClient clerk, Guid periodId, string code, EntryValueDto value, bool evidence = false)
    {
        var saved = await clerk.PutAsJsonAsync($"/api/app/data-entry/periods/{periodId}/lines/{code}", new SaveEntryLineInput { Value = value });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        if (evidence)
        {
            var line = await saved.ReadJsonAsync<EntryLineDto>();
            var file = new ByteArrayContent(Pdf);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            var uploaded = await clerk.PostAsync($"/api/app/data-entry/lines/{line!.Id}/evidence", new MultipartFormDataContent { { file, "file", "evidence.pdf" } });
            uploaded.StatusCode.ShouldBe(HttpStatusCode.OK, await uploaded.Content.ReadAsStringAsync());
        }
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

public sealed class Publication_Http_Sqlite_Tests(SqliteHostFixture host) : Publication_Http_Tests<SqliteHostFixture>(host);

public sealed class Publication_Http_MySql_Tests(MySqlHostFixture host) : Publication_Http_Tests<MySqlHostFixture>(host);
