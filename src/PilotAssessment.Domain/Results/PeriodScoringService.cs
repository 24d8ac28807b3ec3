using PilotAssessment.Data;
using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.Scoring;

namespace PilotAssessment.Results;

/// <summary>One city's entered data of a period, ready for the engine.</summary>
public sealed record CityPeriodInput(Guid CityId, IReadOnlyList<EntryLine> Lines, CityPeriodFacts? Facts)
{
    /// <summary>Province averages and last year's figures the reference rules compare with.</summary>
    public ReferenceData Reference { get; init; } = ReferenceData.Empty;

    /// <summary>Indicators compared with the 上年同期值 the city entered; their explanation says so.</summary>
    public IReadOnlySet<string> EnteredLastYear { get; init; } = new HashSet<string>();

    /// <summary>Per indicator, the figure it is compared with and its source, when the scheme was given to the load.</summary>
    public IReadOnlyDictionary<string, LineReference> LineReferences { get; init; } = new Dictionary<string, LineReference>();

    /// <summary>The period whose figures are the 上期 reference, when there is one.</summary>
    public string? ReferencePeriodName { get; init; }

    public CityPeriodValues ToValues() => new()
    {
        CityKey = CityId.ToString(),
        // Each line's JSON is parsed once (Value parses on every access).
        Indicators = Lines.Select(l => (l.IndicatorCode, Value: l.Value)).Where(l => !l.Value.IsEmpty).ToDictionary(l => l.IndicatorCode, l => l.Value.ToIndicatorValue()),
        VetoFacts = Facts?.VetoFacts ?? [],
        BonusCounts = Facts?.BonusCounts ?? [],
        DataItems = Facts?.DataItems ?? [],
    };

    /// <summary>Lines an auditor adjusted: their confirmed score replaces the computed one.</summary>
    public IReadOnlyDictionary<string, decimal> AuditorScores() =>
        Lines.Where(l => l.AuditorScore is not null).ToDictionary(l => l.IndicatorCode, l => l.AuditorScore!.Value);
}

/// <summary>
/// Loads a period's entered data for every city (or one) in one query per table, with the reference data of
/// <see cref="PeriodReferenceDataProvider"/>, and scores it with the scheme's targets unless <see cref="IPeriodTargetProvider"/> gives a city its own.
/// </summary>
public sealed class PeriodScoringService(
    IRepository<EntryLine> lines,
    IRepository<CityPeriodFacts> facts,
    IRepository<Schemes.Scheme> schemes,
    IDataFilter dataFilter,
    IPeriodTargetProvider targets,
    PeriodReferenceDataProvider references,
    ReferenceFigureStore figures,
    ScoringEngine engine)
{
    /// <param name="tracked">False for reading only (publishing, monitoring): the lines are not tracked, which saves time and memory on a whole province.</param>
    /// <param name="definition">When given, each input carries every line's reference figure and source.</param>
    /// <param name="approvedOnly">Publishing: the province average of the approved cities only.</param>
    /// <param name="scheme">When given (and no <paramref name="definition"/>), only the previous period's lines its rules compare with are read.</param>
    /// <param name="periodLines">The period's lines read already (<see cref="ReadScoringLinesAsync"/>): they are not read again.</param>
    public async Task<Dictionary<Guid, CityPeriodInput>> LoadAsync(Guid periodId, IReadOnlyCollection<Guid> cityIds, CancellationToken cancellationToken = default, bool tracked = true, SchemeDefinition? definition = null, bool approvedOnly = false, SchemeDefinition? scheme = null, IReadOnlyList<EntryLine>? periodLines = null)
    {
        using var _ = dataFilter.Disable<IMultiTenant>();
        var lineQuery = (tracked ? lines.Query() : lines.QueryReadOnly()).Where(l => l.PeriodId == periodId);
        var factQuery = (tracked ? facts.Query() : facts.QueryReadOnly()).Where(f => f.PeriodId == periodId);

        // One city (submitting, approving, re-grading a sheet): its own rows and the stored province averages, so the
        // cost does not grow with the number of cities.
        var oneCity = cityIds.Count == 1 ? cityIds.First() : (Guid?)null;
        if (oneCity is { } only)
        {
            lineQuery = lineQuery.Where(l => l.TenantId == only);
            factQuery = factQuery.Where(f => f.TenantId == only);
        }

        var allLines = periodLines?.ToList() ?? await lines.ToListAsync(lineQuery, cancellationToken);
        var allFacts = await facts.ToListAsync(factQuery, cancellationToken);
        var linesByCity = allLines.Where(l => l.TenantId != null).ToLookup(l => l.TenantId!.Value);
        var factsByCity = allFacts.Where(f => f.TenantId != null).GroupBy(f => f.TenantId!.Value).ToDictionary(g => g.Key, g => g.First());
        var reference = oneCity is { } city
            ? await figures.LoadForCityAsync(periodId, city, allLines, definition is null ? null : ReferenceFigureStore.AveragedIndicators(definition), cancellationToken: cancellationToken, approvedOnly: approvedOnly)
            : await references.LoadAsync(periodId, allLines, cancellationToken: cancellationToken, approvedOnly: approvedOnly, lastYearIndicators: (definition ?? scheme) is { } rules ? PeriodReferenceData.LastYearIndicators(rules) : null);
        var indicators = definition?.AllIndicators().ToList() ?? [];
        return cityIds.ToDictionary(id => id, id =>
        {
            var byCode = linesByCity[id].GroupBy(l => l.IndicatorCode).ToDictionary(g => g.Key, g => g.First().Value);
            var averages = indicators.Count == 0 ? null : reference.ProvinceAverage.For(id);
            return new CityPeriodInput(id, linesByCity[id].ToList(), factsByCity.GetValueOrDefault(id))
            {
                Reference = reference.For(id, linesByCity[id]),
                EnteredLastYear = reference.EnteredLastYear(id, linesByCity[id]),
                LineReferences = indicators.ToDictionary(
                    i => i.Code,
                    i =>
                    {
                        var (value, source) = reference.LineReference(i, id, byCode.GetValueOrDefault(i.Code) ?? new EntryValue(), averages);
                        return new LineReference(value, source);
                    }),
                ReferencePeriodName = reference.PreviousPeriod?.Name,
            };
        });
    }

    /// <summary>
    /// The period's lines of every city (or one) with only the columns scoring reads (<see cref="EntryLine.ForScoring"/>):
    /// a province view reads a fraction of the bytes of 42,000 full rows and tracks none.
    /// </summary>
    /// <param name="onlyCities">The lines of these cities only.</param>
    public async Task<List<EntryLine>> ReadScoringLinesAsync(Guid periodId, Guid? onlyCity = null, CancellationToken cancellationToken = default, IReadOnlyCollection<Guid>? onlyCities = null)
    {
        using var _ = dataFilter.Disable<IMultiTenant>();
        var query = lines.QueryReadOnly().Where(l => l.PeriodId == periodId);
        if (onlyCity is { } city)
        {
            query = query.Where(l => l.TenantId == city);
        }

        if (onlyCities is not null)
        {
            var cities = onlyCities.Select(c => (Guid?)c).ToList();
            query = query.Where(l => cities.Contains(l.TenantId));
        }

        var rows = await lines.ToListAsync(query.Select(l => new { l.Id, l.TenantId, l.IndicatorCode, l.ValueJson, l.AuditorScore, l.Status }), cancellationToken);
        return rows.Select(r => EntryLine.ForScoring(r.Id, r.TenantId, periodId, r.IndicatorCode, r.ValueJson, r.AuditorScore, r.Status)).ToList();
    }

    /// <summary>
    /// Several cities' inputs from their own rows and the stored province figures (<see cref="ReferenceFigureStore.LoadForCitiesAsync"/>)
    /// in a fixed number of queries, whatever the number of cities: monitoring scores again only the cities that changed.
    /// </summary>
    public async Task<Dictionary<Guid, CityPeriodInput>> LoadCitiesAsync(Guid periodId, IReadOnlyCollection<Guid> cityIds, SchemeDefinition scheme, CancellationToken cancellationToken = default)
    {
        using var _ = dataFilter.Disable<IMultiTenant>();
        var cities = cityIds.Select(c => (Guid?)c).ToList();
        var cityLines = await ReadScoringLinesAsync(periodId, cancellationToken: cancellationToken, onlyCities: cityIds);
        var cityFacts = await facts.ToListAsync(facts.QueryReadOnly().Where(f => f.PeriodId == periodId && cities.Contains(f.TenantId)), cancellationToken);
        var reference = await figures.LoadForCitiesAsync(periodId, cityIds, cityLines, ReferenceFigureStore.AveragedIndicators(scheme), PeriodReferenceData.LastYearIndicators(scheme), cancellationToken);
        var linesByCity = cityLines.ToLookup(l => l.TenantId!.Value);
        var factsByCity = cityFacts.GroupBy(f => f.TenantId!.Value).ToDictionary(g => g.Key, g => g.First());
        return cityIds.ToDictionary(id => id, id => new CityPeriodInput(id, linesByCity[id].ToList(), factsByCity.GetValueOrDefault(id))
        {
            Reference = reference.For(id, linesByCity[id]),
            EnteredLastYear = reference.EnteredLastYear(id, linesByCity[id]),
            ReferencePeriodName = reference.PreviousPeriod?.Name,
        });
    }

    public Task<Schemes.Scheme> GetSchemeAsync(AssessmentPeriod period, CancellationToken cancellationToken = default) =>
        schemes.GetAsync(period.SchemeId, cancellationToken);

    public Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>> TargetsAsync(AssessmentPeriod period, IReadOnlyCollection<Guid> cityIds, CancellationToken cancellationToken = default) =>
        targets.GetTargetOverridesAsync(period, cityIds, cancellationToken);

    /// <param name="decidedScores">Line scores decided on appeal (申诉改判): they replace the auditor's score of their lines.</param>
    public ScoreSheet Score(SchemeDefinition definition, CityPeriodInput input, IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>> targetOverrides, bool withAuditorScores, IReadOnlyDictionary<string, decimal>? decidedScores = null)
    {
        var confirmed = withAuditorScores ? input.AuditorScores() : null;
        if (decidedScores is { Count: > 0 })
        {
            var merged = new Dictionary<string, decimal>(confirmed ?? new Dictionary<string, decimal>());
            foreach (var (code, score) in decidedScores)
            {
                merged[code] = score;
            }

            confirmed = merged;
        }

        var sheet = engine.Score(definition, input.ToValues(), input.Reference, targetOverrides.GetValueOrDefault(input.CityId), confirmed);

        // A province average is given only when enough other cities have submitted: until then the line says so.
        var noAverage = definition.AllIndicators()
            .Where(i => PeriodReferenceData.NeedsProvinceAverage(i.Rule) && !input.Reference.ProvinceAverages.ContainsKey(i.Code))
            .Select(i => i.Code)
            .ToHashSet();
        if (noAverage.Count > 0)
        {
            sheet = sheet with
            {
                Lines = sheet.Lines
                    .Select(l => noAverage.Contains(l.IndicatorCode) && l.Status == LineStatus.Error
                        ? l with
                        {
                            Explanation = new BilingualText(
                                $"暂无全省平均参考值：提交的其他城市不足 {ProvinceAverage.MinOtherCities} 个，暂不计分",
                                $"No province average yet: fewer than {ProvinceAverage.MinOtherCities} other cities have submitted, not scored yet"),
                        }
                        : l)
                    .ToList(),
            };
        }

        if (input.EnteredLastYear.Count == 0)
        {
            return sheet;
        }

        // A figure the city gave itself is marked, so reviewers know to check it.
        var marked = definition.AllIndicators()
            .Where(i => input.EnteredLastYear.Contains(i.Code) && PeriodReferenceData.NeedsLastYear(i.Rule))
            .Select(i => i.Code)
            .ToHashSet();
        return sheet with
        {
            Lines = sheet.Lines
                .Select(l => marked.Contains(l.IndicatorCode) && l.Status == LineStatus.Scored
                    ? l with { Explanation = new BilingualText(l.Explanation.ZhHans + "（上年同期值为本市填报）", l.Explanation.En + " (last year's figure entered by the city)") }
                    : l)
                .ToList(),
        };
    }

    /// <summary>Indicators a city enters itself (computed ones are not).</summary>
    public static IReadOnlyList<IndicatorDefinition> EnteredIndicators(SchemeDefinition definition) =>
        definition.AllIndicators().Where(i => string.IsNullOrWhiteSpace(i.Formula)).ToList();
}
