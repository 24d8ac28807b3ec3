using System.Globalization;
using System.Text.RegularExpressions;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PilotAssessment.Agreements;
using PilotAssessment.Excel;
using PilotAssessment.Results;
using PilotAssessment.Schemes.Excel;
using PilotAssessment.Schemes.Json;
using PilotAssessment.Schemes.SampleData;
using Shouldly;
using Xunit;

namespace PilotAssessment.Localization;

/// <summary>
/// The files people download speak in words, in the reader's language, and date by Beijing time: no rule kind,
/// score source, consequence or line status by its internal name, no header in two languages at once.
/// </summary>
public sealed partial class ExportedFileWords_Tests
{
    private static readonly SchemeDocument Sample = SampleSchemeLoader.Load();

    [GeneratedRegex(@"(?<![A-Za-z0-9_])[a-z][a-z0-9]*(?:_[a-z0-9]+)+(?![A-Za-z0-9_])")]
    private static partial Regex SnakeCase();

    private static ScoreSheetRecordDto Sheet() => new()
    {
        CityName = "兰州市",
        Version = 1,
        Kind = "Published",
        CreationTimeLocal = "2026-03-02 01:30",
        AuditedTotal = 3,
        SelfTotal = 3,
        Grade = "不合格",
        Lines =
        [
            new ScoreSheetLineDto { IndicatorCode = "A01", IndicatorName = "重大涉政案事件防范", MaxPoints = 4, Points = 3, Status = "Scored", ExplanationZh = "得3分", ExplanationEn = "3 points" },
            new ScoreSheetLineDto { IndicatorCode = "A02", IndicatorName = "意识形态阵地管理", MaxPoints = 3, Status = "Unreported", ExplanationZh = "未填报，得0分", ExplanationEn = "Not reported: 0 points" },
        ],
    };

    private static List<string> Cells(byte[] xlsx)
    {
        using var package = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        return package.WorkbookPart!.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<Cell>())
            .Select(c => c.InlineString?.InnerText ?? c.CellValue?.Text ?? string.Empty).ToList();
    }

    [Fact]
    public void Should_Write_The_Score_Sheet_In_Chinese_With_Line_States_By_Their_Labels()
    {
        using var culture = new CultureScope("zh-Hans");
        var cells = Cells(ScoreSheetXlsxWriter.Write(Sheet(), "2026年第一季度"));

        cells.ShouldContain("城市");
        cells.ShouldContain("已计分");
        cells.ShouldContain("未填报");
        cells.ShouldContain("形成时间（北京时间）");
        cells.ShouldNotContain("Scored");
        cells.ShouldNotContain("Unreported");
        cells.ShouldNotContain(c => c.Contains("City") || c.Contains("Audited total"));
    }

    [Fact]
    public void Should_Write_The_Score_Sheet_And_The_Ranking_In_English_For_An_English_Reader()
    {
        using var culture = new CultureScope("en");
        var cells = Cells(ScoreSheetXlsxWriter.Write(Sheet(), "2026 Q1"));

        cells.ShouldContain("City");
        cells.ShouldContain("Not reported");
        cells.ShouldContain("Created (Beijing time)");
        cells.ShouldContain("3 points");
        cells.ShouldNotContain("城市");
        cells.ShouldNotContain("Unreported");

        var ranking = Cells(ScoreSheetXlsxWriter.WriteRanking([new RankingRowDto { CityName = "Zhangye", NotAssessed = true, Version = 1 }], "2026 Q1"));
        ranking.ShouldContain("Not assessed");
        ranking.ShouldNotContain("未参评");
    }

    [Fact]
    public void Should_Write_Rule_Kinds_Sources_And_Consequences_Of_The_Scheme_Workbook_By_Their_Labels_And_Read_Them_Back()
    {
        using var culture = new CultureScope("zh-Hans");
        var xlsx = SchemeExcelWriter.Write(Sample);
        var cells = Cells(xlsx).Where(c => !c.StartsWith('{')).ToList(); // the rule JSON column is the machine's format
        using (var package = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            // the hidden key row and the hidden key columns (trigger_fact, key) are left out of what people read
            var visible = package.WorkbookPart!.WorksheetParts.SelectMany(p =>
            {
                var hiddenColumns = p.Worksheet.Descendants<Column>().Where(c => c.Hidden?.Value == true).Select(c => (int)c.Min!.Value).ToHashSet();
                return p.Worksheet.Descendants<Row>().Where(r => r.Hidden?.Value != true).SelectMany(r => r.Descendants<Cell>())
                    .Where(c => !hiddenColumns.Contains(SchemeExcelLayout.ColumnIndex(c.CellReference?.Value ?? "A")))
                    .Select(c => c.InlineString?.InnerText ?? string.Empty);
            }).Where(t => !t.StartsWith('{')).ToList();
            visible.Where(t => SnakeCase().IsMatch(t)).ShouldBeEmpty();
        }

        cells.ShouldContain("分档计分");
        cells.ShouldContain("自查自评");
        cells.ShouldContain("等次设定");
        cells.ShouldContain("四舍五入");
        var read = SchemeExcelReader.Read(new MemoryStream(xlsx));
        SchemeJsonSerializer.SerializeDefinition(read.Definition).ShouldBe(SchemeJsonSerializer.SerializeDefinition(Sample.Definition));
    }

    [Fact]
    public void Should_Read_A_Scheme_Workbook_Written_With_English_Labels()
    {
        var xlsx = WorkbookEditor.SetCell(SchemeExcelWriter.Write(Sample), "指标", "O4", "Per occurrence");
        xlsx = WorkbookEditor.SetCell(xlsx, "指标", "K4", "Field inspection");

        var read = SchemeExcelReader.Read(new MemoryStream(xlsx));

        var a01 = read.Definition.AllIndicators().First();
        (a01.Rule.Kind, a01.ScoreSource).ShouldBe(("per_occurrence_deduction", Schemes.ScoreSource.Field));
    }

    [Fact]
    public void Should_Date_The_Agreement_By_The_Day_In_Beijing()
    {
        var agreement = new Agreement(Guid.NewGuid(), "2026年度兰州市目标责任书", 2026, Guid.NewGuid(), new AgreementContent());
        agreement.Issue(new DateTime(2026, 3, 1, 17, 30, 0, DateTimeKind.Utc)); // 2026-03-02 01:30 in Beijing

        var docx = AgreementDocxWriter.Write(agreement, "兰州市", new Dictionary<Guid, string>());

        using var package = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var text = package.MainDocumentPart!.Document.InnerText;
        text.ShouldContain("日期：2026年3月2日");
        text.ShouldNotContain("2026年3月1日");
    }

    private sealed class CultureScope : IDisposable
    {
        private readonly CultureInfo _previous = CultureInfo.CurrentUICulture;

        public CultureScope(string name) => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(name);

        public void Dispose() => CultureInfo.CurrentUICulture = _previous;
    }
}
