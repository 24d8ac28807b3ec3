using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PilotAssessment.Excel;

/// <summary>Edits an xlsx in memory the way a person would in a spreadsheet, to build malformed imports.</summary>
public static class WorkbookEditor
{
    /// <summary>Sets a cell's text (inline string), or clears it when <paramref name="text"/> is null.</summary>
    public static byte[] SetCell(byte[] xlsx, string sheetName, string reference, string? text) => Edit(xlsx, package =>
    {
        var data = Worksheet(package, sheetName).GetFirstChild<SheetData>()!;
        var rowIndex = uint.Parse(new string(reference.SkipWhile(char.IsLetter).ToArray()));
        var row = data.Elements<Row>().FirstOrDefault(r => r.RowIndex?.Value == rowIndex)
            ?? throw new InvalidOperationException($"No row {rowIndex} in {sheetName}.");
        var cell = row.Elements<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);
        if (cell is null)
        {
            // Cells must stay in column order.
            cell = new Cell { CellReference = reference };
            var after = row.Elements<Cell>().LastOrDefault(c => Column(c.CellReference!.Value!) < Column(reference));
            if (after is null)
            {
                row.PrependChild(cell);
            }
            else
            {
                after.InsertAfterSelf(cell);
            }
        }

        cell.RemoveAllChildren();
        if (text is null)
        {
            cell.Remove();
            return;
        }

        cell.DataType = CellValues.InlineString;
        cell.Append(new InlineString(new Text(text)));
    });

    public static byte[] RemoveSheet(byte[] xlsx, string sheetName) => Edit(xlsx, package =>
    {
        var workbookPart = package.WorkbookPart!;
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        workbookPart.DeletePart(workbookPart.GetPartById(sheet.Id!));
        sheet.Remove();
    });

    /// <summary>Moves every inline string into the shared string table, as spreadsheet programs save them.</summary>
    public static byte[] UseSharedStrings(byte[] xlsx) => Edit(xlsx, package =>
    {
        var workbookPart = package.WorkbookPart!;
        var table = (workbookPart.SharedStringTablePart ?? workbookPart.AddNewPart<SharedStringTablePart>()).SharedStringTable ??= new SharedStringTable();
        var index = new Dictionary<string, int>();
        foreach (var worksheetPart in workbookPart.WorksheetParts)
        {
            foreach (var cell in worksheetPart.Worksheet.Descendants<Cell>().Where(c => c.DataType?.Value == CellValues.InlineString).ToList())
            {
                var text = cell.InlineString!.Text!.Text;
                if (!index.TryGetValue(text, out var i))
                {
                    i = index[text] = index.Count;
                    table.Append(new SharedStringItem(new Text(text) { Space = DocumentFormat.OpenXml.SpaceProcessingModeValues.Preserve }));
                }

                cell.RemoveAllChildren();
                cell.DataType = CellValues.SharedString;
                cell.Append(new CellValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            }
        }
    });

    /// <summary>The text of a cell as the file holds it (inline or shared string, or the raw value).</summary>
    public static string? CellText(byte[] xlsx, string sheetName, string reference)
    {
        using var package = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
        var cell = Worksheet(package, sheetName).Descendants<Cell>().FirstOrDefault(c => c.CellReference?.Value == reference);
        return cell?.InlineString?.Text?.Text ?? cell?.CellValue?.Text;
    }

    public static Worksheet Worksheet(SpreadsheetDocument package, string sheetName)
    {
        var workbookPart = package.WorkbookPart!;
        var sheet = workbookPart.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == sheetName);
        return ((WorksheetPart)workbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    private static byte[] Edit(byte[] xlsx, Action<SpreadsheetDocument> edit)
    {
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        stream.Position = 0;
        using (var package = SpreadsheetDocument.Open(stream, true))
        {
            edit(package);
            package.Save();
        }

        return stream.ToArray();
    }

    private static int Column(string reference) => reference.TakeWhile(char.IsLetter).Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1));
}
