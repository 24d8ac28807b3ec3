using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PilotAssessment.Results;

/// <summary>
/// Writes a score sheet as xlsx. Every text is an inline string, never a formula, and a text that a spreadsheet
/// would read as a formula (= + - @, tab, carriage return first) is prefixed with an apostrophe (CSV/formula injection).
/// </summary>
public static class ScoreSheetXlsxWriter
{
    private static readonly char[] FormulaStarts = ['=', '+', '-', '@', '\t', '\r'];

    public static byte[] Write(ScoreSheetRecordDto sheet, string periodName)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            worksheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets()).AppendChild(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "评分表" });

            Row(data, "城市 City", sheet.CityName, "周期 Period", periodName);
            Row(data, "版本 Version", sheet.Version, "说明 Reason", sheet.Reason);
            Row(data, "总分 Total", sheet.Total, "等次 Grade", sheet.Grade, "排名 Rank", sheet.Rank);
            Row(data, "指标得分 Indicators", sheet.IndicatorPoints, "加分 Bonus", sheet.Bonus, "否决扣分 Veto deduction", sheet.VetoDeduction);
            Row(data);
            Row(data, "指标代码", "指标名称", "分值", "填报值", "自评分", "审核分", "调整理由", "得分", "状态", "说明");
            foreach (var line in sheet.Lines)
            {
                Row(data, line.IndicatorCode, line.IndicatorName, line.MaxPoints, line.Value, line.SelfScore, line.AuditorScore, line.AdjustReason, line.Points, line.Status, line.ExplanationZh);
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    public static string Safe(string text) => text.Length > 0 && FormulaStarts.Contains(text[0]) ? "'" + text : text;

    private static void Row(SheetData data, params object?[] values)
    {
        var row = new Row();
        foreach (var value in values)
        {
            row.AppendChild(value switch
            {
                null => new Cell(),
                decimal d => new Cell { DataType = CellValues.Number, CellValue = new CellValue(d) },
                int i => new Cell { DataType = CellValues.Number, CellValue = new CellValue(i) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Safe(value.ToString() ?? string.Empty)) { Space = SpaceProcessingModeValues.Preserve }) },
            });
        }

        data.AppendChild(row);
    }
}
