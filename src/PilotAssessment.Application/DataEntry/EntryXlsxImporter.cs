using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;

namespace PilotAssessment.DataEntry;

/// <summary>One row of an uploaded workbook, read into the value it enters.</summary>
public sealed record EntryXlsxRow(IndicatorDefinition Indicator, EntryValue Value, string? Note);

/// <summary>
/// A row the user may not change (<see cref="EntryXlsxRowLock"/>): skipped on upload when it holds what the template
/// gave (<paramref name="Expected"/>, see <see cref="EntryXlsxCells"/>), refused by cell when changed; a row fed from the
/// register (no expected cells) is always skipped, its count is the register's.
/// </summary>
public sealed record EntryXlsxLockedRow(EntryXlsxRowLock Lock, IReadOnlyDictionary<string, object?>? Expected);

/// <summary>What an uploaded workbook enters: its rows with something in them, and every problem by cell (e.g. "E5").</summary>
public sealed class EntryXlsxImport(List<EntryXlsxRow> rows, IReadOnlyDictionary<string, List<FieldError>> errors)
{
    public IReadOnlyList<EntryXlsxRow> Rows { get; } = rows;

    public IReadOnlyDictionary<string, List<FieldError>> Errors { get; } = errors;

    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Reads a bulk-entry workbook (<see cref="EntryXlsx"/>) into values and checks every cell by the line's rule, as a
/// save of the line would (<see cref="EntryValueValidator"/>); nothing here reads or writes the database.
/// </summary>
public static class EntryXlsxImporter
{
    /// <param name="indicators">The entered indicators of the period, by code.</param>
    /// <param name="mayAccess">Whether the user may write the line of an indicator (another unit's is refused by cell).</param>
    /// <param name="locked">The lines the user may not change, by code: their rows are skipped (or refused when changed).</param>
    /// <param name="texts">The user's texts, to read doubling flags by their names.</param>
    /// <exception cref="BusinessException">The file itself is unreadable or beyond the limits (400, under "file").</exception>
    public static EntryXlsxImport Import(
        Stream content,
        IReadOnlyDictionary<string, IndicatorDefinition> indicators,
        Func<string, bool> mayAccess,
        IReadOnlyDictionary<string, EntryXlsxLockedRow>? locked = null,
        EntryXlsxTexts? texts = null)
    {
        texts ??= EntryXlsxTexts.Untranslated;
        List<(int Row, Dictionary<string, string> Cells)> rows;
        try
        {
            rows = EntryXlsx.Read(content, indicators.Count);
        }
        catch (Exception exception) when (exception is InvalidDataException or OpenXmlPackageException or FileFormatException or IOException)
        {
            throw new BusinessException(DataEntryErrorCodes.XlsxUnreadable).WithError("file", DataEntryErrorCodes.XlsxUnreadable);
        }

        var error = new BusinessException(DataEntryErrorCodes.XlsxInvalid);
        var parsed = new List<EntryXlsxRow>();
        foreach (var (row, cells) in rows)
        {
            var code = cells.GetValueOrDefault("A");
            if (code is null || !indicators.TryGetValue(code, out var indicator))
            {
                error.WithError($"A{row}", DataEntryErrorCodes.UnknownIndicator, code);
                continue;
            }

            if (!mayAccess(code))
            {
                error.WithError($"A{row}", DataEntryErrorCodes.LineOfAnotherUnit, code);
                continue;
            }

            if (locked?.GetValueOrDefault(code) is { } readOnly)
            {
                // What the template gave back unchanged is skipped; a change would be lost, so it is refused by cell.
                if (readOnly.Expected is { } expected && !EntryXlsxCells.Unchanged(expected, cells))
                {
                    error.WithError($"A{row}", DataEntryErrorCodes.LineSubmittedByUnit, code);
                }

                continue;
            }

            if (ReadRow(indicator, cells, row, error, texts) is { } entered)
            {
                parsed.Add(entered);
            }
        }

        return new EntryXlsxImport(parsed, error.Errors);
    }

    /// <summary>The row's value, checked by the line's rule; null when the row enters nothing.</summary>
    private static EntryXlsxRow? ReadRow(IndicatorDefinition indicator, Dictionary<string, string> cells, int row, BusinessException error, EntryXlsxTexts texts)
    {
        decimal? number = null;
        if (cells.TryGetValue("E", out var e))
        {
            if (decimal.TryParse(e, NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var n))
            {
                number = n;
            }
            else
            {
                error.WithError($"E{row}", DataEntryErrorCodes.NumberRequired);
            }
        }

        int? count = null;
        if (cells.TryGetValue("F", out var f))
        {
            if (int.TryParse(f, NumberStyles.Integer, CultureInfo.InvariantCulture, out var c))
            {
                count = c;
            }
            else
            {
                error.WithError($"F{row}", DataEntryErrorCodes.NumberRequired);
            }
        }

        var (occurrences, flags, surveyRates) = ReadOccurrencesAndSurvey(indicator, cells, row, count, error, texts);
        var paired = EntryXlsxTypedCounts.Read(indicator, cells, row, error);
        if (paired is { } pairs)
        {
            // One way of entering the counts per row: the plain count, the pairs or the typed-count text.
            if (count is not null)
            {
                error.WithError($"F{row}", DataEntryErrorCodes.XlsxCountTwice);
            }
            else if (cells.ContainsKey("J"))
            {
                error.WithError($"J{row}", DataEntryErrorCodes.XlsxCountTwice);
            }
            else
            {
                occurrences = pairs.Occurrences;
            }
        }

        var value = new EntryValue
        {
            Number = number,
            Occurrences = occurrences ?? (count is null ? null : [new EntryOccurrence { Count = count.Value }]),
            Flags = flags,
            Grade = cells.GetValueOrDefault("G"),
            ChecklistPresent = cells.TryGetValue("H", out var h) ? h.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() : null,
            SurveyRates = surveyRates,
        };
        var note = cells.GetValueOrDefault("I");
        if (EntryValueValidator.Validate(indicator, value, note) is { } invalid)
        {
            foreach (var (field, messages) in invalid.Errors)
            {
                var column = (paired is { } p && ReferenceEquals(occurrences, p.Occurrences) ? EntryXlsxTypedCounts.ColumnOf(field, p.Pairs) : null)
                    ?? ColumnOf(field, occurrences is not null);
                foreach (var message in messages)
                {
                    error.WithError($"{column}{row}", message);
                }
            }
        }

        return value.IsEmpty && note is null ? null : new EntryXlsxRow(indicator, value, note);
    }

    /// <summary>The column of the workbook a field of the value is entered in.</summary>
    private static string ColumnOf(string field, bool typedOccurrences) => field switch
    {
        "value.number" => "E",
        "value.grade" => "G",
        "value.checklistPresent" => "H",
        "note" => "I",
        _ when field.StartsWith("value.surveyRates", StringComparison.Ordinal) => "L",
        _ when field.StartsWith("value.flags", StringComparison.Ordinal) => "K",
        _ when typedOccurrences => "J",
        _ => "F",
    };

    /// <summary>Columns J (typed occurrences), K (line flags) and L (survey rates) of a row; problems go to <paramref name="error"/> by cell.</summary>
    private static (List<EntryOccurrence>? Occurrences, List<string>? Flags, Dictionary<string, decimal>? SurveyRates) ReadOccurrencesAndSurvey(
        IndicatorDefinition indicator, Dictionary<string, string> cells, int row, int? count, BusinessException error, EntryXlsxTexts texts)
    {
        List<EntryOccurrence>? occurrences = null;
        List<string>? flags = null;
        Dictionary<string, decimal>? surveyRates = null;
        var known = string.Join("/", EntryXlsx.KnownFlags(indicator).Select(texts.Flag));
        if (cells.TryGetValue("J", out var j))
        {
            if (indicator.Rule is not PerOccurrenceDeductionRule)
            {
                error.WithError($"J{row}", DataEntryErrorCodes.XlsxColumnNotForRule, LocalizableText.RuleKind(indicator.Rule.Kind));
            }
            else if (count is not null)
            {
                error.WithError($"J{row}", DataEntryErrorCodes.XlsxCountTwice);
            }
            else if ((occurrences = EntryXlsx.ParseOccurrences(j, indicator, out var problem, texts)) is null)
            {
                error.WithError($"J{row}", problem!);
            }
            else
            {
                foreach (var flag in EntryXlsx.UnknownFlags(indicator, occurrences.SelectMany(o => o.Flags ?? [])).Distinct())
                {
                    error.WithError($"J{row}", DataEntryErrorCodes.UnknownFlag, flag, known);
                }
            }
        }

        if (cells.TryGetValue("K", out var k))
        {
            flags = k.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(f => texts.FlagKey(indicator, f)).ToList();
            foreach (var flag in EntryXlsx.UnknownFlags(indicator, flags).Distinct())
            {
                error.WithError($"K{row}", DataEntryErrorCodes.UnknownFlag, flag, known);
            }
        }

        if (cells.TryGetValue("L", out var l))
        {
            if (indicator.Rule is not SurveyCompositeRule)
            {
                error.WithError($"L{row}", DataEntryErrorCodes.XlsxColumnNotForRule, LocalizableText.RuleKind(indicator.Rule.Kind));
            }
            else if ((surveyRates = EntryXlsx.ParseSurveyRates(l, indicator, out var problem)) is null)
            {
                error.WithError($"L{row}", problem!);
            }
        }

        return (occurrences, flags, surveyRates);
    }
}
