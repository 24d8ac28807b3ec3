using PilotAssessment.Data;
using PilotAssessment.Periods;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Scoring;
using PilotAssessment.Services;
using PilotAssessment.Tenants;

namespace PilotAssessment.Results;

/// <summary>
/// Current figures per city for the monitoring dashboard (the published sheet when there is one, otherwise the
/// entered values scored live) and published trends. A city sees only its own rows.
/// </summary>
public sealed class ResultMonitoringAppService(
    ApplicationServiceContext context,
    IRepository<AssessmentPeriod> periods,
    IRepository<Scheme> schemes,
    IRepository<ScoreSheetRecord> sheets,
    IRepository<ScoreSheetLineRecord> sheetLines,
    IRepository<CitySubmission> submissions,
    IRepository<Tenant> tenants,
    IRepository<ReferenceFigure> referenceFigures,
    CityChangeStampStore changeStamps,
    PeriodScoringService scoring,
    LiveResultCache liveResults,
    DataEntry.SchemeDefinitionCache definitions,
    IMapper mapper) : PilotAssessmentAppService(context), IResultMonitoringAppService
{
    [RequiresPermission(PermissionPolicies.Monitoring)]
    public async Task<List<CityMonitoringDto>> GetMonitoringAsync(Guid periodId)
    {
        var period = await periods.GetAsync(periodId);
        var (definition, schemeIdentity) = await definitions.GetAsync(schemes, period.SchemeId);
        var cities = await CitiesAsync();
        var cityIds = cities.Select(c => (Guid?)c.Id).ToList();

        using var _ = ReadAcrossCitiesIfHost();
        // Only what the rows show: no explanation texts, no bonus or veto JSON (the sheet itself has them).
        var published = period.Status == PeriodStatus.Published
            ? await sheets.ToListAsync(sheets.QueryReadOnly()
                .Where(s => s.PeriodId == periodId && s.IsCurrent && !s.NotAssessed && cityIds.Contains(s.TenantId))
                .Select(s => new MonitoringSheet(s.Id, s.TenantId!.Value, s.Version, s.Total, s.MaxPoints, s.Percent, s.Grade, s.Colour, s.CategoriesJson)))
            : [];
        var sheetByCity = published.ToDictionary(s => s.CityId);
        var sheetIds = published.Select(s => s.Id).ToList();
        var linesBySheet = sheetIds.Count == 0
            ? Enumerable.Empty<PublishedLine>().ToLookup(l => l.SheetId)
            : (await sheetLines.ToListAsync(sheetLines.QueryReadOnly()
                .Where(l => sheetIds.Contains(l.ScoreSheetRecordId))
                .Select(l => new PublishedLine(l.ScoreSheetRecordId, l.Order, l.IndicatorCode, l.IndicatorName, l.Points, l.MaxPoints)))).ToLookup(l => l.SheetId);

        // Cities without a published sheet are scored live; only those whose stamp or period-wide inputs changed since
        // their row was kept are read and scored again (LiveResultCache).
        var live = cities.Where(c => !sheetByCity.ContainsKey(c.Id)).ToList();
        var liveRows = live.Count == 0 ? [] : await LiveRowsAsync(period, definition, schemeIdentity, live, cityIds);
        return cities.Select(city => sheetByCity.TryGetValue(city.Id, out var record)
                ? FromSheet(definition, city, record, linesBySheet[record.Id])
                : liveRows[city.Id])
            .ToList();
    }

    private async Task<Dictionary<Guid, CityMonitoringDto>> LiveRowsAsync(AssessmentPeriod period, SchemeDefinition definition, string schemeIdentity, List<Tenant> live, List<Guid?> cityIds)
    {
        var liveIds = live.Select(c => c.Id).ToList();
        var ofScheme = await periods.ToListAsync(periods.QueryReadOnly().Where(p => p.SchemeId == period.SchemeId));
        var previous = PeriodReferenceDataProvider.PreviousOf(period, ofScheme);

        // The stamps are read before anything they stand for: a write committed meanwhile makes a kept row older than
        // its stamp says (it is read again next time), never newer.
        var stamps = await changeStamps.ReadAsync(previous is null ? [period.Id] : [period.Id, previous.Id], IsHost ? null : liveIds);
        var figures = await referenceFigures.ToListAsync(referenceFigures.QueryReadOnly().Where(f => f.PeriodId == period.Id));
        var targets = await scoring.TargetsAsync(period, liveIds);
        var statuses = (await submissions.ToListAsync(submissions.QueryReadOnly().Where(s => s.PeriodId == period.Id && cityIds.Contains(s.TenantId)).Select(s => new { s.TenantId, s.Status })))
            .GroupBy(s => s.TenantId!.Value).ToDictionary(g => g.Key, g => g.First().Status);
        var periodWide = LiveResultCache.PeriodWide(schemeIdentity, previous?.Id, figures);

        var rows = new Dictionary<Guid, CityMonitoringDto>();
        var keys = new Dictionary<Guid, string>();
        foreach (var city in live)
        {
            var key = LiveResultCache.Fingerprint(
                periodWide,
                city.DisplayName,
                stamps.GetValueOrDefault((period.Id, city.Id)),
                previous is null ? 0 : stamps.GetValueOrDefault((previous.Id, city.Id)),
                targets.GetValueOrDefault(city.Id),
                statuses.TryGetValue(city.Id, out var status) ? status : null);
            if (liveResults.TryGet(period.Id, city.Id, key, out var kept))
            {
                rows[city.Id] = kept;
            }
            else
            {
                keys[city.Id] = key;
            }
        }

        if (keys.Count == 0)
        {
            return rows;
        }

        var inputs = await scoring.LoadCitiesAsync(period.Id, keys.Keys.ToList(), definition);
        foreach (var city in live.Where(c => keys.ContainsKey(c.Id)))
        {
            var row = Live(definition, city, inputs[city.Id], targets, statuses.TryGetValue(city.Id, out var status) ? status : null);
            liveResults.Set(period.Id, city.Id, keys[city.Id], row);
            rows[city.Id] = row;
        }

        return rows;
    }

    [RequiresPermission(PermissionPolicies.Trends)]
    public async Task<List<TrendPointDto>> GetTrendsAsync(Guid schemeId)
    {
        await schemes.GetAsync(schemeId);
        var published = (await periods.ToListAsync(periods.Query().Where(p => p.SchemeId == schemeId && p.Status == PeriodStatus.Published)))
            .OrderBy(p => p.Year).ThenBy(p => p.Kind).ThenBy(p => p.Number).ToList();
        var periodIds = published.Select(p => p.Id).ToList();
        var names = (await tenants.ToListAsync(tenants.Query())).ToDictionary(t => t.Id, t => t.DisplayName);

        // Ranks need every city's total; a city is then given only its own points.
        var current = periodIds.Count == 0
            ? []
            : await ReadAllAsync(() => sheets.ToListAsync(sheets.Query()
                .Where(s => periodIds.Contains(s.PeriodId) && s.IsCurrent && !s.NotAssessed)
                .Select(s => new TrendRow(s.PeriodId, s.TenantId!.Value, s.Total, s.Percent, s.Grade, s.Colour))));
        var byPeriod = current.ToLookup(r => r.PeriodId);

        var points = new List<TrendPointDto>();
        foreach (var period in published)
        {
            var ranked = CityRanking.Rank(byPeriod[period.Id].OrderBy(r => names.GetValueOrDefault(r.CityId)), r => r.Total);
            points.AddRange(ranked
                .Where(r => IsHost || r.Item.CityId == CurrentTenant.Id)
                .Select(r => new TrendPointDto
                {
                    PeriodId = period.Id,
                    PeriodName = period.Name,
                    Kind = period.Kind.ToString(),
                    Year = period.Year,
                    Number = period.Number,
                    CityId = r.Item.CityId,
                    CityName = names.GetValueOrDefault(r.Item.CityId),
                    Total = r.Item.Total,
                    Percent = r.Item.Percent,
                    Grade = r.Item.Grade,
                    Colour = r.Item.Colour,
                    Rank = r.Rank,
                }));
        }

        return points;
    }

    private async Task<List<T>> ReadAllAsync<T>(Func<Task<List<T>>> read)
    {
        using var _ = ReadAcrossCities();
        return await read();
    }

    /// <summary>The pilot cities a user may watch: a city only itself, the province every active city.</summary>
    private async Task<List<Tenant>> CitiesAsync()
    {
        if (CurrentTenant.Id is { } own)
        {
            return [await tenants.GetAsync(own)];
        }

        return await tenants.ToListAsync(tenants.Query().Where(t => t.IsActive).OrderBy(t => t.Name));
    }

    private CityMonitoringDto FromSheet(SchemeDefinition definition, Tenant city, MonitoringSheet record, IEnumerable<PublishedLine> lines)
    {
        var dto = mapper.Map<CityMonitoringDto>(record);
        dto.CityName = city.DisplayName;

        // A published sheet is final: an unreported line is a real zero and warns like any other.
        AddWarnings(dto, definition, dto.Categories, lines.OrderBy(l => l.Order).Select(l => (l.Code, l.Name, l.Points, l.MaxPoints)));
        return dto;
    }

    private CityMonitoringDto Live(
        SchemeDefinition definition,
        Tenant city,
        CityPeriodInput input,
        IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>> targets,
        SubmissionStatus? status)
    {
        var reported = input.Lines.Where(l => l.IsReported).Select(l => l.IndicatorCode).ToHashSet();
        var source = status is SubmissionStatus.Submitted or SubmissionStatus.Approved || input.Lines.Any(l => l.AuditorScore is not null)
            ? MonitoringSources.Review
            : reported.Count > 0 ? MonitoringSources.Self : MonitoringSources.None;
        var sheet = scoring.Score(definition, input, targets, withAuditorScores: true);
        var dto = mapper.Map<CityMonitoringDto>(new LiveMonitoringRow(city.Id, city.DisplayName, source, sheet));
        var categories = dto.Categories;
        if (source == MonitoringSources.None)
        {
            return dto;
        }

        // While entry goes on, a line not yet reported is a gap in completeness, not a weak score: it does not warn,
        // and neither does a category none of whose lines is reported.
        var parents = sheet.Categories.ToDictionary(c => c.Code, c => c.ParentCode);
        var touched = new HashSet<string>();
        foreach (var line in sheet.Lines.Where(l => reported.Contains(l.IndicatorCode)))
        {
            for (string? code = line.CategoryCode; code is not null && touched.Add(code); code = parents.GetValueOrDefault(code))
            {
            }
        }

        AddWarnings(
            dto,
            definition,
            categories.Where(c => touched.Contains(c.Code)),
            sheet.Lines.Where(l => l.Status != LineStatus.Unreported).Select(l => (l.IndicatorCode, l.IndicatorName, l.Points, l.MaxPoints)));
        return dto;
    }

    private static void AddWarnings(
        CityMonitoringDto dto,
        SchemeDefinition definition,
        IEnumerable<CategoryMonitoringDto> categories,
        IEnumerable<(string Code, string Name, decimal Points, decimal MaxPoints)> lines)
    {
        foreach (var category in categories)
        {
            if (ColourWarnings.LevelOf(definition, category.Colour) is { } level)
            {
                dto.Warnings.Add(new MonitoringWarningDto { Scope = "Category", Code = category.Code, Name = category.Name, Percent = category.Percent, Colour = category.Colour, Level = level });
            }
        }

        foreach (var (code, name, points, max) in lines.Where(l => l.MaxPoints > 0m))
        {
            var percent = ColourWarnings.Percent(points, max);
            var colour = ColourWarnings.ColourOf(definition, percent);
            if (ColourWarnings.LevelOf(definition, colour) is { } level)
            {
                dto.Warnings.Add(new MonitoringWarningDto { Scope = "Line", Code = code, Name = name, Percent = percent, Colour = colour, Level = level });
            }
        }
    }

    private sealed record PublishedLine(Guid SheetId, int Order, string Code, string Name, decimal Points, decimal MaxPoints);

    private sealed record TrendRow(Guid PeriodId, Guid CityId, decimal Total, decimal Percent, string? Grade, string? Colour);
}
