using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PilotAssessment.Excel;
using PilotAssessment.ExceptionHandling;
using PilotAssessment.Schemes.Excel;
using PilotAssessment.Schemes.Json;
using PilotAssessment.Schemes.SampleData;
using Shouldly;
using Xunit;

namespace PilotAssessment.Schemes;

public sealed class SchemeExcel_Tests
{
    // 指标 sheet: row 3 is category A, rows 4–6 its indicators A01–A03; I = 分值, O = 计分规则, P = 规则参数（JSON）.
    private static readonly SchemeDocument Sample = SampleSchemeLoader.Load();

    private static byte[] SampleXlsx() => SchemeExcelWriter.Write(Sample);

    [Fact]
    public void Should_Read_Back_Exactly_The_Sample_Scheme()
    {
        var read = SchemeExcelReader.Read(new MemoryStream(SampleXlsx()));

        SchemeJsonSerializer.SerializeDefinition(read.Definition).ShouldBe(SchemeJsonSerializer.SerializeDefinition(Sample.Definition));
        read.Name.ShouldBe(Sample.Name);
        read.Year.ShouldBe(Sample.Year);
        read.Version.ShouldBe(Sample.Version);
        read.Scale.ShouldBe(Sample.Scale);
        read.Definition.AllIndicators().Count().ShouldBe(30);
    }

    [Fact]
    public void Should_Read_A_Workbook_Saved_With_Shared_Strings_As_Spreadsheet_Programs_Do()
    {
        var xlsx = WorkbookEditor.UseSharedStrings(SampleXlsx());
        int.TryParse(WorkbookEditor.CellText(xlsx, "指标", "D4"), out _).ShouldBeTrue(); // an index into the shared strings, not "A01"

        var read = SchemeExcelReader.Read(new MemoryStream(xlsx));

        SchemeJsonSerializer.SerializeDefinition(read.Definition).ShouldBe(SchemeJsonSerializer.SerializeDefinition(Sample.Definition));
    }

    [Fact]
    public void Should_Write_Chinese_Sheets_With_Headers_And_A_Hidden_Key_Row()
    {
        using var package = SpreadsheetDocument.Open(new MemoryStream(SampleXlsx()), false);

        package.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value)
            .ShouldBe(["方案", "指标", "数据项", "加分项", "否决项", "等次", "预警色"]);
        var indicators = WorkbookEditor.Worksheet(package, "指标");
        var rows = indicators.Descendants<Row>().ToList();
        rows[0].Elements<Cell>().ElementAt(8).InnerText.ShouldBe("分值");
        rows[1].Hidden!.Value.ShouldBeTrue();
        rows[1].Elements<Cell>().ElementAt(15).InnerText.ShouldBe("rule");
        // The rule column holds the scheme JSON of the rule, kind first.
        rows[3].Elements<Cell>().Single(c => c.CellReference == "P4").InnerText.ShouldStartWith("{\"kind\":\"per_occurrence_deduction\"");
        package.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<CellFormula>()).ShouldBeEmpty();
    }

    [Fact]
    public void Should_Write_A_Workbook_That_Passes_The_Office_Schema_Validation()
    {
        using var package = SpreadsheetDocument.Open(new MemoryStream(SampleXlsx()), false);

        var errors = new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(package)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}");

        errors.ShouldBeEmpty();
    }

    [Fact]
    public void Should_Keep_Formula_Like_Texts_As_Text_And_Read_Them_Back_Unchanged()
    {
        var risky = Sample with
        {
            Definition = Sample.Definition with
            {
                Bonus = Sample.Definition.Bonus with
                {
                    Items = [Sample.Definition.Bonus.Items[0] with { Name = "=HYPERLINK(\"http://x\",\"点击\")", RuleText = "@SUM(A1)" }],
                },
            },
        };

        var xlsx = SchemeExcelWriter.Write(risky);

        using (var package = SpreadsheetDocument.Open(new MemoryStream(xlsx), false))
        {
            var cell = WorkbookEditor.Worksheet(package, "加分项").Descendants<Cell>().Single(c => c.CellReference == "B3");
            cell.DataType!.Value.ShouldBe(CellValues.InlineString);
            cell.CellFormula.ShouldBeNull();
            var format = package.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)cell.StyleIndex!.Value);
            format.QuotePrefix!.Value.ShouldBeTrue();
        }

        var read = SchemeExcelReader.Read(new MemoryStream(xlsx));
        read.Definition.Bonus.Items[0].Name.ShouldBe("=HYPERLINK(\"http://x\",\"点击\")");
        read.Definition.Bonus.Items[0].RuleText.ShouldBe("@SUM(A1)");
    }

    [Fact]
    public void Should_Name_Sheet_Row_And_Column_Of_A_Non_Number_In_The_Points()
    {
        var xlsx = WorkbookEditor.SetCell(SampleXlsx(), "指标", "I4", "四分");

        var errors = ReadErrors(xlsx);

        var error = errors.ShouldHaveSingleItem();
        error.Location.ShouldBe("指标!I4");
        error.Code.ShouldBe(SchemeExcelErrorCodes.NotANumber);
        error.Arguments.ShouldBe(["指标", "I4", "分值", "四分"]);
    }

    [Fact]
    public void Should_Carry_The_Indicator_Bounds_Both_Ways()
    {
        // S = 合理值下限 (min), T = 合理值上限 (max); A01 has only an upper bound, A02 both.
        var xlsx = WorkbookEditor.SetCell(SampleXlsx(), "指标", "T4", "12");
        xlsx = WorkbookEditor.SetCell(xlsx, "指标", "S5", "-1.5");
        xlsx = WorkbookEditor.SetCell(xlsx, "指标", "T5", "7");

        var read = SchemeExcelReader.Read(new MemoryStream(xlsx));

        var indicators = read.Definition.AllIndicators().ToDictionary(i => i.Code);
        (indicators["A01"].Min, indicators["A01"].Max).ShouldBe(((decimal?)null, (decimal?)12m));
        (indicators["A02"].Min, indicators["A02"].Max).ShouldBe(((decimal?)-1.5m, (decimal?)7m));
        indicators["A03"].Min.ShouldBeNull();
        WorkbookEditor.CellText(xlsx, "指标", "S1").ShouldBe("合理值下限");
        WorkbookEditor.CellText(xlsx, "指标", "T2").ShouldBe("max");

        // Written again from the definition, the bounds come back unchanged.
        var again = SchemeExcelReader.Read(new MemoryStream(SchemeExcelWriter.Write(read)));
        SchemeJsonSerializer.SerializeDefinition(again.Definition).ShouldBe(SchemeJsonSerializer.SerializeDefinition(read.Definition));
        WorkbookEditor.CellText(SchemeExcelWriter.Write(read), "指标", "T4").ShouldBe("12");
    }

    [Fact]
    public void Should_Read_A_Workbook_Written_Before_The_Bounds_Columns()
    {
        var xlsx = SampleXlsx();
        foreach (var cell in new[] { "S1", "S2", "T1", "T2" })
        {
            xlsx = WorkbookEditor.SetCell(xlsx, "指标", cell, null);
        }

        var read = SchemeExcelReader.Read(new MemoryStream(xlsx));

        SchemeJsonSerializer.SerializeDefinition(read.Definition).ShouldBe(SchemeJsonSerializer.SerializeDefinition(Sample.Definition));
    }

    [Fact]
    public void Should_Name_The_Cell_Of_A_Bound_That_Is_No_Number_Or_Below_The_Lower_Bound()
    {
        var xlsx = WorkbookEditor.SetCell(SampleXlsx(), "指标", "S4", "十");
        xlsx = WorkbookEditor.SetCell(xlsx, "指标", "S5", "9");
        xlsx = WorkbookEditor.SetCell(xlsx, "指标", "T5", "3");

        var errors = ReadErrors(xlsx);

        errors.Select(e => (e.Location, e.Code)).ShouldBe(
        [
            ("指标!S4", SchemeExcelErrorCodes.NotANumber),
            ("指标!T5", SchemeExcelErrorCodes.BoundsInverted),
        ]);
        errors[0].Arguments.ShouldBe(["指标", "S4", "合理值下限", "十"]);
        errors[1].Arguments.ShouldBe(["指标", "T5", "合理值上限", "3", "9", "合理值下限"]);
    }

    [Fact]
    public void Should_Refuse_Unknown_Rule_Kinds_In_The_Kind_Column_And_In_The_Json()
    {
        var xlsx = WorkbookEditor.SetCell(SampleXlsx(), "指标", "O4", "lottery");
        xlsx = WorkbookEditor.SetCell(xlsx, "指标", "O5", null);
        xlsx = WorkbookEditor.SetCell(xlsx, "指标", "P5", "{\"kind\":\"dice\",\"per\":1}");

        var errors = ReadErrors(xlsx);

        errors.Select(e => (e.Location, e.Code)).ShouldBe(
        [
            ("指标!O4", SchemeExcelErrorCodes.UnknownRuleKind),
            ("指标!P5", SchemeExcelErrorCodes.UnknownRuleKind),
        ]);
        errors[0].Arguments[3].ShouldBe("lottery");
        errors[1].Arguments[3].ShouldBe("dice");
    }

    [Fact]
    public void Should_Report_Broken_Rule_Json_And_A_Kind_That_Disagrees_With_It()
    {
        var xlsx = WorkbookEditor.SetCell(SampleXlsx(), "指标", "P4", "{\"kind\":\"per_occurrence_deduction\",\"per\":");
        xlsx = WorkbookEditor.SetCell(xlsx, "指标", "O5", "formula");
        xlsx = WorkbookEditor.SetCell(xlsx, "指标", "P6", "{\"kind\":\"per_occurrence_deduction\",\"per\":\"一\"}");

        var errors = ReadErrors(xlsx);

        errors.Select(e => (e.Location, e.Code)).ShouldBe(
        [
            ("指标!P4", SchemeExcelErrorCodes.RuleJsonMalformed),
            ("指标!O5", SchemeExcelErrorCodes.RuleKindMismatch),
            ("指标!P6", SchemeExcelErrorCodes.RuleJsonMalformed),
        ]);
        errors[1].Arguments.Skip(3).ShouldBe(["公式计分", "清单核查"]); // both kinds by their labels
        errors[2].Arguments[3]!.ToString()!.ShouldContain("per");
    }

    [Fact]
    public void Should_Accept_A_Rule_Json_Without_Kind_When_The_Kind_Column_Gives_It()
    {
        var xlsx = WorkbookEditor.SetCell(SampleXlsx(), "指标", "P4", "{\"per\":2,\"floor\":0}");

        var read = SchemeExcelReader.Read(new MemoryStream(xlsx));

        SchemeJsonSerializer.SerializeDefinition(read.Definition).ShouldBe(SchemeJsonSerializer.SerializeDefinition(Sample.Definition));
    }

    [Fact]
    public void Should_Report_A_Missing_Sheet()
    {
        var errors = ReadErrors(WorkbookEditor.RemoveSheet(SampleXlsx(), "等次"));

        var error = errors.ShouldHaveSingleItem();
        error.Location.ShouldBe("等次");
        error.Code.ShouldBe(SchemeExcelErrorCodes.SheetMissing);
    }

    [Fact]
    public void Should_Collect_Every_Error_Of_The_File_And_Return_Nothing()
    {
        var xlsx = WorkbookEditor.SetCell(SampleXlsx(), "方案", "B3", "二〇二六");
        xlsx = WorkbookEditor.SetCell(xlsx, "指标", "I4", "x");
        xlsx = WorkbookEditor.SetCell(xlsx, "指标", "B5", "Z");
        xlsx = WorkbookEditor.SetCell(xlsx, "指标", "L6", "也许");
        xlsx = WorkbookEditor.SetCell(xlsx, "否决项", "G3", "shame");
        xlsx = WorkbookEditor.SetCell(xlsx, "等次", "D3", null);
        xlsx = WorkbookEditor.RemoveSheet(xlsx, "预警色");

        SchemeExcelReader.TryRead(new MemoryStream(xlsx), out var document, out var errors).ShouldBeFalse();

        document.ShouldBeNull();
        errors.Select(e => (e.Location, e.Code)).ShouldBe(
        [
            ("预警色", SchemeExcelErrorCodes.SheetMissing),
            ("方案!B3", SchemeExcelErrorCodes.NotANumber),
            ("指标!I4", SchemeExcelErrorCodes.NotANumber),
            ("指标!B5", SchemeExcelErrorCodes.UnknownCategory),
            ("指标!L6", SchemeExcelErrorCodes.NotABoolean),
            ("否决项!G3", SchemeExcelErrorCodes.UnknownValue),
            ("等次!D3", SchemeExcelErrorCodes.ValueRequired),
        ], ignoreOrder: true);
        var exception = Should.Throw<SchemeExcelException>(() => SchemeExcelReader.Read(new MemoryStream(xlsx)));
        exception.Code.ShouldBe(SchemeExcelErrorCodes.Invalid);
        exception.Arguments.ShouldBe([7]);
        exception.Errors["指标!I4"].AsText().ShouldBe(["SchemesExcel:NotANumber|指标|I4|分值|x"]);
    }

    [Fact]
    public void Should_Report_A_Missing_Column_Once_For_The_Sheet()
    {
        var xlsx = WorkbookEditor.SetCell(SampleXlsx(), "等次", "D2", null);
        xlsx = WorkbookEditor.SetCell(xlsx, "等次", "D1", "分数线");

        var error = ReadErrors(xlsx).ShouldHaveSingleItem();

        error.Location.ShouldBe("等次");
        error.Code.ShouldBe(SchemeExcelErrorCodes.ColumnMissing);
        error.Arguments.ShouldBe(["等次", "最低分", "min_score"]);
    }

    [Fact]
    public void Should_Find_Columns_By_Header_When_The_Key_Row_Was_Deleted()
    {
        var xlsx = SampleXlsx();
        foreach (var column in "ABCD")
        {
            xlsx = WorkbookEditor.SetCell(xlsx, "等次", $"{column}2", null);
        }

        var read = SchemeExcelReader.Read(new MemoryStream(xlsx));

        read.Definition.Grades.ShouldBe(Sample.Definition.Grades);
    }

    [Theory]
    [InlineData("plain")]
    [InlineData("zip")]
    [InlineData("empty")]
    [InlineData("docx")]
    public void Should_Refuse_A_File_That_Is_Not_A_Workbook(string kind)
    {
        var content = kind switch
        {
            "plain" => "name,year\n坏,2026\n"u8.ToArray(),
            "zip" => ZipWithOneFile(),
            "docx" => WordDocument(),
            _ => [],
        };

        var exception = Should.Throw<SchemeExcelException>(() => SchemeExcelReader.Read(new MemoryStream(content)));

        exception.Code.ShouldBe(SchemeExcelErrorCodes.NotXlsx);
        exception.Errors.Keys.ShouldBe(["file"]);
    }

    [Fact]
    public void Should_Refuse_A_Small_Upload_That_Inflates_Into_A_Huge_Sheet()
    {
        // 25 million characters compress to a few kilobytes: a zip bomb must not be loaded into memory.
        var xlsx = WorkbookEditor.SetCell(SampleXlsx(), "等次", "B3", new string('9', 25_000_000));
        xlsx.Length.ShouldBeLessThan(1024 * 1024);

        var exception = Should.Throw<SchemeExcelException>(() => SchemeExcelReader.Read(new MemoryStream(xlsx)));

        exception.Code.ShouldBe(SchemeExcelErrorCodes.NotXlsx);
    }

    [Fact]
    public void Should_Have_Both_Languages_With_The_Same_Placeholders_For_Every_Code()
    {
        var codes = typeof(SchemeExcelErrorCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        var zhHans = Localization.JsonStringLocalizer.GetTexts("zh-Hans");
        var en = Localization.JsonStringLocalizer.GetTexts("en");

        codes.Count.ShouldBeGreaterThan(10);
        codes.Where(c => !zhHans.ContainsKey(c) || !en.ContainsKey(c)).ShouldBeEmpty();
        foreach (var code in codes)
        {
            Placeholders(en[code]).ShouldBe(Placeholders(zhHans[code]), code);
        }

        static string[] Placeholders(string text) =>
            System.Text.RegularExpressions.Regex.Matches(text, @"\{\d\}").Select(m => m.Value).Distinct().Order().ToArray();
    }

    private static IReadOnlyList<SchemeExcelError> ReadErrors(byte[] xlsx)
    {
        SchemeExcelReader.TryRead(new MemoryStream(xlsx), out var document, out var errors).ShouldBeFalse();
        document.ShouldBeNull();
        return errors;
    }

    private static byte[] WordDocument()
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, DocumentFormat.OpenXml.WordprocessingDocumentType.Document))
        {
            document.AddMainDocumentPart().Document = new DocumentFormat.OpenXml.Wordprocessing.Document(new DocumentFormat.OpenXml.Wordprocessing.Body());
        }

        return stream.ToArray();
    }

    private static byte[] ZipWithOneFile()
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("readme.txt").Open());
            writer.Write("not a workbook");
        }

        return stream.ToArray();
    }
}
