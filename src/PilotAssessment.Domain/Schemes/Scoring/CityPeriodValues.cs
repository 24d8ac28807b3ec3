namespace PilotAssessment.Schemes.Scoring;

/// <summary>What one city reported for one period: the input of the scoring engine.</summary>
public sealed record CityPeriodValues
{
    /// <summary>Who the values belong to (tenant id or city name); copied to the score sheet.</summary>
    public string? CityKey { get; init; }

    /// <summary>Per indicator code. An indicator absent here is Unreported.</summary>
    public IReadOnlyDictionary<string, IndicatorValue> Indicators { get; init; } = new Dictionary<string, IndicatorValue>();

    /// <summary>Per bonus item code: how many instances were recognised.</summary>
    public IReadOnlyDictionary<string, int> BonusCounts { get; init; } = new Dictionary<string, int>();

    /// <summary>Veto trigger facts that hold (true fires every veto keyed on the fact).</summary>
    public IReadOnlyDictionary<string, bool> VetoFacts { get; init; } = new Dictionary<string, bool>();

    /// <summary>Values of data items used by formulas (population, case counts…).</summary>
    public IReadOnlyDictionary<string, decimal> DataItems { get; init; } = new Dictionary<string, decimal>();
}

/// <summary>One indicator's reported value; which parts matter depends on the rule kind.</summary>
public sealed record IndicatorValue
{
    /// <summary>The numeric value (a rate, a count, a rank…).</summary>
    public decimal? Number { get; init; }

    /// <summary>Occurrences by type for per-occurrence deductions.</summary>
    public IReadOnlyList<OccurrenceCount>? Occurrences { get; init; }

    /// <summary>Flags of the whole line, such as major_event_period; a doubling flag here doubles every occurrence.</summary>
    public IReadOnlyList<string>? Flags { get; init; }

    /// <summary>Qualitative grade given by the reviewers (优/良/中/差).</summary>
    public string? Grade { get; init; }

    /// <summary>Checklist items present.</summary>
    public IReadOnlyList<string>? ChecklistPresent { get; init; }

    /// <summary>Survey rates by component key, in percent.</summary>
    public IReadOnlyDictionary<string, decimal>? SurveyRates { get; init; }

    public static IndicatorValue Of(decimal number) => new() { Number = number };

    public static IndicatorValue Count(params OccurrenceCount[] occurrences) => new() { Occurrences = occurrences };

    public static IndicatorValue Graded(string grade) => new() { Grade = grade };

    public static IndicatorValue Present(params string[] items) => new() { ChecklistPresent = items };

    public static IndicatorValue Survey(IReadOnlyDictionary<string, decimal> rates) => new() { SurveyRates = rates };
}

/// <summary>How many occurrences of one type; flags on it (e.g. major_event_period) may double their deduction.</summary>
public sealed record OccurrenceCount(string Type, int Count, IReadOnlyList<string>? Flags = null)
{
    public const string DefaultType = "default";

    public OccurrenceCount(int count)
        : this(DefaultType, count)
    {
    }
}

/// <summary>Figures beyond the city's own report: province averages, last year's values and ranks, this year's ranks.</summary>
public sealed record ReferenceData
{
    public static readonly ReferenceData Empty = new();

    /// <summary>Per indicator code.</summary>
    public IReadOnlyDictionary<string, decimal> ProvinceAverages { get; init; } = new Dictionary<string, decimal>();

    /// <summary>The city's values last year, per indicator code.</summary>
    public IReadOnlyDictionary<string, decimal> LastYearValues { get; init; } = new Dictionary<string, decimal>();

    /// <summary>The city's rank this year, per indicator code (for rank rules).</summary>
    public IReadOnlyDictionary<string, int> Ranks { get; init; } = new Dictionary<string, int>();

    /// <summary>The city's rank last year, per indicator code.</summary>
    public IReadOnlyDictionary<string, int> LastYearRanks { get; init; } = new Dictionary<string, int>();
}
