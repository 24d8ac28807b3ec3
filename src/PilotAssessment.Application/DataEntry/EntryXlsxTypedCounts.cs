using System.Globalization;
using PilotAssessment.Excel;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;

namespace PilotAssessment.DataEntry;

/// <summary>
/// 分类次数 as column pairs after the read-only columns (O/P, Q/R, …): for each occurrence type of the line's rule its
/// type (filled in by the template, a dropdown of the rule's types) and its count (a whole number). Occurrences with a
/// doubling flag stay in column J (类型:次数:加倍情形), which is still read as before.
/// </summary>
public static class EntryXlsxTypedCounts
{
    /// <summary>The column number of the first pair's type (O).</summary>
    public const int FirstColumn = 15;

    public static string TypeColumn(int pair) => SafeXlsxReader.ColumnName(FirstColumn + (2 * pair));

    public static string CountColumn(int pair) => SafeXlsxReader.ColumnName(FirstColumn + (2 * pair) + 1);

    /// <summary>The occurrence types of the line's rule, in order (none unless a per-occurrence deduction by type).</summary>
    public static IReadOnlyList<OccurrenceRate> TypesOf(IndicatorDefinition? indicator) =>
        (indicator?.Rule as PerOccurrenceDeductionRule)?.Rates ?? [];

    /// <summary>The pairs a workbook of these lines has: as many as the line with the most types.</summary>
    public static int PairsOf(IEnumerable<IndicatorDefinition?> indicators) =>
        indicators.Select(i => TypesOf(i).Count).DefaultIfEmpty(0).Max();

    /// <summary>The pair a column belongs to, or null for the columns A–N.</summary>
    public static int? PairOf(string column)
    {
        var number = column.Aggregate(0, (n, c) => (n * 26) + (c - 'A' + 1));
        return number >= FirstColumn ? (number - FirstColumn) / 2 : null;
    }

    /// <summary>Whether the line's occurrences are written in the pairs: every one of a type of the rule, none flagged.</summary>
    public static bool Fit(IndicatorDefinition? indicator, IReadOnlyList<EntryOccurrenceDto>? occurrences)
    {
        var types = TypesOf(indicator);
        return types.Count > 0 && occurrences is not null
            && occurrences.All(o => (o.Flags is null || o.Flags.Count == 0) && types.Any(t => t.Type == o.Type));
    }

    /// <summary>The pairs' cells of a line: every type's name, and its count when <paramref name="withCounts"/>.</summary>
    public static void Fill(Dictionary<string, object?> cells, IndicatorDefinition? indicator, IReadOnlyList<EntryOccurrenceDto>? occurrences, bool withCounts)
    {
        var types = TypesOf(indicator);
        for (var i = 0; i < types.Count; i++)
        {
            var type = types[i].Type;
            cells[TypeColumn(i)] = EntryXlsxTexts.TypeName(indicator, type);
            cells[CountColumn(i)] = withCounts && occurrences?.Where(o => o.Type == type).ToList() is { Count: > 0 } of
                ? (decimal)of.Sum(o => o.Count)
                : null;
        }
    }

    /// <summary>The input columns of the pairs of a line.</summary>
    public static IEnumerable<string> InputsOf(IndicatorDefinition? indicator) =>
        Enumerable.Range(0, TypesOf(indicator).Count).SelectMany(i => new[] { TypeColumn(i), CountColumn(i) });

    /// <summary>
    /// The occurrences the pairs of an uploaded row enter, with the pair each came from (null when no pair has a count;
    /// a type without a count enters nothing). Problems go to <paramref name="error"/> by cell.
    /// </summary>
    public static (List<EntryOccurrence> Occurrences, List<int> Pairs)? Read(IndicatorDefinition indicator, IReadOnlyDictionary<string, string> cells, int row, BusinessException error)
    {
        var pairs = cells.Keys.Select(PairOf).OfType<int>().Distinct().Order().ToList();
        var types = TypesOf(indicator);
        var names = string.Join("/", types.Select(r => string.IsNullOrEmpty(r.Name) ? r.Type : r.Name));
        var occurrences = new List<EntryOccurrence>();
        var from = new List<int>();
        var entered = false;
        foreach (var pair in pairs)
        {
            if (!cells.TryGetValue(CountColumn(pair), out var countText))
            {
                continue;
            }

            entered = true;
            var (typeCell, countCell) = ($"{TypeColumn(pair)}{row}", $"{CountColumn(pair)}{row}");
            if (types.Count == 0)
            {
                error.WithError(countCell, DataEntryErrorCodes.XlsxColumnNotForRule, LocalizableText.RuleKind(indicator.Rule.Kind));
                continue;
            }

            if (!int.TryParse(countText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) || count < 0)
            {
                error.WithError(countCell, DataEntryErrorCodes.CountWholeNumber);
                continue;
            }

            var typeText = cells.GetValueOrDefault(TypeColumn(pair));
            var type = types.FirstOrDefault(r => r.Type == typeText || r.Name == typeText)?.Type;
            if (typeText is null)
            {
                error.WithError(typeCell, DataEntryErrorCodes.OccurrenceTypeRequired, names);
            }
            else if (type is null)
            {
                error.WithError(typeCell, DataEntryErrorCodes.UnknownOccurrenceType, typeText, names);
            }
            else if (occurrences.Any(o => o.Type == type))
            {
                error.WithError(typeCell, DataEntryErrorCodes.XlsxTypeTwice, typeText);
            }
            else
            {
                occurrences.Add(new EntryOccurrence { Type = type, Count = count });
                from.Add(pair);
            }
        }

        return entered ? (occurrences, from) : null;
    }

    /// <summary>The cell of a validator's field about an occurrence read from the pairs (value.occurrences[i].type / .count).</summary>
    public static string? ColumnOf(string field, IReadOnlyList<int> pairs)
    {
        const string prefix = "value.occurrences";
        if (!field.StartsWith(prefix, StringComparison.Ordinal) || pairs.Count == 0)
        {
            return null;
        }

        var index = 0;
        if (field.Length > prefix.Length && field[prefix.Length] == '[')
        {
            var end = field.IndexOf(']', prefix.Length);
            index = int.TryParse(field.AsSpan(prefix.Length + 1, end - prefix.Length - 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) && i < pairs.Count ? i : 0;
        }

        return field.EndsWith(".type", StringComparison.Ordinal) ? TypeColumn(pairs[index]) : CountColumn(pairs[index]);
    }
}
