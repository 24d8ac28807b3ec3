using System.Text.Json;
using PilotAssessment.Schemes.Scoring;

namespace PilotAssessment.DataEntry;

/// <summary>What a clerk entered for one indicator, in the scoring engine's input shape; stored as JSON.</summary>
public sealed record EntryValue
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public decimal? Number { get; init; }

    public List<EntryOccurrence>? Occurrences { get; init; }

    public List<string>? Flags { get; init; }

    public string? Grade { get; init; }

    public List<string>? ChecklistPresent { get; init; }

    public Dictionary<string, decimal>? SurveyRates { get; init; }

    /// <summary>上年同期值 as the city gives it; scoring uses it only when the system has no previous period's number.</summary>
    public decimal? LastYearNumber { get; init; }

    public bool IsEmpty => Number is null && (Occurrences is null || Occurrences.Count == 0) && Grade is null
        && ChecklistPresent is null && (SurveyRates is null || SurveyRates.Count == 0);

    public IndicatorValue ToIndicatorValue() => new()
    {
        Number = Number,
        Occurrences = Occurrences?.Select(o => new OccurrenceCount(string.IsNullOrEmpty(o.Type) ? OccurrenceCount.DefaultType : o.Type, o.Count, o.Flags)).ToList(),
        Flags = Flags,
        Grade = Grade,
        ChecklistPresent = ChecklistPresent,
        SurveyRates = SurveyRates,
    };

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static EntryValue FromJson(string? json) =>
        string.IsNullOrEmpty(json) ? new EntryValue() : JsonSerializer.Deserialize<EntryValue>(json, Json) ?? new EntryValue();
}

public sealed record EntryOccurrence
{
    public string? Type { get; init; }

    public int Count { get; init; }

    public List<string>? Flags { get; init; }
}
