using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PilotAssessment.Excel;
using PilotAssessment.Schemes.RuleText;

namespace PilotAssessment.DataEntry;

/// <summary>
/// The entry template as officials use Excel: one styled sheet of the period's lines (header frozen, columns sized,
/// the rule in words on every line, dropdowns for grades, checklist items, occurrence types and doubling flags, every
/// cell locked but the inputs the line's rule reads; lines already reported or fed from the problem register greyed
/// and locked) and a 说明 sheet. The 填报 sheet is the first, so <see cref="EntryXlsx.Read"/> reads it back.
/// </summary>
public static class EntryXlsxTemplate
{
    /// <summary>Columns A–N: code … survey rates as <see cref="EntryXlsx"/> reads them, then the rule and the row's state.</summary>
    public static readonly string[] Columns = ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L", "M", "N"];

    private static readonly double[] Widths = [10, 28, 10, 14, 12, 8, 10, 24, 24, 30, 20, 28, 48, 26];

    public static byte[] Write(IReadOnlyList<EntryXlsxLine> lines, EntryXlsxTexts texts)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = EntryXlsxStyles.Stylesheet();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            AddSheet(workbook, sheets, texts["DataEntry:XlsxSheet:Entry"], EntrySheet(lines, texts));
            AddSheet(workbook, sheets, texts["DataEntry:XlsxSheet:Guide"], EntryXlsxGuide.Sheet(texts));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Worksheet EntrySheet(IReadOnlyList<EntryXlsxLine> lines, EntryXlsxTexts texts)
    {
        var data = new SheetData();
        var pairs = EntryXlsxTypedCounts.PairsOf(lines.Select(l => l.Indicator));
        var pairColumns = Enumerable.Range(0, pairs).SelectMany(i => new[] { EntryXlsxTypedCounts.TypeColumn(i), EntryXlsxTypedCounts.CountColumn(i) }).ToList();
        data.AppendChild(Row(1, Columns.Select(c => Cell(c, 1, texts[$"DataEntry:XlsxHeader:{c}"], EntryXlsxStyles.Header))
            .Concat(Enumerable.Range(0, pairs).SelectMany(i => new[]
            {
                Cell(EntryXlsxTypedCounts.TypeColumn(i), 1, texts.Format("DataEntry:XlsxHeader:Type", i + 1), EntryXlsxStyles.Header),
                Cell(EntryXlsxTypedCounts.CountColumn(i), 1, texts.Format("DataEntry:XlsxHeader:TypeCount", i + 1), EntryXlsxStyles.Header),
            }))));
        var validations = new List<DataValidation>();
        var index = 1u;
        foreach (var row in lines)
        {
            index++;
            var line = row.Line;
            var inputs = row.Lock == EntryXlsxRowLock.None ? EntryXlsxCells.InputsOf(row.Indicator) : new HashSet<string>();
            var values = EntryXlsxCells.Of(row, texts);
            var info = row.Lock == EntryXlsxRowLock.None ? EntryXlsxStyles.Info : EntryXlsxStyles.ReadOnly;
            var cells = new List<Cell>
            {
                Cell("A", index, line.IndicatorCode, info),
                Cell("B", index, line.IndicatorName, info),
                Cell("C", index, line.Unit, info),
                Cell("D", index, string.IsNullOrEmpty(line.RuleKind) ? null : texts.RuleKind(line.RuleKind), info),
            };
            cells.AddRange(EntryXlsxCells.InputColumns.Select(c => Cell(c, index, values[c], inputs.Contains(c) ? EntryXlsxStyles.Input : EntryXlsxStyles.ReadOnly)));
            cells.Add(Cell("M", index, RuleInWords(row), info));
            cells.Add(Cell("N", index, State(row, texts), info));
            cells.AddRange(pairColumns.Select(c => Cell(c, index, values.GetValueOrDefault(c), inputs.Contains(c) ? EntryXlsxStyles.Input : EntryXlsxStyles.ReadOnly)));
            data.AppendChild(Row(index, cells));
            if (row.Lock == EntryXlsxRowLock.None && row.Indicator is { } indicator)
            {
                validations.AddRange(EntryXlsxStyles.Validations(indicator, index, inputs, texts));
            }
        }

        var worksheet = new Worksheet(
            new SheetViews(new SheetView(
                new Pane { HorizontalSplit = 2, VerticalSplit = 1, TopLeftCell = "C2", ActivePane = PaneValues.BottomRight, State = PaneStateValues.Frozen },
                new Selection { Pane = PaneValues.BottomRight, ActiveCell = "E2", SequenceOfReferences = new ListValue<StringValue> { InnerText = "E2" } })
            { WorkbookViewId = 0 }),
            new SheetFormatProperties { DefaultRowHeight = 18 },
            new Columns(Widths.Concat(pairColumns.Select((_, i) => i % 2 == 0 ? 12d : 10d))
                .Select((w, i) => new Column { Min = (uint)(i + 1), Max = (uint)(i + 1), Width = w, CustomWidth = true })),
            data,
            // Locked cells stay selectable; columns may still be resized.
            new SheetProtection { Sheet = true, Objects = true, Scenarios = true, FormatColumns = false, FormatRows = false });
        if (validations.Count > 0)
        {
            worksheet.AppendChild(new DataValidations(validations) { Count = (uint)validations.Count });
        }

        return worksheet;
    }

    /// <summary>The official wording of the rule when the scheme has one, else the rule described from its parameters.</summary>
    private static string? RuleInWords(EntryXlsxLine row)
    {
        if (row.Indicator is not { } indicator)
        {
            return null;
        }

        if (!string.IsNullOrWhiteSpace(indicator.RuleText))
        {
            return indicator.RuleText;
        }

        return Schemes.SchemeAutoMapperProfile.InCurrentCulture(RuleTextGenerator.Generate(indicator));
    }

    private static string State(EntryXlsxLine row, EntryXlsxTexts texts) => row.Lock switch
    {
        EntryXlsxRowLock.Reported => texts["DataEntry:XlsxState:Reported"],
        EntryXlsxRowLock.Submitted => texts["DataEntry:XlsxState:Submitted"],
        EntryXlsxRowLock.FromRegister => texts.Format("DataEntry:XlsxState:FromRegister", row.Line.Value.Occurrences?.Sum(o => o.Count) ?? 0),
        _ when row.Line.Status == nameof(EntryLineStatus.UnitSubmitted) => texts["DataEntry:XlsxState:UnitSubmitted"],
        _ when !string.IsNullOrEmpty(row.Line.ReturnComment) => texts.Format("DataEntry:XlsxState:Returned", row.Line.ReturnComment),
        _ when row.Line.Reported => texts["DataEntry:XlsxState:Saved"],
        _ => texts["DataEntry:XlsxState:Empty"],
    } + (row.Indicator?.EvidenceRequired == true ? texts["DataEntry:XlsxState:EvidenceRequired"] : string.Empty);

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, string name, Worksheet worksheet)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        part.Worksheet = worksheet;
        sheets.AppendChild(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }

    internal static Row Row(uint index, IEnumerable<Cell> cells) => new(cells) { RowIndex = index };

    /// <summary>A styled cell at <paramref name="column"/><paramref name="row"/>: numbers as numbers, texts as inline strings.</summary>
    internal static Cell Cell(string column, uint row, object? value, uint style)
    {
        var cell = SingleSheetXlsx.Cell(value is string { Length: 0 } ? null : value);
        cell.CellReference = $"{column}{row}";
        cell.StyleIndex = style;
        return cell;
    }
}
