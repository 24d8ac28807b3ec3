using L = PilotAssessment.Schemes.Excel.SchemeExcelLayout;

namespace PilotAssessment.Schemes.Excel;

/// <summary>The indicators sheet of a scheme workbook: categories nested by their parent path, each indicator with its rule.</summary>
internal static class SchemeExcelTreeReader
{
    public static List<CategoryDefinition> ReadTree(SchemeSheetTable sheet)
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

    private static IndicatorDefinition? ReadIndicator(SchemeSheetRow row)
    {
        var code = row.RequiredText("code");
        var name = row.RequiredText("name");
        var maxPoints = row.Decimal("max_points", required: true);
        var scoreSource = row.Enum<ScoreSource>("score_source", required: true);
        var evidence = row.Bool("evidence_required");
        var target = row.Decimal("target", required: false);
        var (min, max) = ReadBounds(row);
        var rule = SchemeExcelRuleReader.ReadRule(row);
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
            Min = min,
            Max = max,
        };
    }

    /// <summary>The plausible range of the checked number (docs/adr/0024): either bound may be empty, min never above max.</summary>
    private static (decimal? Min, decimal? Max) ReadBounds(SchemeSheetRow row)
    {
        var min = row.Decimal("min", required: false);
        var max = row.Decimal("max", required: false);
        if (min > max)
        {
            row.Error("max", SchemeExcelErrorCodes.BoundsInverted, SchemeExcelJson.Invariant(max!.Value), SchemeExcelJson.Invariant(min!.Value), SchemeExcelLayout.Indicators["min"].Header);
        }

        return (min, max);
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
}
