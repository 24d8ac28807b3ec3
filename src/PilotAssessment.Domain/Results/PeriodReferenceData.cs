using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.Scoring;

namespace PilotAssessment.Results;

/// <summary>The figure a line was compared with and where it came from (参考值 and its source).</summary>
public sealed record LineReference(decimal? Value, string? Source)
{
    /// <summary>
    /// The reference data of a published sheet, frozen with it: recomputing the sheet later compares with exactly these
    /// figures, whatever has changed since (a city withdrawn from the average, a corrected previous period).
    /// </summary>
    public static (ReferenceData Data, IReadOnlyDictionary<string, LineReference> Lines) Frozen(IEnumerable<ScoreSheetLineRecord> lines)
    {
        var averages = new Dictionary<string, decimal>();
        var lastYear = new Dictionary<string, decimal>();
        var references = new Dictionary<string, LineReference>();
        foreach (var line in lines)
        {
            references[line.IndicatorCode] = new LineReference(line.ReferenceValue, line.ReferenceSource);
            if (line.ReferenceValue is not { } value)
            {
                continue;
            }

            if (line.ReferenceSource == ReferenceSources.ProvinceAverage)
            {
                averages[line.IndicatorCode] = value;
            }
            else if (line.ReferenceSource is ReferenceSources.PreviousPeriod or ReferenceSources.Entered)
            {
                lastYear[line.IndicatorCode] = value;
            }
        }

        return (new ReferenceData
        {
            ProvinceAverages = averages,
            LastYearValues = lastYear,
            LastYearRanks = lastYear.ToDictionary(p => p.Key, p => (int)Math.Round(p.Value)),
        }, references);
    }
}

/// <summary>
/// The figures beyond a city's own report for one period, for every city: the province average of each indicator
/// (mean of the numbers the cities reported in this period) and each city's numbers of the previous period.
/// </summary>
public sealed class PeriodReferenceData
{
    public static readonly PeriodReferenceData None = new(ProvinceAverage.None, new Dictionary<Guid, Dictionary<string, decimal>>(), null);

    public PeriodReferenceData(ProvinceAverage provinceAverage, IReadOnlyDictionary<Guid, Dictionary<string, decimal>> previousNumbers, AssessmentPeriod? previousPeriod)
    {
        ProvinceAverage = provinceAverage;
        PreviousNumbers = previousNumbers;
        PreviousPeriod = previousPeriod;
    }

    public ProvinceAverage ProvinceAverage { get; }

    /// <summary>Per city, per indicator: the number reported in <see cref="PreviousPeriod"/>.</summary>
    public IReadOnlyDictionary<Guid, Dictionary<string, decimal>> PreviousNumbers { get; }

    public AssessmentPeriod? PreviousPeriod { get; }

    /// <summary>The engine's reference data for one city; a last-year figure the city entered is used only when the system has none.</summary>
    public ReferenceData For(Guid cityId, IEnumerable<EntryLine> cityLines)
    {
        var lastYear = PreviousNumbers.TryGetValue(cityId, out var previous) ? new Dictionary<string, decimal>(previous) : [];
        foreach (var line in cityLines)
        {
            if (line.Value.LastYearNumber is { } entered)
            {
                lastYear.TryAdd(line.IndicatorCode, entered);
            }
        }

        // A rank indicator's reported number is the rank itself, so last year's rank is last year's number.
        var lastRanks = lastYear.ToDictionary(p => p.Key, p => (int)Math.Round(p.Value));
        return new ReferenceData { ProvinceAverages = ProvinceAverage.For(cityId), LastYearValues = lastYear, LastYearRanks = lastRanks };
    }

    /// <summary>Indicators whose last-year figure is the one the city entered (the system has none).</summary>
    public IReadOnlySet<string> EnteredLastYear(Guid cityId, IEnumerable<EntryLine> cityLines)
    {
        var previous = PreviousNumbers.GetValueOrDefault(cityId);
        return cityLines
            .Where(l => l.Value.LastYearNumber is not null && previous?.ContainsKey(l.IndicatorCode) != true)
            .Select(l => l.IndicatorCode)
            .ToHashSet();
    }

    /// <summary>The figure a line will be compared with and its source, or (null, null) when the rule needs none or none is known.</summary>
    /// <param name="averages">The city's province averages when the caller has them already (<see cref="ProvinceAverage.For"/>).</param>
    public (decimal? Value, string? Source) LineReference(IndicatorDefinition indicator, Guid cityId, EntryValue value, IReadOnlyDictionary<string, decimal>? averages = null)
    {
        var needs = Needs(indicator.Rule);
        if (needs == Need.None)
        {
            return (null, null);
        }

        if (needs == Need.ProvinceAverage)
        {
            return (averages ?? ProvinceAverage.For(cityId)).TryGetValue(indicator.Code, out var average)
                ? (average, ReferenceSources.ProvinceAverage)
                : (null, ReferenceSources.ProvinceAverageUnavailable);
        }

        if (PreviousNumbers.TryGetValue(cityId, out var previous) && previous.TryGetValue(indicator.Code, out var last))
        {
            return (last, ReferenceSources.PreviousPeriod);
        }

        return value.LastYearNumber is { } entered ? (entered, ReferenceSources.Entered) : (null, null);
    }

    /// <summary>The indicators whose rule needs last year's figure (a yoy change, a rank, a last-year reference).</summary>
    public static List<string> LastYearIndicators(SchemeDefinition definition) =>
        definition.AllIndicators().Where(i => Needs(i.Rule) == Need.LastYear).Select(i => i.Code).ToList();

    /// <summary>Whether the rule compares with the province average.</summary>
    public static bool NeedsProvinceAverage(ScoringRule rule) => Needs(rule) == Need.ProvinceAverage;

    /// <summary>Whether the rule compares with last year's figure (a yoy change, a rank change, a last-year reference).</summary>
    public static bool NeedsLastYear(ScoringRule rule) => Needs(rule) == Need.LastYear && rule is not RankBasedRule;

    private enum Need
    {
        None,
        ProvinceAverage,
        LastYear,
    }

    private static Need Needs(ScoringRule rule) => rule switch
    {
        YoyChangeRule yoy when yoy.Measure != ChangeMeasure.Reported => Need.LastYear,
        ReferenceComparisonRule reference => reference.Ref == ReferenceKind.ProvinceAverage ? Need.ProvinceAverage : Need.LastYear,
        RankChangeRule => Need.LastYear,
        RankBasedRule => Need.LastYear,
        _ => Need.None,
    };
}
