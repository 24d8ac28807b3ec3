using System.Globalization;
using PilotAssessment.DataEntry;
using PilotAssessment.Schemes.Scoring;

namespace PilotAssessment.Results;

/// <summary>What a city entered for a line, as one text for the score sheet (填报值), whatever the rule kind.</summary>
public static class EntryValueText
{
    /// <param name="typeNames">The names of the occurrence types of the line's rule (到省, 到京), by type.</param>
    public static string? Format(EntryValue? value, IReadOnlyDictionary<string, string>? typeNames = null)
    {
        if (value is null || value.IsEmpty)
        {
            return null;
        }

        var parts = new List<string>();
        if (value.Number is { } number)
        {
            parts.Add(Number(number));
        }

        if (value.Occurrences is { Count: > 0 } occurrences)
        {
            var typed = occurrences.Where(o => !string.IsNullOrEmpty(o.Type) && o.Type != OccurrenceCount.DefaultType).ToList();
            var total = occurrences.Sum(o => o.Count);
            parts.Add(typed.Count == 0
                ? $"{total} 次"
                : string.Join("、", occurrences.Select(o => $"{TypeName(o.Type, typeNames)} {o.Count} 次")));
        }

        if (value.Grade is { } grade)
        {
            parts.Add(grade);
        }

        if (value.ChecklistPresent is { } present)
        {
            parts.Add(present.Count == 0 ? "已具备：无" : $"已具备：{string.Join("、", present)}");
        }

        if (value.SurveyRates is { Count: > 0 } rates)
        {
            parts.Add(string.Join("、", rates.Select(r => $"{r.Key} {Number(r.Value)}%")));
        }

        return string.Join("；", parts);
    }

    private static string TypeName(string? type, IReadOnlyDictionary<string, string>? names) =>
        string.IsNullOrEmpty(type) || type == OccurrenceCount.DefaultType ? "其他" : names?.GetValueOrDefault(type) ?? type;

    /// <summary>The occurrence types' names of a per-occurrence rule, by type.</summary>
    public static IReadOnlyDictionary<string, string>? TypeNames(Schemes.Rules.ScoringRule? rule) =>
        rule is Schemes.Rules.PerOccurrenceDeductionRule { Rates.Count: > 0 } perOccurrence
            ? perOccurrence.Rates.Where(r => !string.IsNullOrEmpty(r.Name)).GroupBy(r => r.Type).ToDictionary(g => g.Key, g => g.First().Name!)
            : null;

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
