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
    private static readonly JsonDocumentOptions RuleJsonOptions = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

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

            var categories = indicators is null ? [] : ReadTree(indicators);
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
                Vetoes = vetoes?.Rows.Select(ReadVeto).OfType<VetoRuleDefinition>().ToList() ?? [],
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

        private List<CategoryDefinition> ReadTree(SheetTable sheet)
        {
            var roots = new List<CategoryBuilder>();
            var byPath = new Dictionary<string, CategoryBuilder>(StringComparer.Ordinal);
            foreach (var row in sheet.Rows)
            {
                var type = row.RequiredText("row_type").Trim();
                var parentPath = row.Text("parent_path")?.Trim();
                CategoryBuilder? parent = null;
                if (parentPath is not null && !byPath.TryGetValue(parentPath, out parent))
                {
                    row.Error("parent_path", SchemeExcelErrorCodes.UnknownCategory, parentPath);
                }

                if (type is L.CategoryRow or "category")
                {
                    var code = row.RequiredText("code");
                    var category = new CategoryBuilder(code, row.RequiredText("name"), row.Text("name_en"));
                    var path = parentPath is null ? code : parentPath + L.PathSeparator + code;
                    if (!byPath.TryAdd(path, category))
                    {
                        row.Error("code", SchemeExcelErrorCodes.DuplicateCategory, path);
                    }

                    if (parentPath is null)
                    {
                        roots.Add(category);
                    }
                    else
                    {
                        parent?.Children.Add(category);
                    }
                }
                else if (type is L.IndicatorRow or "indicator")
                {
                    if (parentPath is null)
                    {
                        row.Error("parent_path", SchemeExcelErrorCodes.IndicatorWithoutCategory);
                    }

                    var indicator = ReadIndicator(row);
                    if (indicator is not null)
                    {
                        parent?.Indicators.Add(indicator);
                    }
                }
                else if (type.Length > 0)
                {
                    row.Error("row_type", SchemeExcelErrorCodes.UnknownValue, type, $"{L.CategoryRow}, {L.IndicatorRow}");
                }
            }

            return roots.Select(r => r.Build()).ToList();
        }

        private static IndicatorDefinition? ReadIndicator(SheetRow row)
        {
            var code = row.RequiredText("code");
            var name = row.RequiredText("name");
            var maxPoints = row.Decimal("max_points", required: true);
            var scoreSource = row.Enum<ScoreSource>("score_source", required: true);
            var evidence = row.Bool("evidence_required");
            var target = row.Decimal("target", required: false);
            var rule = ReadRule(row);
            if (rule is null)
            {
                return null;
            }

            return new IndicatorDefinition
            {
                Code = code,
                Name = name,
                NameEn = row.Text("name_en"),
                Unit = row.Text("unit"),
                UnitEn = row.Text("unit_en"),
                MaxPoints = maxPoints ?? 0,
                ResponsibleUnit = row.Text("responsible_unit"),
                ScoreSource = scoreSource ?? ScoreSource.Department,
                EvidenceRequired = evidence,
                Rule = rule,
                Formula = row.Text("formula"),
                Target = target,
                RuleText = row.Text("rule_text"),
            };
        }

        // The JSON column is authoritative; the kind column may stand in for a missing "kind" and must agree otherwise.
        private static ScoringRule? ReadRule(SheetRow row)
        {
            var known = string.Join(", ", SchemeExcelJson.RuleKinds);
            var kind = row.Text("rule_kind")?.Trim();
            if (kind is not null && !SchemeExcelJson.RuleKinds.Contains(kind))
            {
                row.Error("rule_kind", SchemeExcelErrorCodes.UnknownRuleKind, kind, known);
                return null;
            }

            var json = row.Text("rule");
            if (string.IsNullOrWhiteSpace(json))
            {
                if (kind is null)
                {
                    row.Error("rule", SchemeExcelErrorCodes.ValueRequired);
                    return null;
                }

                json = "{}";
            }

            JsonObject rule;
            try
            {
                if (JsonNode.Parse(json, documentOptions: RuleJsonOptions) is not JsonObject parsed)
                {
                    row.Error("rule", SchemeExcelErrorCodes.RuleJsonMalformed, "{…}");
                    return null;
                }

                rule = parsed;
            }
            catch (JsonException exception)
            {
                row.Error("rule", SchemeExcelErrorCodes.RuleJsonMalformed, Detail(exception));
                return null;
            }

            string? jsonKind = null;
            if (rule.TryGetPropertyValue("kind", out var kindNode) &&
                (kindNode is not JsonValue value || !value.TryGetValue(out jsonKind)))
            {
                row.Error("rule", SchemeExcelErrorCodes.RuleJsonMalformed, "kind");
                return null;
            }

            if (jsonKind is not null && !SchemeExcelJson.RuleKinds.Contains(jsonKind))
            {
                row.Error("rule", SchemeExcelErrorCodes.UnknownRuleKind, jsonKind, known);
                return null;
            }

            if (kind is not null && jsonKind is not null && kind != jsonKind)
            {
                row.Error("rule_kind", SchemeExcelErrorCodes.RuleKindMismatch, kind, jsonKind);
                return null;
            }

            if (jsonKind is null)
            {
                if (kind is null)
                {
                    row.Error("rule_kind", SchemeExcelErrorCodes.ValueRequired);
                    return null;
                }

                rule["kind"] = kind;
            }

            try
            {
                var result = SchemeExcelJson.DeserializeRule(rule.ToJsonString());
                if (result is null)
                {
                    row.Error("rule", SchemeExcelErrorCodes.RuleJsonMalformed, "null");
                }

                return result;
            }
            catch (Exception exception) when (exception is JsonException or NotSupportedException or ArgumentException or InvalidOperationException)
            {
                row.Error("rule", SchemeExcelErrorCodes.RuleJsonMalformed, Detail(exception));
                return null;
            }
        }

        private static VetoRuleDefinition? ReadVeto(SheetRow row)
        {
            var code = row.RequiredText("code");
            var name = row.RequiredText("name");
            var triggerFact = row.RequiredText("trigger_fact");
            var awardIneligible = row.Bool("award_ineligible");
            var kind = row.RequiredText("consequence_kind").Trim();
            VetoConsequence? consequence = kind switch
            {
                "fixed_deduction" => new FixedDeductionConsequence { Points = row.Decimal("points", required: true) ?? 0, AwardIneligible = awardIneligible },
                "grade_cap" => new GradeCapConsequence { MaxGrade = row.RequiredText("grade"), AwardIneligible = awardIneligible },
                "grade_set" => new GradeSetConsequence { Grade = row.RequiredText("grade"), AwardIneligible = awardIneligible },
                "total_zeroed" => new TotalZeroedConsequence { AwardIneligible = awardIneligible },
                _ => null,
            };
            if (consequence is null)
            {
                if (kind.Length > 0)
                {
                    row.Error("consequence_kind", SchemeExcelErrorCodes.UnknownValue, kind, string.Join(", ", SchemeExcelJson.ConsequenceKinds));
                }

                return null;
            }

            return new VetoRuleDefinition
            {
                Code = code,
                Name = name,
                NameEn = row.Text("name_en"),
                TriggerFact = triggerFact,
                TriggerText = row.Text("trigger_text"),
                Condition = row.Text("condition"),
                Consequence = consequence,
            };
        }

        private static string Detail(Exception exception)
        {
            var path = (exception as JsonException)?.Path;
            var message = exception.Message.Length > 160 ? exception.Message[..160] + "…" : exception.Message;
            return path is null ? message : $"{path}: {message}";
        }

        private SheetTable? Sheet(SchemeExcelSheet layout)
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

            return new SheetTable(layout, cellsByRow, errors);
        }
    }

    private sealed class CategoryBuilder(string code, string name, string? nameEn)
    {
        public List<CategoryBuilder> Children { get; } = [];

        public List<IndicatorDefinition> Indicators { get; } = [];

        public CategoryDefinition Build() => new()
        {
            Code = code,
            Name = name,
            NameEn = nameEn,
            Children = Children.Select(c => c.Build()).ToList(),
            Indicators = Indicators,
        };
    }

    /// <summary>A sheet's data rows with its columns found by key (hidden row 2) or, failing that, by header (row 1).</summary>
    private sealed class SheetTable
    {
        // Columns only for reading aid: the reader does not need them.
        private static readonly HashSet<string> Informational = ["level", "rule_summary"];

        public SheetTable(SchemeExcelSheet layout, SortedDictionary<int, Dictionary<int, string>> cellsByRow, List<SchemeExcelError> errors)
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
                else if (!Informational.Contains(column.Key))
                {
                    errors.Add(new SchemeExcelError(layout.Name, 0, string.Empty, SchemeExcelErrorCodes.ColumnMissing, [layout.Name, column.Header, column.Key]));
                }
            }

            var firstDataRow = hasKeyRow ? L.FirstDataRow : L.KeyRow;
            Rows = cellsByRow.Where(r => r.Key >= firstDataRow && r.Value.Count > 0)
                .Select(r => new SheetRow(this, r.Key, r.Value)).ToList();
        }

        public SchemeExcelSheet Layout { get; }

        public List<SchemeExcelError> Errors { get; }

        public Dictionary<string, int> Columns { get; } = [];

        public IReadOnlyList<SheetRow> Rows { get; }
    }

    private sealed class SheetRow(SheetTable sheet, int number, Dictionary<int, string> cells)
    {
        /// <summary>The cell's text; null when empty or when the column is missing (reported once for the sheet).</summary>
        public string? Text(string key) =>
            sheet.Columns.TryGetValue(key, out var column) && cells.TryGetValue(column, out var text) && text.Length > 0 ? text : null;

        public string RequiredText(string key)
        {
            var text = Text(key);
            if (string.IsNullOrWhiteSpace(text))
            {
                Required(key);
                return string.Empty;
            }

            return text;
        }

        public decimal? Decimal(string key, bool required)
        {
            var text = Text(key)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return required ? Required(key) : null;
            }

            if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Error(key, SchemeExcelErrorCodes.NotANumber, text);
            return null;
        }

        public int? Int(string key, bool required)
        {
            var text = Text(key)?.Trim();
            var value = Decimal(key, required);
            if (value is null)
            {
                return null;
            }

            if (value != decimal.Truncate(value.Value) || value < int.MinValue || value > int.MaxValue)
            {
                Error(key, SchemeExcelErrorCodes.NotAWholeNumber, text);
                return null;
            }

            return (int)value.Value;
        }

        public bool Bool(string key)
        {
            var text = Text(key)?.Trim();
            switch (text?.ToLowerInvariant())
            {
                case null or "" or L.No or "false" or "0" or "no" or "n":
                    return false;
                case L.Yes or "true" or "1" or "yes" or "y":
                    return true;
                default:
                    Error(key, SchemeExcelErrorCodes.NotABoolean, text);
                    return false;
            }
        }

        public T? Enum<T>(string key, bool required)
            where T : struct, Enum
        {
            var text = Text(key)?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                return required ? Required<T>(key) : null;
            }

            if (SchemeExcelJson.TryParseEnum<T>(text, out var value))
            {
                return value;
            }

            Error(key, SchemeExcelErrorCodes.UnknownValue, text, SchemeExcelJson.EnumNames<T>());
            return null;
        }

        public void Error(string key, string code, params object?[] arguments)
        {
            var header = sheet.Layout[key].Header;
            var column = sheet.Columns.TryGetValue(key, out var index) ? SafeXlsxReader.ColumnName(index) : string.Empty;
            sheet.Errors.Add(new SchemeExcelError(sheet.Layout.Name, number, column, code,
                [sheet.Layout.Name, column + number, header, .. arguments]));
        }

        private decimal? Required(string key)
        {
            // A missing column is already reported for the whole sheet.
            if (sheet.Columns.ContainsKey(key))
            {
                Error(key, SchemeExcelErrorCodes.ValueRequired);
            }

            return null;
        }

        private T? Required<T>(string key)
            where T : struct
        {
            Required(key);
            return null;
        }
    }
}
