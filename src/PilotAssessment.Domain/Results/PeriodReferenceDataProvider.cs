using PilotAssessment.Data;
using PilotAssessment.DataEntry;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.Scoring;

namespace PilotAssessment.Results;

/// <summary>Where the figure a line is compared with comes from.</summary>
public static class ReferenceSources
{
    public const string ProvinceAverage = "ProvinceAverage";
    public const string PreviousPeriod = "PreviousPeriod";
    public const string Entered = "Entered";
}

/// <summary>
/// The figures beyond a city's own report for one period, for every city: the province average of each indicator
/// (mean of the numbers the cities reported in this period) and each city's numbers of the previous period.
/// </summary>
public sealed class PeriodReferenceData
{
    public static readonly PeriodReferenceData None = new(new Dictionary<string, decimal>(), new Dictionary<Guid, Dictionary<string, decimal>>(), null);

    public PeriodReferenceData(IReadOnlyDictionary<string, decimal> provinceAverages, IReadOnlyDictionary<Guid, Dictionary<string, decimal>> previousNumbers, AssessmentPeriod? previousPeriod)
    {
        ProvinceAverages = provinceAverages;
        PreviousNumbers = previousNumbers;
        PreviousPeriod = previousPeriod;
    }

    public IReadOnlyDictionary<string, decimal> ProvinceAverages { get; }

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
        return new ReferenceData { ProvinceAverages = ProvinceAverages, LastYearValues = lastYear, LastYearRanks = lastRanks };
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
    public (decimal? Value, string? Source) LineReference(IndicatorDefinition indicator, Guid cityId, EntryValue value)
    {
        var needs = Needs(indicator.Rule);
        if (needs == Need.None)
        {
            return (null, null);
        }

        if (needs == Need.ProvinceAverage)
        {
            return ProvinceAverages.TryGetValue(indicator.Code, out var average) ? (average, ReferenceSources.ProvinceAverage) : (null, null);
        }

        if (PreviousNumbers.TryGetValue(cityId, out var previous) && previous.TryGetValue(indicator.Code, out var last))
        {
            return (last, ReferenceSources.PreviousPeriod);
        }

        return value.LastYearNumber is { } entered ? (entered, ReferenceSources.Entered) : (null, null);
    }

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

/// <summary>
/// Loads <see cref="PeriodReferenceData"/> for all cities of a period in a constant number of queries: the period with
/// the other periods of its scheme (one), the previous period's lines (one); the province averages come from the
/// period's lines the caller already loaded. The previous period is the same kind and number of the year before; when
/// there is none, the most recent earlier period of the same scheme and kind (e.g. a first half-year compared with the
/// second half of the year before).
/// </summary>
public sealed class PeriodReferenceDataProvider(
    IRepository<AssessmentPeriod> periods,
    IRepository<EntryLine> lines,
    IDataFilter dataFilter)
{
    /// <param name="periodLines">Every city's lines of the period (read across cities), or of <paramref name="onlyIndicator"/>.</param>
    /// <param name="onlyIndicator">Reads the previous period's lines of this indicator only (one line's reference).</param>
    public async Task<PeriodReferenceData> LoadAsync(Guid periodId, IReadOnlyCollection<EntryLine> periodLines, string? onlyIndicator = null, CancellationToken cancellationToken = default)
    {
        using var _ = dataFilter.Disable<IMultiTenant>();
        var schemeOfPeriod = periods.QueryReadOnly().Where(p => p.Id == periodId).Select(p => p.SchemeId);
        var ofScheme = await periods.ToListAsync(periods.QueryReadOnly().Where(p => schemeOfPeriod.Contains(p.SchemeId)), cancellationToken);
        var period = ofScheme.FirstOrDefault(p => p.Id == periodId);
        var averages = ProvinceAverages(periodLines);
        if (period is null)
        {
            return new PeriodReferenceData(averages, new Dictionary<Guid, Dictionary<string, decimal>>(), null);
        }

        var sameKind = ofScheme.Where(p => p.Kind == period.Kind && p.Id != period.Id).ToList();
        var previous = sameKind.FirstOrDefault(p => p.Year == period.Year - 1 && p.Number == period.Number)
            ?? sameKind.Where(p => p.Sequence < period.Sequence).OrderByDescending(p => p.Sequence).FirstOrDefault();
        if (previous is null)
        {
            return new PeriodReferenceData(averages, new Dictionary<Guid, Dictionary<string, decimal>>(), null);
        }

        var previousQuery = lines.QueryReadOnly().Where(l => l.PeriodId == previous.Id && l.TenantId != null);
        if (onlyIndicator is not null)
        {
            previousQuery = previousQuery.Where(l => l.IndicatorCode == onlyIndicator);
        }

        var previousLines = await lines.ToListAsync(previousQuery, cancellationToken);
        var numbers = previousLines
            .Select(l => (City: l.TenantId!.Value, l.IndicatorCode, l.Value.Number))
            .Where(l => l.Number is not null)
            .GroupBy(l => l.City)
            .ToDictionary(g => g.Key, g => g.GroupBy(l => l.IndicatorCode).ToDictionary(l => l.Key, l => l.First().Number!.Value));
        return new PeriodReferenceData(averages, numbers, previous);
    }

    /// <summary>Per indicator, the mean of the numbers the cities reported; a city that did not report the line does not count.</summary>
    public static IReadOnlyDictionary<string, decimal> ProvinceAverages(IEnumerable<EntryLine> periodLines) =>
        periodLines
            .Where(l => l.TenantId != null)
            .Select(l => (l.IndicatorCode, l.Value.Number))
            .Where(l => l.Number is not null)
            .GroupBy(l => l.IndicatorCode)
            .ToDictionary(g => g.Key, g => Math.Round(g.Average(l => l.Number!.Value), 4));
}
