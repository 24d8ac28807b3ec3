using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace PilotAssessment.Excel;

/// <summary>What a person sees of a downloaded workbook: its sheets, frozen panes, protection, dropdowns and locked cells.</summary>
public sealed class TemplateWorkbook : IDisposable
{
    private readonly SpreadsheetDocument _document;

    public TemplateWorkbook(byte[] xlsx)
    {
        _document = SpreadsheetDocument.Open(new MemoryStream(xlsx), false);
    }

    public IReadOnlyList<string> SheetNames =>
        _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    /// <summary>The worksheet of the sheet named so.</summary>
    public Worksheet Sheet(string name)
    {
        var sheet = _document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)_document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    /// <summary>The rows of a sheet by number, each a column letter → text map.</summary>
    public Dictionary<uint, Dictionary<string, string>> Rows(string sheet) =>
        Sheet(sheet).Descendants<Row>().ToDictionary(
            r => r.RowIndex!.Value,
            r => r.Elements<Cell>().Where(c => Text(c) is not null).ToDictionary(c => new string(c.CellReference!.Value!.TakeWhile(char.IsLetter).ToArray()), c => Text(c)!));

    /// <summary>The row number of the indicator (column A) on the sheet.</summary>
    public uint RowOf(string sheet, string code) => Rows(sheet).Single(r => r.Value.GetValueOrDefault("A") == code).Key;

    /// <summary>Whether the cell is locked when the sheet is protected (cells are locked unless their format says not).</summary>
    public bool IsLocked(string sheet, string reference)
    {
        var cell = Sheet(sheet).Descendants<Cell>().FirstOrDefault(c => c.CellReference == reference);
        var format = _document.WorkbookPart!.WorkbookStylesPart!.Stylesheet.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell?.StyleIndex?.Value ?? 0));
        return format.Protection?.Locked?.Value ?? true;
    }

    public bool IsProtected(string sheet) => Sheet(sheet).GetFirstChild<SheetProtection>()?.Sheet?.Value == true;

    /// <summary>The frozen pane's top-left cell, or null.</summary>
    public string? FrozenAt(string sheet) =>
        Sheet(sheet).Descendants<Pane>().FirstOrDefault(p => p.State?.Value == PaneStateValues.Frozen)?.TopLeftCell?.Value;

    /// <summary>The data validation covering the cell: its type, its list (or first formula), whether only it is accepted, its prompt.</summary>
    public (string Type, string Formula, bool Strict, string? Prompt)? ValidationOf(string sheet, string reference) =>
        Sheet(sheet).Descendants<DataValidation>()
            .Where(v => v.SequenceOfReferences!.InnerText.Split(' ').Contains(reference))
            .Select(v => ((string Type, string Formula, bool Strict, string? Prompt)?)(v.Type!.InnerText, v.Formula1!.Text, v.ShowErrorMessage?.Value == true, v.Prompt?.Value))
            .FirstOrDefault();

    public void Dispose() => _document.Dispose();

    private static string? Text(Cell cell) => cell.InlineString?.Text?.Text ?? cell.CellValue?.Text;
}
