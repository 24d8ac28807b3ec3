using PilotAssessment.Data;
using PilotAssessment.DataEntry;
using PilotAssessment.Dtos;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Periods;
using PilotAssessment.Results;
using PilotAssessment.Services;
using PilotAssessment.Tenants;

namespace PilotAssessment.Quality;

/// <summary>
/// Completeness and timeliness of entry (docs/adr/0024): per city (paged), per unit of a city, and the trend over the
/// series. Each view is one GROUP BY over the period's lines (as the province's completeness table counts reported
/// lines, <see cref="ReportedEntryLines"/>); a city sees only itself.
/// </summary>
[RequiresPermission(PermissionPolicies.Monitoring)]
public sealed class QualityAppService(
    ApplicationServiceContext context,
    IRepository<AssessmentPeriod> periods,
    IRepository<EntryLine> lines,
    IRepository<Tenant> tenants,
    IRepository<OrganizationUnit> units,
    PeriodScoringService scoring,
    EntryLineAccess access,
    EntryQualityHistory history) : PilotAssessmentAppService(context), IQualityAppService
{
    public async Task<PagedResultDto<CityCompletenessDto>> GetCitiesAsync(Guid periodId, GetCityCompletenessInput input)
    {
        var period = await periods.GetAsync(periodId);
        var expected = await ExpectedAsync(period);
        var own = CurrentTenant.Id;
        var cities = tenants.QueryReadOnly().Where(t => t.IsActive && (own == null || t.Id == own));
        var total = await tenants.CountAsync(cities);
        var page = await tenants.ToListAsync(cities.OrderBy(t => t.Name).Skip(input.SkipCount).Take(Math.Min(input.MaxResultCount, QualityConsts.MaxPageSize)));
        var ids = page.Select(t => (Guid?)t.Id).ToList();
        List<Count<Guid?>> counts;
        using (ReadAcrossCities())
        {
            var deadline = period.EntryClosesAt;
            counts = await lines.ToListAsync(Reported(periodId, expected)
                .Where(l => ids.Contains(l.TenantId))
                .GroupBy(l => l.TenantId)
                .Select(g => new Count<Guid?>(g.Key, g.Count(), g.Count(l => l.ReportedTime <= deadline), g.Count(l => l.QualityFlag != QualityFlag.None))));
        }

        var byCity = counts.ToDictionary(c => c.Key!.Value);
        return new PagedResultDto<CityCompletenessDto>(total, page.Select(t =>
        {
            var row = new CityCompletenessDto { CityId = t.Id, CityName = t.DisplayName };
            return Fill(row, expected.Count, byCity.GetValueOrDefault(t.Id));
        }).ToList());
    }

    public async Task<List<UnitCompletenessDto>> GetUnitsAsync(Guid periodId, Guid cityId)
    {
        var period = await periods.GetAsync(periodId);
        var city = await CityAsync(cityId);
        var expected = await ExpectedAsync(period);
        using (CurrentTenant.Change(city.Id, city.Name))
        {
            var scope = await access.ForAsync(period);
            var deadline = period.EntryClosesAt;
            var counts = (await lines.ToListAsync(Reported(periodId, expected)
                    .GroupBy(l => l.UnitId)
                    .Select(g => new Count<Guid?>(g.Key, g.Count(), g.Count(l => l.ReportedTime <= deadline), g.Count(l => l.QualityFlag != QualityFlag.None)))))
                .ToDictionary(c => c.Key ?? Guid.Empty);
            var expectedByUnit = expected.GroupBy(scope.UnitOf).ToDictionary(g => g.Key ?? Guid.Empty, g => g.Count());
            var names = (await units.ToListAsync(units.QueryReadOnly().Select(u => new { u.Id, u.Name }))).ToDictionary(u => u.Id, u => u.Name);
            return expectedByUnit.Keys.Union(counts.Keys)
                .Select(id => Fill(
                    new UnitCompletenessDto { UnitId = id == Guid.Empty ? null : id, UnitName = id == Guid.Empty ? L["Quality:CityOwnLines"].Value : names.GetValueOrDefault(id) ?? string.Empty },
                    expectedByUnit.GetValueOrDefault(id),
                    counts.GetValueOrDefault(id)))
                .OrderBy(u => u.UnitId is null ? 0 : 1).ThenBy(u => u.UnitName, StringComparer.Ordinal)
                .ToList();
        }
    }

    public async Task<List<CompletenessTrendPointDto>> GetTrendAsync(Guid periodId, Guid? cityId)
    {
        var period = await periods.GetAsync(periodId);
        Guid? only = cityId is { } id ? (await CityAsync(id)).Id : CurrentTenant.Id;
        var expected = await ExpectedAsync(period);
        var series = (await history.EarlierPeriodsAsync(period)).Append(period).OrderBy(p => p.Sequence).ToList();
        var ids = series.Select(p => p.Id).ToList();
        var cityCount = only is null ? await tenants.CountAsync(tenants.QueryReadOnly().Where(t => t.IsActive)) : 1;
        List<Count<Guid>> counts;
        using (ReadAcrossCities())
        {
            var active = tenants.QueryReadOnly().Where(t => t.IsActive).Select(t => (Guid?)t.Id);
            var reported = lines.QueryReadOnly()
                .Where(l => ids.Contains(l.PeriodId) && expected.Contains(l.IndicatorCode) && l.TenantId != null && active.Contains(l.TenantId))
                .Where(ReportedEntryLines.Predicate)
                .Where(l => only == null || l.TenantId == only);
            counts = await lines.ToListAsync(reported
                .Join(periods.QueryReadOnly(), l => l.PeriodId, p => p.Id, (l, p) => new { l.PeriodId, OnTime = l.ReportedTime <= p.EntryClosesAt, Flagged = l.QualityFlag != QualityFlag.None })
                .GroupBy(x => x.PeriodId)
                .Select(g => new Count<Guid>(g.Key, g.Count(), g.Count(x => x.OnTime), g.Count(x => x.Flagged))));
        }

        var byPeriod = counts.ToDictionary(c => c.Key);
        return series.Select(p => Fill(
                new CompletenessTrendPointDto { PeriodId = p.Id, PeriodName = p.Name, Year = p.Year, Number = p.Number },
                expected.Count * cityCount,
                byPeriod.GetValueOrDefault(p.Id)))
            .ToList();
    }

    private static T Fill<T>(T row, int expected, ICount? count)
        where T : CompletenessFigures
    {
        row.Expected = expected;
        row.Reported = count?.Reported ?? 0;
        row.OnTime = count?.OnTime ?? 0;
        row.Late = row.Reported - row.OnTime;
        row.Missing = Math.Max(0, expected - row.Reported);
        row.Flagged = count?.Flagged ?? 0;
        row.ReportedPercent = Percent(row.Reported, expected);
        row.OnTimePercent = Percent(row.OnTime, expected);
        return row;
    }

    private static decimal Percent(int part, int whole) => whole == 0 ? 100m : Math.Round(part * 100m / whole, 2, MidpointRounding.AwayFromZero);

    /// <summary>The codes of the indicators the city enters (not computed, not fed from the register).</summary>
    private async Task<List<string>> ExpectedAsync(AssessmentPeriod period) =>
        PeriodScoringService.EnteredIndicators((await scoring.GetSchemeAsync(period)).Definition).Select(i => i.Code).Distinct().ToList();

    private IQueryable<EntryLine> Reported(Guid periodId, List<string> expected) =>
        lines.QueryReadOnly().Where(l => l.PeriodId == periodId && expected.Contains(l.IndicatorCode)).Where(ReportedEntryLines.Predicate);

    /// <summary>A city the caller may look at: the province any, a city only itself (another is not found).</summary>
    private async Task<Tenant> CityAsync(Guid cityId)
    {
        if (CurrentTenant.Id is { } own && own != cityId)
        {
            throw new EntityNotFoundException(typeof(Tenant), cityId);
        }

        return await tenants.GetAsync(cityId);
    }

    private interface ICount
    {
        int Reported { get; }

        int OnTime { get; }

        int Flagged { get; }
    }

    private sealed record Count<TKey>(TKey Key, int Reported, int OnTime, int Flagged) : ICount;
}
