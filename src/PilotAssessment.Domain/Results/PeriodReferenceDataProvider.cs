using PilotAssessment.Data;
using PilotAssessment.DataEntry;
using PilotAssessment.Periods;

namespace PilotAssessment.Results;

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
