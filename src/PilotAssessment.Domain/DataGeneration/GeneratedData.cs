using PilotAssessment.DataEntry;
using PilotAssessment.Periods;

namespace PilotAssessment.DataGeneration;

/// <summary>Size and seed of a generated province (docs/adr/0007).</summary>
public sealed record DataGeneratorOptions
{
    public int Cities { get; init; } = 300;

    public int Indicators { get; init; } = 150;

    /// <summary>Monthly periods from January of <see cref="Year"/>.</summary>
    public int Periods { get; init; } = 12;

    public int Year { get; init; } = 2025;

    public int Seed { get; init; } = 20260301;

    /// <summary>
    /// The last period stays open for entry (its window from a day before the generation to 30 days after): its lines
    /// are drafts and only every other city (the second, fourth, …) has submitted, so a clerk's sheet can be opened
    /// and saved as during a real entry window.
    /// </summary>
    public bool LeaveLastOpen { get; init; }

    /// <summary>
    /// Each city gets its built-in roles, an administrator <c>admin</c> and a clerk <c>clerk</c>, all with the
    /// documented demo password (<c>1q2w3E*</c>): for benchmarks and demos only.
    /// </summary>
    public bool WithUsers { get; init; }
}

public sealed record GeneratedCity(string Name, string DisplayName);

public sealed record GeneratedPeriod(string Name, PeriodKind Kind, int Year, int Number, DateTime EntryOpensAt, DateTime EntryClosesAt);

/// <summary>One city's data of one period: a value per reported indicator (absent = not reported) and the facts.</summary>
public sealed record GeneratedCityPeriod(IReadOnlyDictionary<string, EntryValue> Values, Dictionary<string, bool> VetoFacts, Dictionary<string, int> BonusCounts, Dictionary<string, decimal> DataItems);
