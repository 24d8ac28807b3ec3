using System.Globalization;
using PilotAssessment.Excel;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;

namespace PilotAssessment.DataEntry;

/// <summary>
/// The input cells of a line in the entry workbook (columns E–L: 数值, 次数, 等次, 检查项, 说明, 分类次数, 整项加倍情形,
/// 民调得分率, then the type/count pairs from O, see <see cref="EntryXlsxTypedCounts"/>), with names instead of keys; the template writes them and an upload compares a read-only row with them.
/// </summary>
public static class EntryXlsxCells
{
    /// <summary>The input columns, in order.</summary>
    public static readonly string[] InputColumns = ["E", "F", "G", "H", "I", "J", "K", "L"];

    /// <summary>The value of each input column (a decimal, a text or null), by column letter.</summary>
    public static Dictionary<string, object?> Of(EntryXlsxLine row, EntryXlsxTexts texts)
    {
        var (line, indicator) = (row.Line, row.Indicator);
        var value = line.Value;
        var cells = InputColumns.ToDictionary(c => c, _ => (object?)null);
        if (row.Lock == EntryXlsxRowLock.FromRegister)
        {
            // The register's count of open problems; what they are is in the register, not for the clerk to type.
            cells["F"] = (decimal)(value.Occurrences?.Sum(o => o.Count) ?? 0);
            return cells;
        }

        // Plain counts go to 次数; typed ones to the type/count pairs, flagged ones to 分类次数, so a download and
        // upload loses nothing.
        var occurrences = value.Occurrences;
        var plain = occurrences is null || occurrences.All(o => IsDefaultType(o.Type) && (o.Flags is null || o.Flags.Count == 0));
        var paired = !plain && EntryXlsxTypedCounts.Fit(indicator, occurrences);
        EntryXlsxTypedCounts.Fill(cells, indicator, occurrences, withCounts: paired);
        cells["E"] = value.Number;
        cells["F"] = plain ? occurrences?.Sum(o => o.Count) : null;
        cells["G"] = value.Grade;
        cells["H"] = value.ChecklistPresent is null ? null : string.Join("|", value.ChecklistPresent);
        cells["I"] = line.Note;
        cells["J"] = plain || paired ? null : string.Join("|", occurrences!.Select(o => Occurrence(o, indicator, texts)));
        cells["K"] = value.Flags is { Count: > 0 } flags ? string.Join("|", flags.Select(texts.Flag)) : null;
        cells["L"] = value.SurveyRates is { Count: > 0 } rates
            ? string.Join("|", rates.Select(r => $"{ComponentName(indicator, r.Key)}:{r.Value.ToString(CultureInfo.InvariantCulture)}"))
            : null;
        return cells;
    }

    /// <summary>
    /// The columns the line's rule is entered in (the others stay locked): a number, counts (plain or by type) with
    /// their doubling flags, a grade, checklist items or survey rates, and always the note. All of them without a rule.
    /// </summary>
    public static IReadOnlySet<string> InputsOf(IndicatorDefinition? indicator) => indicator?.Rule switch
    {
        null => InputColumns.ToHashSet(),
        QualitativeGradeRule => new HashSet<string> { "G", "I" },
        ChecklistRule => new HashSet<string> { "H", "I" },
        SurveyCompositeRule => new HashSet<string> { "L", "I" },
        PerOccurrenceDeductionRule deduction => new HashSet<string>(
            new[] { deduction.Rates.Count == 0 ? "F" : null, "I", "J", deduction.DoubleWhen.Count > 0 ? "K" : null }.OfType<string>()
                .Concat(EntryXlsxTypedCounts.InputsOf(indicator))),
        _ => new HashSet<string> { "E", "I" },
    };

    /// <summary>
    /// Whether an uploaded row holds what the template gave for the line: numbers compared as numbers, texts trimmed
    /// (an apostrophe the template put before a formula-like text is ignored).
    /// </summary>
    public static bool Unchanged(IReadOnlyDictionary<string, object?> expected, IReadOnlyDictionary<string, string> uploaded) =>
        InputColumns
            .Concat(expected.Keys.Concat(uploaded.Keys).Where(c => EntryXlsxTypedCounts.PairOf(c) is not null))
            .All(column => Same(expected.GetValueOrDefault(column), uploaded.GetValueOrDefault(column)));

    private static bool Same(object? expected, string? uploaded)
    {
        var text = expected switch
        {
            null => null,
            decimal d => d.ToString(CultureInfo.InvariantCulture),
            int i => i.ToString(CultureInfo.InvariantCulture),
            _ => expected.ToString()?.Trim(),
        };
        if (string.IsNullOrEmpty(text) || string.IsNullOrEmpty(uploaded))
        {
            return string.IsNullOrEmpty(text) && string.IsNullOrEmpty(uploaded);
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(uploaded, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var b))
        {
            return a == b;
        }

        return text == uploaded || SafeCellText.Escape(text) == uploaded;
    }

    private static bool IsDefaultType(string? type) => string.IsNullOrEmpty(type) || type == Schemes.Scoring.OccurrenceCount.DefaultType;

    private static string Occurrence(EntryOccurrenceDto o, IndicatorDefinition? indicator, EntryXlsxTexts texts) =>
        $"{(IsDefaultType(o.Type) ? string.Empty : EntryXlsxTexts.TypeName(indicator, o.Type!))}:{o.Count}"
        + (o.Flags is { Count: > 0 } flags ? ":" + string.Join(",", flags.Select(texts.Flag)) : string.Empty);

    private static string ComponentName(IndicatorDefinition? indicator, string key) =>
        (indicator?.Rule as SurveyCompositeRule)?.Components.FirstOrDefault(c => c.Key == key) is { Name: { Length: > 0 } name } ? name : key;
}
