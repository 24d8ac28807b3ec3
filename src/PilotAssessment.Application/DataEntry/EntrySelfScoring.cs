using PilotAssessment.Data;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Results;
using PilotAssessment.Reviews;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Scoring;

namespace PilotAssessment.DataEntry;

/// <summary>One city's saved lines and facts of a period, with the reference figures its lines are compared with.</summary>
public sealed record CityEntries(List<EntryLine> Lines, CityPeriodFacts? Facts, PeriodReferenceData Reference);

/// <summary>
/// Scores one city's entry sheet as submission would (自评, without the auditors' scores), before it is submitted.
/// Loading reads the city's own rows and the stored reference figures (<see cref="ReferenceFigureStore"/>), nothing
/// of the other cities.
/// </summary>
public sealed class EntrySelfScoring(
    IRepository<EntryLine> lines,
    IRepository<CityPeriodFacts> facts,
    ReferenceFigureStore references,
    PeriodScoringService scoring)
{
    /// <param name="ofScheme">The periods of the period's scheme when the caller has read them already.</param>
    public async Task<CityEntries> LoadAsync(AssessmentPeriod period, SchemeDefinition definition, Guid cityId, IReadOnlyList<AssessmentPeriod>? ofScheme = null)
    {
        var periodId = period.Id;
        var cityLines = await lines.ToListAsync(lines.QueryReadOnly().Where(l => l.PeriodId == periodId && l.TenantId == cityId));
        var cityFacts = await facts.FirstOrDefaultAsync(facts.QueryReadOnly().Where(f => f.PeriodId == periodId && f.TenantId == cityId));
        var reference = await references.LoadForCityAsync(periodId, cityId, cityLines, ReferenceFigureStore.AveragedIndicators(definition), known: ofScheme is null ? null : new KnownCityPeriod(ofScheme));
        return new CityEntries(cityLines, cityFacts, reference);
    }

    /// <summary>The sheet of <paramref name="cityLines"/> as they are (saved, or with a typed value in place of one).</summary>
    /// <param name="targets">The city's agreement targets when the caller has read them already (<see cref="EntryLineScope.Targets"/>).</param>
    public async Task<ScoreSheet> ScoreAsync(AssessmentPeriod period, SchemeDefinition definition, Guid cityId, IReadOnlyList<EntryLine> cityLines, CityPeriodFacts? cityFacts, PeriodReferenceData reference, IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>? targets = null)
    {
        var input = new CityPeriodInput(cityId, cityLines, cityFacts)
        {
            Reference = reference.For(cityId, cityLines),
            EnteredLastYear = reference.EnteredLastYear(cityId, cityLines),
        };
        return scoring.Score(definition, input, targets ?? await scoring.TargetsAsync(period, [cityId]), withAuditorScores: false);
    }
}
