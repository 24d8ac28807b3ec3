using PilotAssessment.Results;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;

namespace PilotAssessment.DataEntry;

/// <summary>Checks a value against what the indicator's rule reads; every problem is a field error beside its field.</summary>
public static class EntryValueValidator
{
    private static readonly HashSet<string> RankKinds = ["rank_based", "rank_change"];

    /// <summary>
    /// Data items of a city's facts, checked as veto facts and bonus counts are: only the scheme's reported data items
    /// (a computed one is never entered), each within <see cref="DataEntryConsts.MaxDataItemValue"/> either side of zero.
    /// </summary>
    public static void CheckFactDataItems(SchemeDefinition definition, IReadOnlyDictionary<string, decimal> dataItems, BusinessException error)
    {
        var reported = definition.DataItems.Where(d => string.IsNullOrWhiteSpace(d.Formula)).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        foreach (var (key, value) in dataItems)
        {
            if (!reported.Contains(key))
            {
                error.WithError($"dataItems.{key}", DataEntryErrorCodes.UnknownDataItem, key);
            }
            else if (Math.Abs(value) > DataEntryConsts.MaxDataItemValue)
            {
                error.WithError($"dataItems.{key}", DataEntryErrorCodes.DataItemOutOfRange, -DataEntryConsts.MaxDataItemValue, DataEntryConsts.MaxDataItemValue);
            }
        }
    }

    public static BusinessException? Validate(IndicatorDefinition indicator, EntryValue value, string? note)
    {
        var error = new BusinessException(DataEntryErrorCodes.Invalid, indicator.Code);
        CheckShape(indicator, value, error);
        CheckNumber(indicator, value.Number, "value.number", error);

        // 上年同期值 obeys the same bounds as the value it is compared with.
        CheckNumber(indicator, value.LastYearNumber, "value.lastYearNumber", error);

        for (var i = 0; i < (value.Occurrences?.Count ?? 0); i++)
        {
            var occurrence = value.Occurrences![i];
            if (occurrence.Count < 0)
            {
                error.WithError($"value.occurrences[{i}].count", DataEntryErrorCodes.MustNotBeNegative);
            }

            if (indicator.Rule is PerOccurrenceDeductionRule { Rates.Count: > 0 } rule && !string.IsNullOrEmpty(occurrence.Type)
                && occurrence.Type != Schemes.Scoring.OccurrenceCount.DefaultType && rule.Rates.All(r => r.Type != occurrence.Type))
            {
                error.WithError($"value.occurrences[{i}].type", DataEntryErrorCodes.UnknownOccurrenceType, occurrence.Type, string.Join("/", rule.Rates.Select(r => string.IsNullOrEmpty(r.Name) ? r.Type : r.Name)));
            }
        }

        if (value.Grade is not null && indicator.Rule is QualitativeGradeRule gradeRule && gradeRule.Grades.All(g => g.Grade != value.Grade))
        {
            error.WithError("value.grade", DataEntryErrorCodes.UnknownGrade, value.Grade, string.Join("/", gradeRule.Grades.Select(g => g.Grade)));
        }

        if (value.ChecklistPresent is not null && indicator.Rule is ChecklistRule checklist)
        {
            foreach (var item in value.ChecklistPresent.Where(item => !checklist.Items.Contains(item)))
            {
                error.WithError("value.checklistPresent", DataEntryErrorCodes.UnknownChecklistItem, item);
            }
        }

        if (value.SurveyRates is not null)
        {
            foreach (var (key, rate) in value.SurveyRates)
            {
                if (indicator.Rule is SurveyCompositeRule survey && survey.Components.All(c => c.Key != key))
                {
                    error.WithError($"value.surveyRates.{key}", DataEntryErrorCodes.UnknownSurveyComponent, key);
                }
                else if (rate is < 0 or > 100)
                {
                    error.WithError($"value.surveyRates.{key}", DataEntryErrorCodes.PercentOutOfRange, 0, 100);
                }
            }
        }

        if (note is { Length: > DataEntryConsts.MaxNoteLength })
        {
            error.WithError("note", DataEntryErrorCodes.NoteTooLong, DataEntryConsts.MaxNoteLength);
        }

        return error.Errors.Count > 0 ? error : null;
    }

    /// <summary>
    /// Only the parts of a value the line's rule reads, each in a form it can score: a number for the rules that read
    /// one, counts by type where the rule deducts by type, a grade, checklist items or survey rates for theirs, and
    /// 上年同期值 only where the rule compares with last year. Anything else is refused beside its field.
    /// </summary>
    private static void CheckShape(IndicatorDefinition indicator, EntryValue value, BusinessException error)
    {
        var rule = indicator.Rule;
        var kind = LocalizableText.RuleKind(rule.Kind);
        if (value.Number is not null && rule is QualitativeGradeRule or ChecklistRule or SurveyCompositeRule)
        {
            error.WithError("value.number", DataEntryErrorCodes.FieldNotForRule, kind);
        }

        if (value.LastYearNumber is not null && !PeriodReferenceData.NeedsLastYear(rule))
        {
            error.WithError("value.lastYearNumber", DataEntryErrorCodes.FieldNotForRule, kind);
        }

        if (rule is PerOccurrenceDeductionRule deduction)
        {
            CheckCounts(deduction, value, error);
        }
        else
        {
            if (value.Occurrences is { Count: > 0 })
            {
                error.WithError("value.occurrences", DataEntryErrorCodes.FieldNotForRule, kind);
            }

            if (value.Flags is { Count: > 0 })
            {
                error.WithError("value.flags", DataEntryErrorCodes.FieldNotForRule, kind);
            }
        }

        if (value.Grade is not null && rule is not QualitativeGradeRule)
        {
            error.WithError("value.grade", DataEntryErrorCodes.FieldNotForRule, kind);
        }

        if (value.ChecklistPresent is { Count: > 0 } && rule is not ChecklistRule)
        {
            error.WithError("value.checklistPresent", DataEntryErrorCodes.FieldNotForRule, kind);
        }

        if (value.SurveyRates is { Count: > 0 } && rule is not SurveyCompositeRule)
        {
            error.WithError("value.surveyRates", DataEntryErrorCodes.FieldNotForRule, kind);
        }
    }

    /// <summary>
    /// A plain number is the count of untyped occurrences: a whole number, and only where the rule has a rate for them;
    /// a rule that deducts by type (D02: 到省/到京) takes its counts by type.
    /// </summary>
    private static void CheckCounts(PerOccurrenceDeductionRule rule, EntryValue value, BusinessException error)
    {
        var types = string.Join("/", rule.Rates.Select(r => r.Name ?? r.Type));
        if (value.Number is { } number)
        {
            if (rule.Per is null)
            {
                error.WithError("value.number", DataEntryErrorCodes.OccurrenceTypeRequired, types);
            }
            else if (number != decimal.Truncate(number) || number > int.MaxValue)
            {
                error.WithError("value.number", DataEntryErrorCodes.CountWholeNumber);
            }
        }

        for (var i = 0; i < (value.Occurrences?.Count ?? 0); i++)
        {
            var type = value.Occurrences![i].Type;
            if (rule.Per is null && (string.IsNullOrEmpty(type) || type == Schemes.Scoring.OccurrenceCount.DefaultType))
            {
                error.WithError($"value.occurrences[{i}].type", DataEntryErrorCodes.OccurrenceTypeRequired, types);
            }
        }
    }

    private static void CheckNumber(IndicatorDefinition indicator, decimal? candidate, string field, BusinessException error)
    {
        if (candidate is { } number)
        {
            if (RankKinds.Contains(indicator.Rule.Kind))
            {
                if (number < 1 || number != decimal.Truncate(number))
                {
                    error.WithError(field, DataEntryErrorCodes.RankInvalid);
                }
            }
            else if (indicator.Rule is YoyChangeRule { Measure: ChangeMeasure.Reported })
            {
                // The city reports the change itself, which may be negative or above 100 %.
            }
            // A year-on-year percent change is computed from counts (立案数): the "%" is the change's unit, not the count's.
            else if (indicator.Rule is not YoyChangeRule { Measure: ChangeMeasure.PercentChange } && indicator.Unit is "%" && number is < 0 or > 100)
            {
                error.WithError(field, DataEntryErrorCodes.PercentOutOfRange, 0, 100);
            }
            else if (number < 0)
            {
                error.WithError(field, DataEntryErrorCodes.MustNotBeNegative);
            }
        }
    }
}
