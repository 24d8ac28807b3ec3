using System.Net;
using System.Net.Http.Json;
using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;
using static PilotAssessment.Feeds.FeedTestClient;
using static PilotAssessment.Results.ExportedFiles;

namespace PilotAssessment.Results;

/// <summary>Each line of a published score sheet says where its value came from: a person, a data feed, or a feed a person overrode.</summary>
public abstract class ScoreSheetSource_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Show_The_Source_And_The_Override_Reason_On_The_Sheet_Its_Xlsx_And_Its_Pdf()
    {
        var period = await host.CreateOpenPeriodAsync();
        var lanzhou = await host.TenantIdAsync("兰州");
        using var official = await host.ClientForAsync(null, "official");
        var created = await RegisterAsync(official, [lanzhou], "B04", "C04");
        using (var feed = await host.FeedClientAsync(created))
        {
            var fed = await feed.ImportAsync(Rows(Row("兰州", period.Id, "B04", new { number = 95 }), Row("兰州", period.Id, "C04", new { number = 97 })), "sheet-source");
            fed.StatusCode.ShouldBe(HttpStatusCode.OK, await fed.Content.ReadAsStringAsync());
        }

        using (var clerk = await host.ClientForAsync("兰州", "clerk"))
        {
            var entry = await clerk.GetFromJsonAsync<EntrySheetDto>($"/api/app/data-entry/periods/{period.Id}", HttpJson.Options);
            var c04 = entry!.Lines.Single(l => l.IndicatorCode == "C04");
            var changed = await clerk.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/C04", new SaveEntryLineInput
            {
                Value = new EntryValueDto { Number = 95 },
                ConcurrencyStamp = c04.ConcurrencyStamp,
                OverrideReason = "公安局数据含外市案件",
            });
            changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
            (await clerk.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/I01", new SaveEntryLineInput { Value = new EntryValueDto { Number = 93 } }))
                .StatusCode.ShouldBe(HttpStatusCode.OK);
        }

        await host.ApproveEveryCityAsync(period.Id);
        (await host.PublishLeavingOutAsync(official, period.Id)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var sheetId = (await official.GetFromJsonAsync<List<RankingRowDto>>($"/api/app/results/periods/{period.Id}/ranking", HttpJson.Options))!
            .Single(r => r.CityId == lanzhou).SheetId;

        // The stored sheet, as the city reads it.
        using var admin = await host.ClientForAsync("兰州", "admin");
        var sheet = (await admin.GetFromJsonAsync<ScoreSheetRecordDto>($"/api/app/results/sheets/{sheetId}", HttpJson.Options))!;
        var b04 = sheet.Lines.Single(l => l.IndicatorCode == "B04");
        b04.Source.ShouldBe("Fed");
        b04.SourceName.ShouldBe("公安局 · 警情推送");
        b04.SourceTimeLocal.ShouldNotBeNullOrEmpty();
        b04.SourceText.ShouldBe($"数据接口：公安局 · 警情推送（{b04.SourceTimeLocal} 北京时间报送）");
        var overridden = sheet.Lines.Single(l => l.IndicatorCode == "C04");
        (overridden.Source, overridden.SourceName, overridden.OverrideReason).ShouldBe(("Overridden", "公安局 · 警情推送", "公安局数据含外市案件"));
        overridden.SourceText.ShouldBe("人工修改，原值来自数据接口：公安局 · 警情推送（原因：公安局数据含外市案件）");
        sheet.Lines.Single(l => l.IndicatorCode == "I01").SourceText.ShouldBe("人工录入");
        sheet.Lines.Where(l => l.ValueText is null && l.Value is null).ShouldAllBe(l => l.Source == null);

        // The versions list builds the same; English readers get English words.
        var versions = (await official.GetFromJsonAsync<List<ScoreSheetRecordDto>>($"/api/app/results/periods/{period.Id}/cities/{lanzhou}/versions", HttpJson.Options))!;
        versions.Single().Lines.Select(l => l.SourceText).ShouldBe(sheet.Lines.Select(l => l.SourceText));
        using var english = await host.ClientForAsync("兰州", "admin");
        english.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        var inEnglish = (await english.GetFromJsonAsync<ScoreSheetRecordDto>($"/api/app/results/sheets/{sheetId}", HttpJson.Options))!;
        inEnglish.Lines.Single(l => l.IndicatorCode == "C04").SourceText.ShouldBe("Changed by hand; the value came from the data feed 公安局 · 警情推送 (reason: 公安局数据含外市案件)");
        inEnglish.Lines.Single(l => l.IndicatorCode == "I01").SourceText.ShouldBe("Entered by hand");

        // The xlsx has a source column; the PDF lists the fed lines in Chinese.
        var rows = XlsxRows(await admin.GetByteArrayAsync($"/api/app/results/sheets/{sheetId}/export/xlsx"));
        var header = rows.First(r => r.Contains("指标代码"));
        var column = header.IndexOf("数值来源");
        column.ShouldBeGreaterThan(0);
        rows.Single(r => r.FirstOrDefault() == "C04")[column].ShouldBe(overridden.SourceText);
        rows.Single(r => r.FirstOrDefault() == "B04")[column].ShouldBe(b04.SourceText);
        var pdf = await PdfTextAsync(await english.GetByteArrayAsync($"/api/app/results/sheets/{sheetId}/export/pdf"));
        pdf.ShouldContain("七、数据来源");
        pdf.ShouldContain(Compact(b04.SourceText!));
        pdf.ShouldContain("人工修改，原值来自数据接口：公安局·警情推送（原因：公安局数据含外市案件）");
    }
}

public sealed class ScoreSheetSource_Http_Sqlite_Tests(SqliteHostFixture host) : ScoreSheetSource_Http_Tests<SqliteHostFixture>(host);

public sealed class ScoreSheetSource_Http_MySql_Tests(MySqlHostFixture host) : ScoreSheetSource_Http_Tests<MySqlHostFixture>(host);
