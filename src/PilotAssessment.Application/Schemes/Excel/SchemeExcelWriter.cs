using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PilotAssessment.Excel;
using PilotAssessment.Localization;
using PilotAssessment.Schemes.Json;
using PilotAssessment.Schemes.RuleText;
using L = PilotAssessment.Schemes.Excel.SchemeExcelLayout;

namespace PilotAssessment.Schemes.Excel;

/// <summary>
/// Writes a scheme as the workbook provincial officials keep (layout in <see cref="SchemeExcelLayout"/>).
/// <see cref="SchemeExcelReader"/> reads it back to the same definition.
/// </summary>
public static class SchemeExcelWriter
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private const uint QuotePrefixStyle = 1;
    private const uint HeaderStyle = 2;

    public static byte[] Write(SchemeDocument document)
    {
        using var stream = new MemoryStream();
        using (var package = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = package.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var styles = workbookPart.AddNewPart<WorkbookStylesPart>();
            styles.Stylesheet = Stylesheet();
            var sheets = workbookPart.Workbook.AppendChild(new Sheets());

            var definition = document.Definition;
            AddSheet(workbookPart, sheets, L.Scheme,
            [
                [document.Name, document.Year, document.Version, document.Scale, definition.Rounding.Decimals,
                    SchemeExcelJson.EnumLabel(definition.Rounding.Mode), definition.Bonus.TotalCap],
            ]);
            AddSheet(workbookPart, sheets, L.Indicators, IndicatorRows(definition).ToList());
            AddSheet(workbookPart, sheets, L.DataItems,
                definition.DataItems.Select(d => new object?[] { d.Code, d.Name, d.NameEn, d.Unit, d.Formula }).ToList());
            AddSheet(workbookPart, sheets, L.Bonus,
                definition.Bonus.Items.Select(b => new object?[] { b.Code, b.Name, b.NameEn, b.PointsPerInstance, b.Cap, b.RuleText }).ToList());
            AddSheet(workbookPart, sheets, L.Vetoes, definition.Vetoes.Select(VetoRow).ToList());
            AddSheet(workbookPart, sheets, L.Grades,
                definition.Grades.Select(g => new object?[] { g.Name, g.NameEn, g.Key, g.MinScore }).ToList());
            AddSheet(workbookPart, sheets, L.Colours,
                definition.Colours.Select(c => new object?[] { c.Name, c.NameEn, c.Key, c.MinPercent }).ToList());
            workbookPart.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static IEnumerable<object?[]> IndicatorRows(SchemeDefinition definition)
    {
        foreach (var category in definition.Categories)
        {
            foreach (var row in CategoryRows(category, parentPath: null, level: 1))
            {
                yield return row;
            }
        }
    }

    // Depth first: the category, its own indicators, then its subcategories.
    private static IEnumerable<object?[]> CategoryRows(CategoryDefinition category, string? parentPath, int level)
    {
        yield return [L.CategoryRow, parentPath, level, category.Code, category.Name, category.NameEn];
        var path = parentPath is null ? category.Code : parentPath + L.PathSeparator + category.Code;
        foreach (var indicator in category.Indicators)
        {
            yield return
            [
                L.IndicatorRow, path, level + 1, indicator.Code, indicator.Name, indicator.NameEn, indicator.Unit, indicator.UnitEn,
                indicator.MaxPoints, indicator.ResponsibleUnit, SchemeExcelJson.EnumLabel(indicator.ScoreSource),
                indicator.EvidenceRequired ? L.Yes : L.No, indicator.Target, indicator.Formula, Labels.RuleKind(indicator.Rule.Kind),
                SchemeExcelJson.SerializeRule(indicator.Rule), RuleTextGenerator.Generate(indicator).ZhHans, indicator.RuleText,
                indicator.Min, indicator.Max,
            ];
        }

        foreach (var child in category.Children)
        {
            foreach (var row in CategoryRows(child, path, level + 1))
            {
                yield return row;
            }
        }
    }

    private static object?[] VetoRow(VetoRuleDefinition veto)
    {
        var consequence = veto.Consequence;
        return
        [
            veto.Code, veto.Name, veto.NameEn, veto.TriggerFact, veto.TriggerText, veto.Condition, Labels.Consequence(consequence.Kind),
            (consequence as FixedDeductionConsequence)?.Points,
            consequence switch
            {
                GradeCapConsequence cap => cap.MaxGrade,
                GradeSetConsequence set => set.Grade,
                _ => null,
            },
            consequence.AwardIneligible ? L.Yes : L.No,
        ];
    }

    private static void AddSheet(WorkbookPart workbookPart, Sheets sheets, SchemeExcelSheet layout, IReadOnlyList<object?[]> rows)
    {
        var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        data.Append(TextRow(L.HeaderRow, layout.Columns.Select(c => c.Header), HeaderStyle));
        var keys = TextRow(L.KeyRow, layout.Columns.Select(c => c.Key), style: null);
        keys.Hidden = true;
        data.Append(keys);
        for (var i = 0; i < rows.Count; i++)
        {
            var rowIndex = (uint)(L.FirstDataRow + i);
            var row = new Row { RowIndex = rowIndex };
            for (var c = 0; c < rows[i].Length; c++)
            {
                if (ValueCell(SafeXlsxReader.ColumnName(c + 1) + rowIndex, rows[i][c]) is { } cell)
                {
                    row.Append(cell);
                }
            }

            data.Append(row);
        }

        var columns = new Columns();
        for (var c = 0; c < layout.Columns.Count; c++)
        {
            var key = layout.Columns[c].Key;
            double width = key switch
            {
                "rule" or "rule_summary" or "rule_text" or "trigger_text" => 60,
                "name" or "name_en" or "formula" or "condition" or "responsible_unit" => 28,
                _ => 14,
            };
            // A key only the machine reads (a veto's fact key, a grade's key) is hidden; people read its name beside it.
            var hidden = key is "trigger_fact" or "key";
            columns.Append(new Column { Min = (uint)(c + 1), Max = (uint)(c + 1), Width = width, CustomWidth = true, Hidden = hidden ? true : null });
        }

        // Keep the headers in view while scrolling.
        var views = new SheetViews(new SheetView(new Pane
        {
            VerticalSplit = 2,
            TopLeftCell = "A3",
            ActivePane = PaneValues.BottomLeft,
            State = PaneStateValues.Frozen,
        })
        { WorkbookViewId = 0 });
        worksheetPart.Worksheet = new Worksheet(views, columns, data);

        sheets.Append(new Sheet
        {
            Id = workbookPart.GetIdOfPart(worksheetPart),
            SheetId = (uint)(sheets.ChildElements.Count + 1),
            Name = layout.Name,
        });
    }

    private static Row TextRow(int rowIndex, IEnumerable<string> texts, uint? style)
    {
        var row = new Row { RowIndex = (uint)rowIndex };
        var c = 1;
        foreach (var text in texts)
        {
            row.Append(SafeCellText.InlineStringCell(SafeXlsxReader.ColumnName(c++) + rowIndex, text, QuotePrefixStyle, style));
        }

        return row;
    }

    private static Cell? ValueCell(string reference, object? value) => value switch
    {
        null => null,
        string text => SafeCellText.InlineStringCell(reference, text, QuotePrefixStyle),
        decimal number => new Cell(new CellValue(SchemeExcelJson.Invariant(number))) { CellReference = reference, DataType = CellValues.Number },
        int number => new Cell(new CellValue(number.ToString(CultureInfo.InvariantCulture))) { CellReference = reference, DataType = CellValues.Number },
        _ => throw new ArgumentOutOfRangeException(nameof(value), value.GetType(), "Unsupported cell value."),
    };

    private static Stylesheet Stylesheet() => new(
        new Fonts(new Font(), new Font(new Bold())) { Count = 2 },
        new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }))
        { Count = 2 },
        new Borders(new Border()) { Count = 1 },
        new CellStyleFormats(new CellFormat()) { Count = 1 },
        new CellFormats(
            new CellFormat(),
            SafeCellText.QuotePrefixFormat(),
            new CellFormat { FontId = 1, ApplyFont = true })
        { Count = 3 });
}
