using System.Globalization;
using L = PilotAssessment.Schemes.Excel.SchemeExcelLayout;

namespace PilotAssessment.Schemes.Excel;

/// <summary>A sheet's data rows with its columns found by key (hidden row 2) or, failing that, by header (row 1).</summary>
internal sealed class SchemeSheetTable
{
    // Columns only for reading aid: the reader does not need them.
    private static readonly HashSet<string> Informational = ["level", "rule_summary"];

    // Columns added later: a workbook exported before them still reads (the bounds are then absent).
    private static readonly HashSet<string> Optional = ["min", "max"];

    public SchemeSheetTable(SchemeExcelSheet layout, SortedDictionary<int, Dictionary<int, string>> cellsByRow, List<SchemeExcelError> errors)
    {
        Layout = layout;
        Errors = errors;
        var keys = cellsByRow.GetValueOrDefault(L.KeyRow) ?? [];
        var headers = cellsByRow.GetValueOrDefault(L.HeaderRow) ?? [];
        var hasKeyRow = layout.Columns.Any(c => keys.Values.Contains(c.Key));
        foreach (var column in layout.Columns)
        {
            var index = keys.FirstOrDefault(k => k.Value.Trim() == column.Key).Key;
            if (index == 0)
            {
                index = headers.FirstOrDefault(h => h.Value.Trim() == column.Header).Key;
            }

            if (index > 0)
            {
                Columns[column.Key] = index;
            }
            else if (!Informational.Contains(column.Key) && !Optional.Contains(column.Key))
            {
                errors.Add(new SchemeExcelError(layout.Name, 0, string.Empty, SchemeExcelErrorCodes.ColumnMissing, [layout.Name, column.Header, column.Key]));
            }
        }

        var firstDataRow = hasKeyRow ? L.FirstDataRow : L.KeyRow;
        Rows = cellsByRow.Where(r => r.Key >= firstDataRow && r.Value.Count > 0)
            .Select(r => new SchemeSheetRow(this, r.Key, r.Value)).ToList();
    }

    public SchemeExcelSheet Layout { get; }

    public List<SchemeExcelError> Errors { get; }

    public Dictionary<string, int> Columns { get; } = [];

    public IReadOnlyList<SchemeSheetRow> Rows { get; }
}
