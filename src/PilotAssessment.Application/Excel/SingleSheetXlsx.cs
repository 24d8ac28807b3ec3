using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PilotAssessment.Excel;

/// <summary>
/// A workbook of one unstyled sheet (the bulk-entry template, score sheets, the ranking table) and the cells it is
/// made of. Text is always an inline string, never a formula, with a text that a spreadsheet would read as a formula
/// prefixed with an apostrophe (<see cref="SafeCellText.Escape"/>).
/// </summary>
public static class SingleSheetXlsx
{
    public static byte[] Write(string sheetName, Action<SheetData> fill)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            worksheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets()).AppendChild(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = sheetName });
            fill(data);
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>A number (decimal or int) as a number cell, nothing as an empty cell, anything else as its text.</summary>
    public static Cell Cell(object? value) => value switch
    {
        null => new Cell(),
        decimal d => Number(d),
        int i => Number(i),
        _ => Text(value.ToString()),
    };

    public static Cell Text(string? value) => value is null
        ? new Cell()
        : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(SafeCellText.Escape(value)) { Space = SpaceProcessingModeValues.Preserve }) };

    public static Cell Number(decimal? value) => value is null
        ? new Cell()
        : new Cell { DataType = CellValues.Number, CellValue = new CellValue(value.Value.ToString(CultureInfo.InvariantCulture)) };

    public static Cell Number(int? value) => Number((decimal?)value);
}
