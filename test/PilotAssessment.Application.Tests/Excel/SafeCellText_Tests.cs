using DocumentFormat.OpenXml.Spreadsheet;
using Shouldly;
using Xunit;

namespace PilotAssessment.Excel;

public sealed class SafeCellText_Tests
{
    [Theory]
    [InlineData("=1+1", true)]
    [InlineData("+cmd|' /C calc'!A0", true)]
    [InlineData("-2+3", true)]
    [InlineData("@SUM(A1:A9)", true)]
    [InlineData("\t=1", true)]
    [InlineData("群众安全感", false)]
    [InlineData("I01 < 85", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void Should_Recognise_Texts_A_Spreadsheet_Could_Take_For_A_Formula(string? text, bool risky) =>
        SafeCellText.IsRisky(text).ShouldBe(risky);

    [Fact]
    public void Should_Prefix_Risky_Texts_With_An_Apostrophe_For_Plain_Text_Exports()
    {
        SafeCellText.Escape("=HYPERLINK(\"x\")").ShouldBe("'=HYPERLINK(\"x\")");
        SafeCellText.Escape("正常").ShouldBe("正常");
        SafeCellText.Escape(null).ShouldBe(string.Empty);
    }

    [Fact]
    public void Should_Write_Risky_Texts_As_Quote_Prefixed_Inline_Strings_Without_A_Formula()
    {
        var cell = SafeCellText.InlineStringCell("B3", "=1+1", quotePrefixStyleIndex: 1, styleIndex: 2);

        cell.DataType!.Value.ShouldBe(CellValues.InlineString);
        cell.InlineString!.Text!.Text.ShouldBe("=1+1");
        cell.CellFormula.ShouldBeNull();
        cell.StyleIndex!.Value.ShouldBe(1u);
        SafeCellText.QuotePrefixFormat().QuotePrefix!.Value.ShouldBeTrue();
    }

    [Fact]
    public void Should_Keep_The_Given_Style_And_Surrounding_Spaces_Of_Safe_Texts()
    {
        var cell = SafeCellText.InlineStringCell("A1", " 前后有空格 ", quotePrefixStyleIndex: 1, styleIndex: 2);

        cell.StyleIndex!.Value.ShouldBe(2u);
        cell.InlineString!.Text!.Text.ShouldBe(" 前后有空格 ");
        cell.InlineString.Text.Space!.Value.ShouldBe(DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve);
    }
}
