using System.Globalization;
using PilotAssessment.Excel;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;

namespace PilotAssessment.DataEntry;

/// <summary>
/// The bulk-entry workbook: one row per entered indicator, columns A–L (code … note, then typed occurrences, line
/// flags and survey rates), so every rule kind that is entered can be filled in; M and N (the rule, the row's state)
/// are only read by people. Written by <see cref="EntryXlsxTemplate"/>.
/// </summary>
public static class EntryXlsx
{
    private static readonly char[] PairSeparators = [':', '：'];
    private static readonly char[] ListSeparators = [',', '，', '、'];

    /// <summary>A template of the lines without their indicators or the user's language (every input column open).</summary>
    public static byte[] Template(IEnumerable<EntryLineDto> lines) =>
        EntryXlsxTemplate.Write(lines.Select(l => new EntryXlsxLine(l, null)).ToList(), EntryXlsxTexts.Untranslated);

    /// <summary>
    /// Rows by their number (header excluded), each a column letter → text map; empty rows left out. Read as a stream
    /// within the limits of <see cref="SafeXlsxReader"/>; at most <paramref name="maxRows"/> rows (the lines of the period).
    /// </summary>
    /// <exception cref="BusinessException">The file is unreadable, beyond the limits, or names an indicator twice (400, localized).</exception>
    public static List<(int Row, Dictionary<string, string> Cells)> Read(Stream content, int maxRows = int.MaxValue)
    {
        var rows = new List<(int, Dictionary<string, string>)>();
        var firstRowOf = new Dictionary<string, int>(StringComparer.Ordinal);
        var duplicates = new BusinessException(DataEntryErrorCodes.XlsxInvalid);
        try
        {
            using var workbook = SafeXlsxReader.Open(content);
            // The header row is not a line; rows beyond the lines of the period + header are refused while reading.
            foreach (var row in workbook.FirstSheet(maxRows == int.MaxValue ? maxRows : maxRows + 1))
            {
                var cells = new Dictionary<string, string>();
                foreach (var (column, text) in row.Cells)
                {
                    if (!string.IsNullOrWhiteSpace(text))
                    {
                        cells[SafeXlsxReader.ColumnName(column)] = text.Trim();
                    }
                }

                if (row.Number <= 1 || cells.Count == 0)
                {
                    continue;
                }

                if (cells.TryGetValue("A", out var code))
                {
                    if (firstRowOf.TryGetValue(code, out var first))
                    {
                        duplicates.WithError($"A{row.Number}", DataEntryErrorCodes.XlsxDuplicateIndicator, code, first);
                    }
                    else
                    {
                        firstRowOf[code] = row.Number;
                    }
                }

                rows.Add((row.Number, cells));
            }
        }
        catch (SafeXlsxException refused)
        {
            var code = refused.Problem switch
            {
                SafeXlsxProblem.NoSheet => DataEntryErrorCodes.XlsxNoSheet,
                SafeXlsxProblem.PartTooLarge => DataEntryErrorCodes.XlsxTooLarge,
                SafeXlsxProblem.TooManyRows => DataEntryErrorCodes.XlsxTooManyRows,
                SafeXlsxProblem.CellTooLong => DataEntryErrorCodes.XlsxCellTooLong,
                _ => DataEntryErrorCodes.XlsxUnreadable,
            };
            object[] arguments = refused.Problem switch
            {
                SafeXlsxProblem.PartTooLarge => [SafeXlsxReader.MaxPartBytes / 1_000_000],
                SafeXlsxProblem.TooManyRows => [maxRows],
                SafeXlsxProblem.CellTooLong => [SafeXlsxReader.MaxCellCharacters],
                _ => [],
            };
            throw new BusinessException(code, arguments).WithError("file", code, arguments);
        }

        if (duplicates.Errors.Count > 0)
        {
            throw duplicates;
        }

        return rows;
    }

    /// <summary>
    /// 分类次数: <c>类型:次数</c> or <c>类型:次数:加倍情形,加倍情形</c>, several joined by <c>|</c>; the type by its key or name
    /// (empty for an occurrence without a type), a flag by its key or name. Null with the problem when the text cannot be read.
    /// </summary>
    public static List<EntryOccurrence>? ParseOccurrences(string text, IndicatorDefinition indicator, out FieldError? problem, EntryXlsxTexts? texts = null)
    {
        texts ??= EntryXlsxTexts.Untranslated;
        problem = null;
        var rates = (indicator.Rule as PerOccurrenceDeductionRule)?.Rates ?? [];
        var result = new List<EntryOccurrence>();
        foreach (var item in text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(PairSeparators, 3, StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var count))
            {
                problem = new FieldError(DataEntryErrorCodes.XlsxOccurrenceFormat, item);
                return null;
            }

            var type = rates.FirstOrDefault(r => r.Type == parts[0] || r.Name == parts[0])?.Type ?? parts[0];
            var flags = parts.Length == 3 ? parts[2].Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => texts.FlagKey(indicator, f)).ToList() : null;
            result.Add(new EntryOccurrence { Type = type.Length == 0 ? null : type, Count = count, Flags = flags is { Count: > 0 } ? flags : null });
        }

        return result;
    }

    /// <summary>民调分项得分率: <c>分项:得分率</c> joined by <c>|</c>, the component by its key or name.</summary>
    public static Dictionary<string, decimal>? ParseSurveyRates(string text, IndicatorDefinition indicator, out FieldError? problem)
    {
        problem = null;
        var components = (indicator.Rule as SurveyCompositeRule)?.Components ?? [];
        var result = new Dictionary<string, decimal>();
        foreach (var item in text.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = item.Split(PairSeparators, 2, StringSplitOptions.TrimEntries);
            if (parts.Length < 2 || parts[0].Length == 0
                || !decimal.TryParse(parts[1].TrimEnd('%'), NumberStyles.Number, CultureInfo.InvariantCulture, out var rate))
            {
                problem = new FieldError(DataEntryErrorCodes.XlsxSurveyFormat, item);
                return null;
            }

            result[components.FirstOrDefault(c => c.Key == parts[0] || c.Name == parts[0])?.Key ?? parts[0]] = rate;
        }

        return result;
    }

    /// <summary>Flags the rule does not double on (every flag, when the rule is not a per-occurrence deduction).</summary>
    public static IEnumerable<string> UnknownFlags(IndicatorDefinition indicator, IEnumerable<string> flags) =>
        flags.Where(f => indicator.Rule is not PerOccurrenceDeductionRule rule || !rule.DoubleWhen.Contains(f));

    public static IReadOnlyList<string> KnownFlags(IndicatorDefinition indicator) =>
        (indicator.Rule as PerOccurrenceDeductionRule)?.DoubleWhen ?? [];
}
