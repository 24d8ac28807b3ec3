using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PilotAssessment.Excel;
using PilotAssessment.Schemes.Json;
using PilotAssessment.Schemes.Rules;
using L = PilotAssessment.Schemes.Excel.SchemeExcelLayout;

namespace PilotAssessment.Schemes.Excel;

/// <summary>
/// Reads the workbook written by <see cref="SchemeExcelWriter"/> (or edited by hand) back into a scheme.
/// Every error of the file is collected with its sheet, row and column; with any error nothing is returned.
/// </summary>
public static class SchemeExcelReader
{
    /// <exception cref="SchemeExcelException">The file is not a workbook or has errors.</exception>
    public static SchemeDocument Read(Stream content) =>
        TryRead(content, out var document, out var errors) ? document! : throw new SchemeExcelException(errors);

    public static bool TryRead(Stream content, out SchemeDocument? document, out IReadOnlyList<SchemeExcelError> errors)
    {
        document = null;
        var found = new List<SchemeExcelError>();
        errors = found;
        try
        {
            // A 5 MB upload can inflate a lot: the shared reader bounds every part and reads sheets as a stream.
            using var workbook = SafeXlsxReader.Open(content);
            document = new WorkbookTables(workbook, found).Read();
        }
        catch (Exception exception) when (exception is SafeXlsxException or OpenXmlPackageException or InvalidDataException or FileFormatException
                                              or IOException or System.Xml.XmlException)
        {
            // Not a zip, not an OPC package, a broken or oversized part: the file is not a workbook we can read.
            found.Clear();
            found.Add(NotXlsx());
            document = null;
            return false;
        }

        if (found.Count > 0)
        {
            document = null;
            return false;
        }

        return document is not null;
    }

    private static SchemeExcelError NotXlsx() => new(string.Empty, 0, string.Empty, SchemeExcelErrorCodes.NotXlsx, []);

    private sealed class WorkbookTables(SafeXlsxReader workbook, List<SchemeExcelError> errors)
    {
        public SchemeDocument? Read()
        {
            var scheme = Sheet(L.Scheme);
            var indicators = Sheet(L.Indicators);
            var dataItems = Sheet(L.DataItems);
            var bonus = Sheet(L.Bonus);
            var vetoes = Sheet(L.Vetoes);
            var grades = Sheet(L.Grades);
            var colours = Sheet(L.Colours);

            SchemeDocument? header = null;
            RoundingSettings rounding = new();
            decimal? totalCap = null;
            if (scheme is not null)
            {
                if (scheme.Rows.Count == 0)
                {
                    errors.Add(new SchemeExcelError(L.Scheme.Name, 0, string.Empty, SchemeExcelErrorCodes.RowMissing, [L.Scheme.Name]));
                }
                else
                {
                    var row = scheme.Rows[0];
                    header = new SchemeDocument
                    {
                        Name = row.RequiredText("name"),
                        Year = row.Int("year", required: true) ?? 0,
                        Version = row.Int("version", required: true) ?? 1,
                        Scale = row.Int("scale", required: true) ?? 100,
                        Definition = new SchemeDefinition(),
                    };
                    rounding = new RoundingSettings
                    {
                        Decimals = row.Int("rounding_decimals", required: true) ?? 2,
                        Mode = row.Enum<MidpointRounding>("rounding_mode", required: true) ?? MidpointRounding.AwayFromZero,
                    };
                    totalCap = row.Decimal("bonus_total_cap", required: false);
                }
            }

            var categories = indicators is null ? [] : SchemeExcelTreeReader.ReadTree(indicators);
            var definition = new SchemeDefinition
            {
                Categories = categories,
                DataItems = dataItems?.Rows.Select(r => new DataItemDefinition
                {
                    Code = r.RequiredText("code"),
                    Name = r.RequiredText("name"),
                    NameEn = r.Text("name_en"),
                    Unit = r.Text("unit"),
                    Formula = r.Text("formula"),
                }).ToList() ?? [],
                Bonus = new BonusDefinition
                {
                    Items = bonus?.Rows.Select(r => new BonusItemDefinition
                    {
                        Code = r.RequiredText("code"),
                        Name = r.RequiredText("name"),
                        NameEn = r.Text("name_en"),
                        PointsPerInstance = r.Decimal("points_per_instance", required: true) ?? 0,
                        Cap = r.Decimal("cap", required: false),
                        RuleText = r.Text("rule_text"),
                    }).ToList() ?? [],
                    TotalCap = totalCap,
                },
                Vetoes = vetoes?.Rows.Select(SchemeExcelRuleReader.ReadVeto).OfType<VetoRuleDefinition>().ToList() ?? [],
                Grades = grades?.Rows.Select(r => new GradeBand
                {
                    Name = r.RequiredText("name"),
                    NameEn = r.Text("name_en"),
                    Key = r.Text("key"),
                    MinScore = r.Decimal("min_score", required: true) ?? 0,
                }).ToList() ?? [],
                Colours = colours?.Rows.Select(r => new ColourBand
                {
                    Name = r.RequiredText("name"),
                    NameEn = r.Text("name_en"),
                    Key = r.Text("key"),
                    MinPercent = r.Decimal("min_percent", required: true) ?? 0,
                }).ToList() ?? [],
                Rounding = rounding,
            };

            return header is null || errors.Count > 0 ? null : header with { Definition = definition };
        }

        private SchemeSheetTable? Sheet(SchemeExcelSheet layout)
        {
            if (workbook.Sheet(layout.Name) is not { } rows)
            {
                errors.Add(new SchemeExcelError(layout.Name, 0, string.Empty, SchemeExcelErrorCodes.SheetMissing, [layout.Name]));
                return null;
            }

            // Rows by number, each a map of column number → text.
            var cellsByRow = new SortedDictionary<int, Dictionary<int, string>>();
            foreach (var row in rows)
            {
                cellsByRow[row.Number] = new Dictionary<int, string>(row.Cells);
            }

            return new SchemeSheetTable(layout, cellsByRow, errors);
        }
    }
}
