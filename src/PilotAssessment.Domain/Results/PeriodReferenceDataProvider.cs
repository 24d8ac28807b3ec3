using PilotAssessment.Data;
using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
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

    /// <summary>The rule compares with the province average, but fewer than <see cref="ProvinceAverage.MinOtherCities"/> other cities have submitted.</summary>
    public const string ProvinceAverageUnavailable = "ProvinceAverageUnavailable";
}

/// <summary>
/// The province average as a city may learn it: per indicator, the numbers of the cities whose sheet is submitted
/// or approved, without the city itself, and only when at least <see cref="MinOtherCities"/> other cities give one
/// (fewer would let a city work out another's exact figure).
/// </summary>
public sealed class ProvinceAverage
{
    public const int MinOtherCities = 3;

    public static readonly ProvinceAverage None = new(new Dictionary<string, IReadOnlyDictionary<Guid, decimal>>());

    private readonly Dictionary<string, (decimal Sum, int Count)> _totals;
    private readonly IReadOnlyDictionary<string, IReadOnlyDictionary<Guid, decimal>> _numbers;

    /// <param name="numbers">Per indicator, per contributing city: its number.</param>
    public ProvinceAverage(IReadOnlyDictionary<string, IReadOnlyDictionary<Guid, decimal>> numbers)
        : this(numbers.ToDictionary(n => n.Key, n => (n.Value.Values.Sum(), n.Value.Count)), numbers)
    {
    }

    private ProvinceAverage(Dictionary<string, (decimal Sum, int Count)> totals, IReadOnlyDictionary<string, IReadOnlyDictionary<Guid, decimal>> numbers)
    {
        _totals = totals;
        _numbers = numbers;
    }

    /// <summary>
    /// From stored totals (<see cref="ReferenceFigure"/>): per indicator the sum and count of every contributing city's
    /// number, and the numbers of only the cities that will ask (so each is left out of its own average).
    /// </summary>
    public static ProvinceAverage FromTotals(IReadOnlyDictionary<string, (decimal Sum, int Count)> totals, IReadOnlyDictionary<string, IReadOnlyDictionary<Guid, decimal>> ownNumbers) =>
        new(totals.ToDictionary(t => t.Key, t => t.Value), totals.Keys.ToDictionary(code => code, code => ownNumbers.GetValueOrDefault(code) ?? new Dictionary<Guid, decimal>()));

    /// <summary>Per indicator, the average of the other contributing cities, where there are enough of them.</summary>
    public IReadOnlyDictionary<string, decimal> For(Guid cityId)
    {
        var averages = new Dictionary<string, decimal>();
        foreach (var (code, (sum, count)) in _totals)
        {
            var own = _numbers[code].TryGetValue(cityId, out var number);
            var others = own ? count - 1 : count;
            if (others >= MinOtherCities)
            {
                averages[code] = Math.Round((own ? sum - number : sum) / others, 4);
            }
        }

        return averages;
    }
}

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

/// <summary>
/// Loads <see cref="PeriodReferenceData"/> for all cities of a period in a constant number of queries: the period with
/// the other periods of its scheme (one), the cities whose sheet is submitted or approved (one), the previous period's approved
/// lines (one); the province averages come from the period's lines the caller already loaded. The previous period is the same kind and number of the year before; when
/// there is none, the most recent earlier period of the same scheme and kind (e.g. a first half-year compared with the
/// second half of the year before).
/// </summary>
public sealed class PeriodReferenceDataProvider(
    IRepository<AssessmentPeriod> periods,
    IRepository<EntryLine> lines,
    IRepository<Reviews.CitySubmission> submissions,
    IDataFilter dataFilter)
{
    /// <param name="periodLines">Every city's lines of the period (read across cities), or of <paramref name="onlyIndicator"/>.</param>
    /// <param name="onlyIndicator">Reads the previous period's lines of this indicator only (one line's reference).</param>
    /// <param name="approvedOnly">Publishing: the province average is that of the approved cities only.</param>
    /// <param name="onlyCity">Reads the previous period's lines of this city only (one city's scores).</param>
    /// <param name="lastYearIndicators">Reads the previous period's lines of these indicators only (those whose rule needs last year's figure).</param>
    public async Task<PeriodReferenceData> LoadAsync(Guid periodId, IReadOnlyCollection<EntryLine> periodLines, string? onlyIndicator = null, CancellationToken cancellationToken = default, bool approvedOnly = false, Guid? onlyCity = null, IReadOnlyCollection<string>? lastYearIndicators = null)
    {
        using var _ = dataFilter.Disable<IMultiTenant>();
        var schemeOfPeriod = periods.QueryReadOnly().Where(p => p.Id == periodId).Select(p => p.SchemeId);
        var ofScheme = await periods.ToListAsync(periods.QueryReadOnly().Where(p => schemeOfPeriod.Contains(p.SchemeId)), cancellationToken);
        var period = ofScheme.FirstOrDefault(p => p.Id == periodId);
        var submitted = await submissions.ToListAsync(
            submissions.QueryReadOnly()
                .Where(s => s.PeriodId == periodId && s.TenantId != null
                    && (s.Status == Reviews.SubmissionStatus.Approved || (!approvedOnly && s.Status == Reviews.SubmissionStatus.Submitted)))
                .Select(s => s.TenantId!.Value),
            cancellationToken);
        var averages = ProvinceAverages(periodLines, submitted.ToHashSet());
        if (period is null)
        {
            return new PeriodReferenceData(averages, new Dictionary<Guid, Dictionary<string, decimal>>(), null);
        }

        var previous = PreviousOf(period, ofScheme);
        if (previous is null)
        {
            return new PeriodReferenceData(averages, new Dictionary<Guid, Dictionary<string, decimal>>(), null);
        }

        var previousQuery = ApprovedLinesOf(previous.Id);
        if (onlyIndicator is not null)
        {
            previousQuery = previousQuery.Where(l => l.IndicatorCode == onlyIndicator);
        }

        if (lastYearIndicators is not null)
        {
            previousQuery = previousQuery.Where(l => lastYearIndicators.Contains(l.IndicatorCode));
        }

        if (onlyCity is { } city)
        {
            previousQuery = previousQuery.Where(l => l.TenantId == city);
        }

        var previousLines = await lines.ToListAsync(previousQuery, cancellationToken);
        return new PeriodReferenceData(averages, NumbersByCity(previousLines), previous);
    }

    /// <summary>
    /// The previous period's lines of the cities whose sheet of that period is approved: a draft, a returned or a
    /// withdrawn sheet gives no reference figure.
    /// </summary>
    public IQueryable<EntryLine> ApprovedLinesOf(Guid previousPeriodId)
    {
        var approved = submissions.QueryReadOnly()
            .Where(s => s.PeriodId == previousPeriodId && s.Status == Reviews.SubmissionStatus.Approved)
            .Select(s => s.TenantId);
        return lines.QueryReadOnly().Where(l => l.PeriodId == previousPeriodId && l.TenantId != null && approved.Contains(l.TenantId));
    }

    /// <summary>The same kind and number of the year before, else the most recent earlier period of the same kind.</summary>
    public static AssessmentPeriod? PreviousOf(AssessmentPeriod period, IEnumerable<AssessmentPeriod> ofScheme)
    {
        var sameKind = ofScheme.Where(p => p.Kind == period.Kind && p.Id != period.Id).ToList();
        return sameKind.FirstOrDefault(p => p.Year == period.Year - 1 && p.Number == period.Number)
            ?? sameKind.Where(p => p.Sequence < period.Sequence).OrderByDescending(p => p.Sequence).FirstOrDefault();
    }

    /// <summary>Per city, per indicator: the number of its line (lines without a number are left out).</summary>
    public static Dictionary<Guid, Dictionary<string, decimal>> NumbersByCity(IEnumerable<EntryLine> cityLines) =>
        cityLines
            .Select(l => (City: l.TenantId!.Value, l.IndicatorCode, l.Value.Number))
            .Where(l => l.Number is not null)
            .GroupBy(l => l.City)
            .ToDictionary(g => g.Key, g => g.GroupBy(l => l.IndicatorCode).ToDictionary(l => l.Key, l => l.First().Number!.Value));

    /// <summary>Per indicator, the numbers of the submitted cities; a city that did not report the line does not count, nor does a draft.</summary>
    public static ProvinceAverage ProvinceAverages(IEnumerable<EntryLine> periodLines, IReadOnlySet<Guid> submittedCities) =>
        new(periodLines
            .Where(l => l.TenantId is { } city && submittedCities.Contains(city))
            .Select(l => (City: l.TenantId!.Value, l.IndicatorCode, l.Value.Number))
            .Where(l => l.Number is not null)
            .GroupBy(l => l.IndicatorCode)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<Guid, decimal>)g.GroupBy(l => l.City).ToDictionary(c => c.Key, c => c.First().Number!.Value)));
}
