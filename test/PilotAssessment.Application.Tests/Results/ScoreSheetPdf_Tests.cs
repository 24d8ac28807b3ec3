using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using PilotAssessment.DataEntry;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Periods;
using PilotAssessment.Results.Pdf;
using PilotAssessment.Reviews;
using Shouldly;
using Xunit;
using static PilotAssessment.Periods.PeriodTestHelpers;

namespace PilotAssessment.Results;

/// <summary>The score sheet as PDF: A4, Chinese text that can be read back, the header on every page, tenant isolation.</summary>
public abstract class ScoreSheetPdf_Tests<TApplication>(TApplication app) : IClassFixture<TApplication>
    where TApplication : PilotAssessmentTestApplication
{
    [Fact]
    public async Task Should_Write_An_A4_Pdf_With_Readable_Chinese_And_The_Table_Header_On_Every_Page()
    {
        var period = await app.CreatePeriodAsync(TimeSpan.FromMinutes(-1), TimeSpan.FromDays(5));
        var jinchang = await app.TenantIdAsync("金昌");
        var b04 = await app.DataEntryAsync("金昌", "clerk", async e =>
        {
            await e.SaveAsync(period.Id, "I01", Number(93));
            return await e.SaveAsync(period.Id, "B04", Number(96));
        });
        await app.DataEntryAsync("金昌", "admin", e => e.SubmitAsync(period.Id));
        await app.ReviewAsync(r => r.AdjustLineAsync(b04.Id!.Value, new AdjustLineInput { Score = 2, Reason = "=HYPERLINK(\"http://evil\",\"x\") 台账与线索数不符" }));
        await app.ReviewAsync(r => r.ApproveAsync(period.Id, jinchang));
        var ranking = await app.PublishAllAsync(period.Id);
        var sheetId = ranking.Single(r => r.CityId == jinchang).SheetId;

        var file = await app.ResultsAsync("金昌", "clerk", r => r.ExportSheetPdfAsync(sheetId));

        file.ContentType.ShouldBe("application/pdf");
        file.FileName.ShouldEndWith(".pdf");
        Encoding.ASCII.GetString(file.Content, 0, 5).ShouldBe("%PDF-");
        var path = Path.Combine(Path.GetTempPath(), $"sheet-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, file.Content);
        try
        {
            var info = await RunAsync("pdfinfo", path);
            info.ShouldContain("595 x 842 pts (A4)");
            var pages = int.Parse(info.Split('\n').Single(l => l.StartsWith("Pages:")).Split(':')[1].Trim());
            pages.ShouldBeGreaterThan(1);

            // pdftotext guesses spaces from glyph positions: compare without them.
            var text = Compact(await RunAsync("pdftotext", "-layout", path, "-"));
            text.ShouldContain("金昌市");
            text.ShouldContain("扫黑除恶线索核查办结率"); // 黑 is also the radical ⿊ in the font: the text must give the character
            text.ShouldContain("群众安全感");
            text.ShouldContain("'=HYPERLINK"); // escaped as in the xlsx exports
            text.ShouldNotMatch("[^']=HYPERLINK"); // never without the apostrophe
            text.ShouldContain("较上期变化");
            text.ShouldContain("分类小计");
            text.ShouldContain("否决项");
            text.ShouldContain("审核调整");
            for (var n = 1; n <= pages; n++)
            {
                var page = Compact(await RunAsync("pdftotext", "-layout", "-f", n.ToString(), "-l", n.ToString(), path, "-"));
                page.ShouldContain($"第{n}页/共{pages}页");
                if (n <= 2)
                {
                    page.ShouldContain("评分说明"); // the lines' table starts on page 1 and continues with its header on page 2
                }
            }
        }
        finally
        {
            File.Delete(path);
        }

        // Another city's sheet is not found; the province reads every city's.
        await Should.ThrowAsync<EntityNotFoundException>(() => app.ResultsAsync("兰州", "admin", r => r.ExportSheetPdfAsync(sheetId)));
        (await app.ResultsAsync(null, "auditor", r => r.ExportSheetPdfAsync(sheetId))).Content.Length.ShouldBeGreaterThan(1000);
    }

    [Fact]
    public void Should_Refuse_With_503_When_No_Cjk_Font_Is_Found()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Pdf:FontSearchPath"] = Path.GetTempPath() + "no-fonts-here" }).Build();
        using var fonts = new PdfFontProvider(configuration, NullLogger<PdfFontProvider>.Instance);

        Should.Throw<ServiceUnavailableException>(fonts.GetTypeface).Code.ShouldBe(ResultErrorCodes.PdfFontMissing);

        var wrongFile = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Pdf:FontPath"] = "/etc/hostname" }).Build();
        using var notAFont = new PdfFontProvider(wrongFile, NullLogger<PdfFontProvider>.Instance);
        Should.Throw<ServiceUnavailableException>(notAFont.GetTypeface);
    }

    private static string Compact(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", string.Empty);

    private static async Task<string> RunAsync(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = Encoding.UTF8 };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start (poppler-utils installed?)");
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        process.ExitCode.ShouldBe(0, await process.StandardError.ReadToEndAsync());
        return output;
    }
}

public sealed class ScoreSheetPdf_Sqlite_Tests(SqliteTestApplication app) : ScoreSheetPdf_Tests<SqliteTestApplication>(app);

public sealed class ScoreSheetPdf_MySql_Tests(MySqlTestApplication app) : ScoreSheetPdf_Tests<MySqlTestApplication>(app);
