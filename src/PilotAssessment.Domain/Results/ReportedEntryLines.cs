using System.Linq.Expressions;
using PilotAssessment.DataEntry;

namespace PilotAssessment.Results;

/// <summary>
/// <see cref="EntryLine.IsReported"/> as a query the database answers, so province views count reported lines with a
/// GROUP BY instead of loading every line. An entry value is stored as camelCase JSON with every property written
/// (nulls too) in declaration order; it is empty when number, occurrences, grade, checklist and survey rates are all
/// absent (<see cref="EntryValue.IsEmpty"/>). Quotes inside strings are escaped (\u0022), so the patterns can only
/// match the value's own properties. A test compares this with <see cref="EntryLine.IsReported"/> on every kind of value.
/// </summary>
public static class ReportedEntryLines
{
    public static readonly Expression<Func<EntryLine, bool>> Predicate = l =>
        !(l.ValueJson.StartsWith("{\"number\":null,")
          && (l.ValueJson.Contains("\"occurrences\":null,") || l.ValueJson.Contains("\"occurrences\":[],"))
          && l.ValueJson.Contains("\"grade\":null,")
          && l.ValueJson.Contains("\"checklistPresent\":null,")
          && (l.ValueJson.Contains("\"surveyRates\":null,") || l.ValueJson.Contains("\"surveyRates\":{},")));
}
