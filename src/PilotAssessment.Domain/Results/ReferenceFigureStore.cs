using PilotAssessment.Data;
using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;

namespace PilotAssessment.Results;

/// <summary>
/// The stored reference figures (<see cref="ReferenceFigure"/>): recomputed per period for the indicators compared
/// with the province average when a city's sheet changes status, and read with one city's own rows so that opening
/// or saving its sheet costs the same at 300 cities as at 5.
/// </summary>
public sealed class ReferenceFigureStore(
    IRepository<ReferenceFigure> figures,
    IRepository<EntryLine> lines,
    IRepository<CitySubmission> submissions,
    IRepository<AssessmentPeriod> periods,
    IRepository<Scheme> schemes,
    PeriodReferenceDataProvider provider,
    IDataFilter dataFilter)
{
    /// <summary>The indicators of a scheme whose rule compares with the province average.</summary>
    public static List<string> AveragedIndicators(SchemeDefinition definition) =>
        definition.AllIndicators().Where(i => PeriodReferenceData.NeedsProvinceAverage(i.Rule)).Select(i => i.Code).ToList();

    /// <summary>
    /// Recomputes the figures of the period from the lines of the contributing cities. <paramref name="changed"/> is a
    /// submission whose new status may not be saved yet: it counts with that status.
    /// </summary>
    public async Task RecomputeAsync(Guid periodId, CitySubmission? changed = null, CancellationToken cancellationToken = default)
    {
        using var _ = dataFilter.Disable<IMultiTenant>();
        var schemeOfPeriod = periods.QueryReadOnly().Where(p => p.Id == periodId).Select(p => p.SchemeId);
        var scheme = await schemes.FirstOrDefaultAsync(schemes.QueryReadOnly().Where(s => schemeOfPeriod.Contains(s.Id)), cancellationToken);
        var averaged = scheme is null ? [] : AveragedIndicators(scheme.Definition);
        if (changed?.TenantId is { } city && await ChangeOneCityAsync(periodId, city, changed.Id, changed.Status, averaged, cancellationToken))
        {
            return;
        }
        var statuses = (await submissions.ToListAsync(
                submissions.QueryReadOnly().Where(s => s.PeriodId == periodId && s.TenantId != null).Select(s => new { City = s.TenantId!.Value, s.Status }),
                cancellationToken))
            .GroupBy(s => s.City)
            .ToDictionary(g => g.Key, g => g.First().Status);
        if (changed?.TenantId is { } changedCity)
        {
            statuses[changedCity] = changed.Status;
        }

        var contributing = statuses.Where(s => s.Value is SubmissionStatus.Submitted or SubmissionStatus.Approved).Select(s => (Guid?)s.Key).ToList();
        var numbers = averaged.Count == 0 || contributing.Count == 0
            ? []
            : PeriodReferenceDataProvider.NumbersByCity(await lines.ToListAsync(
                lines.QueryReadOnly().Where(l => l.PeriodId == periodId && averaged.Contains(l.IndicatorCode) && contributing.Contains(l.TenantId)),
                cancellationToken));
        var existing = (await figures.ToListAsync(figures.Query().Where(f => f.PeriodId == periodId), cancellationToken)).ToDictionary(f => f.IndicatorCode);
        foreach (var code in averaged)
        {
            var reported = numbers.Where(c => c.Value.ContainsKey(code)).Select(c => (c.Key, Number: c.Value[code])).ToList();
            var approved = reported.Where(c => statuses[c.Key] == SubmissionStatus.Approved).ToList();
            var figure = existing.GetValueOrDefault(code);
            if (figure is null)
            {
                figure = new ReferenceFigure(SequentialGuid.Next(), periodId, code);
                figure.Set(reported.Sum(c => c.Number), reported.Count, approved.Sum(c => c.Number), approved.Count);
                await figures.InsertAsync(figure, autoSave: false, cancellationToken);
            }
            else if (figure.Set(reported.Sum(c => c.Number), reported.Count, approved.Sum(c => c.Number), approved.Count))
            {
                await figures.UpdateAsync(figure, autoSave: false, cancellationToken);
            }
        }

        // An indicator no longer compared with the province average keeps no figure.
        foreach (var stale in existing.Values.Where(f => !averaged.Contains(f.IndicatorCode)))
        {
            await figures.DeleteAsync(stale, autoSave: false, cancellationToken);
        }
    }

    /// <summary>
    /// One city's sheet changes status: its own numbers are added to or taken from the stored totals (a city cannot
    /// change its figures while it counts in them), so a submission or an approval reads one city's lines, not every
    /// city's. False when the totals are not all stored yet (the caller then recomputes them from every city's lines).
    /// </summary>
    private async Task<bool> ChangeOneCityAsync(Guid periodId, Guid cityId, Guid submissionId, SubmissionStatus status, List<string> averaged, CancellationToken cancellationToken)
    {
        var existing = (await figures.ToListAsync(figures.Query().Where(f => f.PeriodId == periodId), cancellationToken)).ToDictionary(f => f.IndicatorCode);
        if (averaged.Count == 0 || existing.Count != averaged.Count || averaged.Any(c => !existing.ContainsKey(c)))
        {
            return false;
        }

        // The status as stored before this unit of work (a new submission is not stored yet: a draft).
        var before = await submissions.FirstOrDefaultAsync(
            submissions.QueryReadOnly().Where(s => s.Id == submissionId).Select(s => (SubmissionStatus?)s.Status),
            cancellationToken) ?? SubmissionStatus.Draft;
        static int Reported(SubmissionStatus s) => s is SubmissionStatus.Submitted or SubmissionStatus.Approved ? 1 : 0;
        static int Approved(SubmissionStatus s) => s is SubmissionStatus.Approved ? 1 : 0;
        var (reported, approved) = (Reported(status) - Reported(before), Approved(status) - Approved(before));
        if (reported == 0 && approved == 0)
        {
            return true;
        }

        var own = PeriodReferenceDataProvider.NumbersByCity(await lines.ToListAsync(
                lines.QueryReadOnly().Where(l => l.PeriodId == periodId && l.TenantId == cityId && averaged.Contains(l.IndicatorCode)),
                cancellationToken))
            .GetValueOrDefault(cityId) ?? [];
        foreach (var (code, number) in own)
        {
            var figure = existing[code];
            if (figure.Set(figure.ReportedSum + (reported * number), figure.ReportedCount + reported, figure.ApprovedSum + (approved * number), figure.ApprovedCount + approved))
            {
                await figures.UpdateAsync(figure, autoSave: false, cancellationToken);
            }
        }

        return true;
    }

    /// <summary>
    /// One city's reference data from the stored figures and the city's own rows only: its submission, its lines of the
    /// previous period (approved only) and the figures of the <paramref name="averaged"/> indicators. A figure never
    /// computed (a period entered before figures were stored) is computed from the submitted cities' lines of that
    /// indicator alone.
    /// </summary>
    /// <param name="cityLines">The city's lines of the period (or the one line of <paramref name="onlyIndicator"/>).</param>
    /// <param name="averaged">The indicators compared with the province average; null: those of the period's scheme.</param>
    /// <param name="approvedOnly">Publishing: the average of the approved cities only.</param>
    /// <param name="known">What the caller has read already in this request (not read again).</param>
    public async Task<PeriodReferenceData> LoadForCityAsync(Guid periodId, Guid cityId, IReadOnlyCollection<EntryLine> cityLines, IReadOnlyCollection<string>? averaged, string? onlyIndicator = null, CancellationToken cancellationToken = default, bool approvedOnly = false, KnownCityPeriod? known = null)
    {
        using var _ = dataFilter.Disable<IMultiTenant>();
        var schemeOfPeriod = periods.QueryReadOnly().Where(p => p.Id == periodId).Select(p => p.SchemeId);
        if (averaged is null)
        {
            var scheme = await schemes.FirstOrDefaultAsync(schemes.QueryReadOnly().Where(s => schemeOfPeriod.Contains(s.Id)), cancellationToken);
            averaged = scheme is null ? [] : AveragedIndicators(scheme.Definition);
        }

        var wanted = averaged.Where(c => onlyIndicator is null || c == onlyIndicator).ToList();
        var ofScheme = known?.OfScheme ?? await periods.ToListAsync(periods.QueryReadOnly().Where(p => schemeOfPeriod.Contains(p.SchemeId)), cancellationToken);
        var average = ProvinceAverage.None;
        if (wanted.Count > 0)
        {
            var status = known is { StatusRead: true } ? known.CityStatus : await submissions.FirstOrDefaultAsync(
                submissions.QueryReadOnly().Where(s => s.PeriodId == periodId && s.TenantId == cityId).Select(s => (SubmissionStatus?)s.Status),
                cancellationToken);
            var stored = await figures.ToListAsync(figures.QueryReadOnly().Where(f => f.PeriodId == periodId && wanted.Contains(f.IndicatorCode)), cancellationToken);
            var totals = stored.ToDictionary(f => f.IndicatorCode, f => approvedOnly ? (f.ApprovedSum, f.ApprovedCount) : (f.ReportedSum, f.ReportedCount));
            var missing = wanted.Where(c => !totals.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                foreach (var (code, number) in await ReportedNumbersAsync(periodId, missing, approvedOnly, cancellationToken))
                {
                    totals[code] = (number.Values.Sum(), number.Count);
                }
            }

            // The city counts in the totals when its own sheet is submitted or approved; it is then left out of its own average.
            var own = status is SubmissionStatus.Approved || (!approvedOnly && status is SubmissionStatus.Submitted)
                ? cityLines.Where(l => l.Value.Number is not null && totals.ContainsKey(l.IndicatorCode))
                    .GroupBy(l => l.IndicatorCode)
                    .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<Guid, decimal>)new Dictionary<Guid, decimal> { [cityId] = g.First().Value.Number!.Value })
                : [];
            average = ProvinceAverage.FromTotals(totals, own);
        }

        var period = ofScheme.FirstOrDefault(p => p.Id == periodId);
        var previous = period is null ? null : PeriodReferenceDataProvider.PreviousOf(period, ofScheme);
        if (previous is null)
        {
            return new PeriodReferenceData(average, new Dictionary<Guid, Dictionary<string, decimal>>(), null);
        }

        List<EntryLine> previousLines;
        if (onlyIndicator is not null && known?.ApprovedEarlierLines is { } earlier)
        {
            previousLines = earlier.Where(l => l.PeriodId == previous.Id && l.TenantId == cityId && l.IndicatorCode == onlyIndicator).ToList();
        }
        else
        {
            var previousQuery = provider.ApprovedLinesOf(previous.Id).Where(l => l.TenantId == cityId);
            if (onlyIndicator is not null)
            {
                previousQuery = previousQuery.Where(l => l.IndicatorCode == onlyIndicator);
            }

            previousLines = await lines.ToListAsync(previousQuery, cancellationToken);
        }

        return new PeriodReferenceData(average, PeriodReferenceDataProvider.NumbersByCity(previousLines), previous);
    }

    /// <summary>
    /// <see cref="LoadForCityAsync"/> for several cities in a fixed number of queries (the periods of the scheme, the
    /// cities' submissions, the stored figures, the cities' previous-period lines of <paramref name="lastYearIndicators"/>):
    /// monitoring scores again only the cities that changed, with the province average every city is scored with.
    /// </summary>
    /// <param name="cityLines">The cities' lines of the period.</param>
    public async Task<PeriodReferenceData> LoadForCitiesAsync(Guid periodId, IReadOnlyCollection<Guid> cityIds, IReadOnlyCollection<EntryLine> cityLines, IReadOnlyCollection<string> averaged, IReadOnlyCollection<string> lastYearIndicators, CancellationToken cancellationToken = default)
    {
        using var _ = dataFilter.Disable<IMultiTenant>();
        var schemeOfPeriod = periods.QueryReadOnly().Where(p => p.Id == periodId).Select(p => p.SchemeId);
        var ofScheme = await periods.ToListAsync(periods.QueryReadOnly().Where(p => schemeOfPeriod.Contains(p.SchemeId)), cancellationToken);
        var cities = cityIds.Select(c => (Guid?)c).ToList();
        var average = ProvinceAverage.None;
        if (averaged.Count > 0)
        {
            var counted = (await submissions.ToListAsync(
                    submissions.QueryReadOnly()
                        .Where(s => s.PeriodId == periodId && cities.Contains(s.TenantId) && (s.Status == SubmissionStatus.Submitted || s.Status == SubmissionStatus.Approved))
                        .Select(s => s.TenantId!.Value),
                    cancellationToken))
                .ToHashSet();
            var stored = await figures.ToListAsync(figures.QueryReadOnly().Where(f => f.PeriodId == periodId && averaged.Contains(f.IndicatorCode)), cancellationToken);
            var totals = stored.ToDictionary(f => f.IndicatorCode, f => (f.ReportedSum, f.ReportedCount));
            var missing = averaged.Where(c => !totals.ContainsKey(c)).ToList();
            if (missing.Count > 0)
            {
                foreach (var (code, number) in await ReportedNumbersAsync(periodId, missing, approvedOnly: false, cancellationToken))
                {
                    totals[code] = (number.Values.Sum(), number.Count);
                }
            }

            // A city counts in the totals when its sheet is submitted or approved; it is then left out of its own average.
            var own = PeriodReferenceDataProvider.NumbersByCity(cityLines.Where(l => l.TenantId is { } city && counted.Contains(city) && totals.ContainsKey(l.IndicatorCode)));
            average = ProvinceAverage.FromTotals(
                totals,
                totals.Keys.ToDictionary(
                    code => code,
                    code => (IReadOnlyDictionary<Guid, decimal>)own.Where(c => c.Value.ContainsKey(code)).ToDictionary(c => c.Key, c => c.Value[code])));
        }

        var period = ofScheme.FirstOrDefault(p => p.Id == periodId);
        var previous = period is null ? null : PeriodReferenceDataProvider.PreviousOf(period, ofScheme);
        if (previous is null)
        {
            return new PeriodReferenceData(average, new Dictionary<Guid, Dictionary<string, decimal>>(), null);
        }

        var previousLines = await lines.ToListAsync(
            provider.ApprovedLinesOf(previous.Id).Where(l => cities.Contains(l.TenantId) && lastYearIndicators.Contains(l.IndicatorCode)),
            cancellationToken);
        return new PeriodReferenceData(average, PeriodReferenceDataProvider.NumbersByCity(previousLines), previous);
    }

    private async Task<Dictionary<string, Dictionary<Guid, decimal>>> ReportedNumbersAsync(Guid periodId, List<string> codes, bool approvedOnly, CancellationToken cancellationToken)
    {
        var submitted = submissions.QueryReadOnly()
            .Where(s => s.PeriodId == periodId && (s.Status == SubmissionStatus.Approved || (!approvedOnly && s.Status == SubmissionStatus.Submitted)))
            .Select(s => s.TenantId);
        var reported = await lines.ToListAsync(
            lines.QueryReadOnly().Where(l => l.PeriodId == periodId && codes.Contains(l.IndicatorCode) && submitted.Contains(l.TenantId)),
            cancellationToken);
        var byCity = PeriodReferenceDataProvider.NumbersByCity(reported);
        return codes.ToDictionary(
            code => code,
            code => byCity.Where(c => c.Value.ContainsKey(code)).ToDictionary(c => c.Key, c => c.Value[code]));
    }
}

/// <summary>
/// What a request has read already of one city's period, so loading the reference data does not read it again: every
/// period of its scheme (the period among them) and, when <paramref name="StatusRead"/>, the city's submission status
/// (null: no submission yet).
/// </summary>
public sealed record KnownCityPeriod(IReadOnlyList<AssessmentPeriod> OfScheme, bool StatusRead = false, SubmissionStatus? CityStatus = null)
{
    /// <summary>
    /// When read already for one indicator: the city's lines of it in every approved earlier period of the same kind
    /// (a period's previous one is among those periods), so loading the reference data of that indicator does not read
    /// the previous period's line again.
    /// </summary>
    public IReadOnlyList<EntryLine>? ApprovedEarlierLines { get; init; }
}
