using PilotAssessment.Results;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;

namespace PilotAssessment.DataEntry;

/// <summary>
/// What a saved draft still lacks to be scored, by field. A draft may be incomplete only in these ways: the grid shows
/// them beside the field, and a line with any cannot be reported or submitted.
/// </summary>
public static class EntryLineGaps
{
    /// <param name="reference">The figure the line is compared with (<see cref="PeriodReferenceData.LineReference"/>).</param>
    public static IEnumerable<(string Field, FieldError Gap)> Of(IndicatorDefinition indicator, EntryValue value, (decimal? Value, string? Source) reference)
    {
        // A year-on-year figure without last year's: neither the previous period nor the city gives one.
        if (value.Number is not null && PeriodReferenceData.NeedsLastYear(indicator.Rule) && reference.Value is null)
        {
            yield return ("value.lastYearNumber", new FieldError(DataEntryErrorCodes.LastYearMissing));
        }

        // A survey entered component by component: every component's rate is needed to score it.
        if (indicator.Rule is SurveyCompositeRule survey && value.SurveyRates is { Count: > 0 } rates)
        {
            foreach (var component in survey.Components.Where(c => !rates.ContainsKey(c.Key)))
            {
                yield return ($"value.surveyRates.{component.Key}", new FieldError(DataEntryErrorCodes.SurveyRateMissing));
            }
        }
    }
}
