using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using Shouldly;
using Xunit;

namespace PilotAssessment.Results;

/// <summary>The province takes away the warnings and completeness tables (xlsx) and the 通报 (docx) of a period.</summary>
public abstract partial class ProvinceExports_Http_Tests<THost>(THost host) : IClassFixture<THost>
    where THost : PilotAssessmentHostFixture
{
    [Fact]
    public async Task Should_Export_Completeness_And_Warnings_As_Xlsx_In_Chinese_Without_Identifiers()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var admin = await host.ClientForAsync("兰州", "admin");
        (await admin.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 10 } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.PostAsync($"/api/app/data-entry/periods/{period.Id}/submit", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        using var official = await host.ClientForAsync(null, "official");

        var completeness = await official.GetAsync($"/api/app/results/periods/{period.Id}/completeness/export/xlsx");
        completeness.StatusCode.ShouldBe(HttpStatusCode.OK, await completeness.Content.ReadAsStringAsync());
        completeness.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe($"{period.Name}-填报进度.xlsx");
        var table = SheetText(await completeness.Content.ReadAsByteArrayAsync());
        table.ShouldContain("首次提交时间（北京时间）");
        table.ShouldContain("兰州市");
        table.ShouldContain("天水市");
        table.ShouldContain("未提交");
        ShouldHaveNoIdentifiers(table);

        // B04 at 10 % is in the worst colour band: a line warning of 兰州.
        var warnings = await official.GetAsync($"/api/app/results/periods/{period.Id}/warnings/export/xlsx");
        warnings.StatusCode.ShouldBe(HttpStatusCode.OK, await warnings.Content.ReadAsStringAsync());
        var list = SheetText(await warnings.Content.ReadAsByteArrayAsync());
        list.ShouldContain("预警等级");
        list.ShouldContain("扫黑除恶线索核查办结率");
        list.ShouldContain("红色预警");
        ShouldHaveNoIdentifiers(list);

        // A city takes none of the province's files.
        (await admin.GetAsync($"/api/app/results/periods/{period.Id}/completeness/export/xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.GetAsync($"/api/app/results/periods/{period.Id}/warnings/export/xlsx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await official.GetAsync($"/api/app/results/periods/{Guid.NewGuid()}/warnings/export/xlsx")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Should_Export_The_Briefing_As_An_Official_Document_With_Ranking_Categories_And_Warnings()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var admin = await host.ClientForAsync("酒泉", "admin");
        (await admin.PutAsJsonAsync($"/api/app/data-entry/periods/{period.Id}/lines/B04", new SaveEntryLineInput { Value = new EntryValueDto { Number = 10 } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        using var official = await host.ClientForAsync(null, "official");

        var number = "甘平安办〔2026〕12号";
        var response = await official.GetAsync($"/api/app/results/periods/{period.Id}/briefing/export/docx?documentNumber={Uri.EscapeDataString(number)}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var text = DocumentText(bytes);
        text.ShouldContain("甘肃省平安建设领导小组办公室文件");
        text.ShouldContain(number);
        text.ShouldContain($"关于{period.Name}市域社会治理现代化试点考评情况的通报");
        text.ShouldContain("一、总体排名");
        text.ShouldContain("二、分类得分");
        text.ShouldContain("三、预警情况");
        text.ShouldContain("社会治安");
        text.ShouldContain("酒泉市");
        text.ShouldContain("红色预警");
        text.ShouldContain("尚未发布");
        text.ShouldContain(ProvinceTime.ToLocal(DateTime.UtcNow).ToString("yyyy年M月d日", System.Globalization.CultureInfo.InvariantCulture));
        ShouldHaveNoIdentifiers(text);
        SaveArtifact("briefing.docx", bytes);

        var titled = DocumentText(await (await official.GetAsync($"/api/app/results/periods/{period.Id}/briefing/export/docx?title={Uri.EscapeDataString("第一季度通报")}")).Content.ReadAsByteArrayAsync());
        titled.ShouldContain("第一季度通报");
        titled.ShouldContain("〔    〕    号");

        var tooLong = await official.GetAsync($"/api/app/results/periods/{period.Id}/briefing/export/docx?documentNumber={new string('号', 65)}");
        tooLong.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await tooLong.ReadProblemAsync()).TryGetProperty("errors", out var errors).ShouldBeTrue();
        errors.ToString().ShouldContain("documentNumber", Case.Insensitive);
        (await admin.GetAsync($"/api/app/results/periods/{period.Id}/briefing/export/docx")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Should_Rank_The_Briefing_Of_A_Published_Period_As_Published()
    {
        var period = await host.CreateOpenPeriodAsync();
        using var official = await host.ClientForAsync(null, "official");
        await host.ApproveEveryCityAsync(period.Id);
        var published = await host.PublishLeavingOutAsync(official, period.Id);
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());

        var text = DocumentText(await (await official.GetAsync($"/api/app/results/periods/{period.Id}/briefing/export/docx")).Content.ReadAsByteArrayAsync());
        text.ShouldContain("考评结果已经发布");
        text.ShouldNotContain("尚未发布");
        foreach (var city in PublishTestClient.Cities)
        {
            text.ShouldContain(city + "市");
        }
    }

    /// <summary>Every text of the workbook's first sheet (inline strings and numbers), tags removed.</summary>
    internal static string SheetText(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx));
        var sheet = zip.Entries.First(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal));
        using var reader = new StreamReader(sheet.Open());
        return Tags().Replace(reader.ReadToEnd(), " ");
    }

    /// <summary>The document's text, paragraph by paragraph, tags removed.</summary>
    internal static string DocumentText(byte[] docx)
    {
        using var zip = new ZipArchive(new MemoryStream(docx));
        using var reader = new StreamReader(zip.GetEntry("word/document.xml")!.Open());
        return WebUtility.HtmlDecode(Tags().Replace(reader.ReadToEnd().Replace("</w:p>", "\n", StringComparison.Ordinal), string.Empty));
    }

    private static void ShouldHaveNoIdentifiers(string text)
    {
        GuidPattern().IsMatch(text).ShouldBeFalse(text);
        text.ShouldNotContain("Submitted");
        text.ShouldNotContain("Draft");
        text.ShouldNotContain("Red");
        text.ShouldNotContain("Line");
    }

    /// <summary>Keeps the file for people to look at (TEST_ARTIFACTS_DIR, when set).</summary>
    private void SaveArtifact(string name, byte[] bytes)
    {
        var folder = Environment.GetEnvironmentVariable("TEST_ARTIFACTS_DIR");
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, $"{host.Provider}-{name}"), bytes);
        }
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", RegexOptions.IgnoreCase)]
    private static partial Regex GuidPattern();
}

public sealed class ProvinceExports_Http_Sqlite_Tests(SqliteHostFixture host) : ProvinceExports_Http_Tests<SqliteHostFixture>(host);

public sealed class ProvinceExports_Http_MySql_Tests(MySqlHostFixture host) : ProvinceExports_Http_Tests<MySqlHostFixture>(host);
