using System.Globalization;
using PilotAssessment.DataEntry;
using PilotAssessment.Schemes.Scoring;

namespace PilotAssessment.Results;

/// <summary>What a city entered for a line, as one text for the score sheet (填报值), whatever the rule kind.</summary>
public static class EntryValueText
{
    public static string? Format(EntryValue? value)
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
                : string.Join("、", occurrences.Select(o => $"{(string.IsNullOrEmpty(o.Type) || o.Type == OccurrenceCount.DefaultType ? "其他" : o.Type)} {o.Count} 次")));
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

    private static string Number(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
