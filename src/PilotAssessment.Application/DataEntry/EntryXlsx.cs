using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PilotAssessment.Excel;
using PilotAssessment.Results;

namespace PilotAssessment.DataEntry;

/// <summary>The bulk-entry workbook: one row per entered indicator, columns A–I (code … note).</summary>
public static class EntryXlsx
{
    public static readonly string[] Headers = ["指标代码", "指标名称", "单位", "评分方式", "数值", "次数", "等次", "具备的检查项（用|分隔）", "说明"];

    public static byte[] Template(IEnumerable<EntryLineDto> lines)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var worksheet = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            worksheet.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets()).AppendChild(new Sheet { Id = workbook.GetIdOfPart(worksheet), SheetId = 1, Name = "填报" });
            var index = 1u;
            data.AppendChild(Row(index, [.. Headers.Select(Text)]));
            foreach (var line in lines)
            {
                var count = line.Value.Occurrences?.Sum(o => o.Count);
                data.AppendChild(Row(++index,
                    Text(line.IndicatorCode), Text(line.IndicatorName), Text(line.Unit), Text(line.RuleKind),
                    Number(line.Value.Number), Number(count), Text(line.Value.Grade),
                    Text(line.Value.ChecklistPresent is null ? null : string.Join("|", line.Value.ChecklistPresent)), Text(line.Note)));
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    /// <summary>Rows by their number (header excluded), each a column letter → text map; empty rows left out.</summary>
    public static List<(int Row, Dictionary<string, string> Cells)> Read(Stream content)
    {
        using var document = SpreadsheetDocument.Open(content, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("no workbook");
        var shared = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var sheet = workbook.WorksheetParts.First().Worksheet;
        var rows = new List<(int, Dictionary<string, string>)>();
        foreach (var row in sheet.Descendants<Row>().Where(r => r.RowIndex?.Value > 1))
        {
            var cells = new Dictionary<string, string>();
            foreach (var cell in row.Elements<Cell>())
            {
                var column = new string((cell.CellReference?.Value ?? string.Empty).TakeWhile(char.IsLetter).ToArray());
                var text = cell.DataType?.Value == CellValues.SharedString && int.TryParse(cell.CellValue?.Text, out var index) && index < shared.Count
                    ? shared[index]
                    : cell.DataType?.Value == CellValues.InlineString ? cell.InlineString?.InnerText : cell.CellValue?.Text;
                if (!string.IsNullOrWhiteSpace(text) && column.Length > 0)
                {
                    cells[column] = text.Trim();
                }
            }

            if (cells.Count > 0)
            {
                rows.Add(((int)row.RowIndex!.Value, cells));
            }
        }

        return rows;
    }

    // Readers (ours included) locate cells by their references, so every row and cell carries one.
    private static Row Row(uint index, params Cell[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i].CellReference = $"{(char)('A' + i)}{index}";
        }

        return new Row(cells) { RowIndex = index };
    }

    private static Cell Text(string? value) => value is null
        ? new Cell()
        : new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(SafeCellText.Escape(value)) { Space = SpaceProcessingModeValues.Preserve }) };

    private static Cell Number(decimal? value) => value is null
        ? new Cell()
        : new Cell { DataType = CellValues.Number, CellValue = new CellValue(value.Value.ToString(CultureInfo.InvariantCulture)) };

    private static Cell Number(int? value) => Number((decimal?)value);
}
