using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using PilotAssessment.Excel;
using PilotAssessment.Localization;
using PilotAssessment.Results;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;
using static PilotAssessment.Excel.SingleSheetXlsx;

namespace PilotAssessment.DataEntry;

/// <summary>
/// The bulk-entry workbook: one row per entered indicator, columns A–L (code … note, then typed occurrences, line
/// flags and survey rates), so every rule kind that is entered can be filled in.
/// </summary>
public static class EntryXlsx
{
    public static readonly string[] Headers =
    [
        "指标代码", "指标名称", "单位", "评分方式", "数值", "次数", "等次", "具备的检查项（用|分隔）", "说明",
        "分类次数（类型:次数[:加倍情形,…]，用|分隔）", "整项加倍情形（用|分隔）", "民调分项得分率（分项:得分率，用|分隔）",
    ];

    private static readonly char[] PairSeparators = [':', '：'];
    private static readonly char[] ListSeparators = [',', '，', '、'];

    public static byte[] Template(IEnumerable<EntryLineDto> lines)
    {
        return SingleSheetXlsx.Write("填报", data =>
        {
            var index = 1u;
            data.AppendChild(Row(index, [.. Headers.Select(Text)]));
            foreach (var line in lines)
            {
                // Plain counts go to 次数; typed or flagged ones to 分类次数, so a download and upload loses nothing.
                var occurrences = line.Value.Occurrences;
                var plain = occurrences is null || occurrences.All(o => IsDefaultType(o.Type) && (o.Flags is null || o.Flags.Count == 0));
                var count = plain ? occurrences?.Sum(o => o.Count) : null;
                data.AppendChild(Row(++index,
                    Text(line.IndicatorCode), Text(line.IndicatorName), Text(line.Unit), Text(Labels.RuleKind(line.RuleKind)),
                    Number(line.Value.Number), Number(count), Text(line.Value.Grade),
                    Text(line.Value.ChecklistPresent is null ? null : string.Join("|", line.Value.ChecklistPresent)), Text(line.Note),
                    Text(plain ? null : string.Join("|", occurrences!.Select(FormatOccurrence))),
                    Text(line.Value.Flags is { Count: > 0 } flags ? string.Join("|", flags) : null),
                    Text(line.Value.SurveyRates is { Count: > 0 } rates ? string.Join("|", rates.Select(r => $"{r.Key}:{r.Value.ToString(CultureInfo.InvariantCulture)}")) : null)));
            }
        });
    }

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
    /// (empty for an occurrence without a type). Null with the problem when the text cannot be read.
    /// </summary>
    public static List<EntryOccurrence>? ParseOccurrences(string text, IndicatorDefinition indicator, out FieldError? problem)
    {
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
            var flags = parts.Length == 3 ? parts[2].Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() : null;
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

    private static bool IsDefaultType(string? type) => string.IsNullOrEmpty(type) || type == Schemes.Scoring.OccurrenceCount.DefaultType;

    private static string FormatOccurrence(EntryOccurrenceDto o) =>
        $"{(IsDefaultType(o.Type) ? string.Empty : o.Type)}:{o.Count}{(o.Flags is { Count: > 0 } flags ? ":" + string.Join(",", flags) : string.Empty)}";

    // Readers (ours included) locate cells by their references, so every row and cell carries one.
    private static Row Row(uint index, params Cell[] cells)
    {
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i].CellReference = $"{(char)('A' + i)}{index}";
        }

        return new Row(cells) { RowIndex = index };
    }
}
