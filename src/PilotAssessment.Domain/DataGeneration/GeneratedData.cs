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
}

public sealed record GeneratedCity(string Name, string DisplayName);

public sealed record GeneratedPeriod(string Name, PeriodKind Kind, int Year, int Number, DateTime EntryOpensAt, DateTime EntryClosesAt);

/// <summary>One city's data of one period: a value per reported indicator (absent = not reported) and the facts.</summary>
public sealed record GeneratedCityPeriod(IReadOnlyDictionary<string, EntryValue> Values, Dictionary<string, bool> VetoFacts, Dictionary<string, int> BonusCounts, Dictionary<string, decimal> DataItems);
