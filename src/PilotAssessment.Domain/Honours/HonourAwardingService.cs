using PilotAssessment.Data;
using PilotAssessment.Periods;
using PilotAssessment.Results;
using PilotAssessment.Schemes;

namespace PilotAssessment.Honours;

/// <summary>
/// Awards and revokes the honours of a scheme series from the stored score sheets: the current sheet's header row of
/// each city in each final annual period of the series (no lines). A constant number of queries: the series' schemes,
/// its periods, its rules, the sheets and the awards, one each.
/// </summary>
public sealed class HonourAwardingService(
    IRepository<HonourRule> rules,
    IRepository<HonourAward> awards,
    IRepository<AssessmentPeriod> periods,
    IRepository<Scheme> schemes,
    IRepository<ScoreSheetRecord> sheets,
    IDataFilter dataFilter,
    IUnitOfWork unitOfWork)
{
    /// <summary>The series a period belongs to: its scheme's name.</summary>
    public async Task<string?> SeriesOfAsync(AssessmentPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        return await schemes.FirstOrDefaultAsync(schemes.QueryReadOnly().Where(s => s.Id == period.SchemeId).Select(s => s.Name));
    }

    /// <summary>Whether a change to this period's results can change honours: a final annual period.</summary>
    public static bool Counts(AssessmentPeriod period) =>
        period.Kind == PeriodKind.Annual && period.Status == PeriodStatus.Published && period.FinalizedTime is not null;

    /// <summary>
    /// Evaluates the rules of the series (or <paramref name="onlyRule"/>) for the cities (null: every city with a
    /// sheet in the series or an award of its rules) and writes the changes.
    /// </summary>
    /// <param name="finalised">A period made final in this unit of work, not saved yet.</param>
    /// <returns>The awards made and revoked.</returns>
    public async Task<HonourChanges> EvaluateAsync(
        string seriesName,
        IReadOnlyCollection<Guid>? cityIds,
        HonourEvaluationContext context,
        AssessmentPeriod? finalised = null,
        HonourRule? onlyRule = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var ruleList = onlyRule is not null
            ? [onlyRule]
            : await rules.ToListAsync(rules.Query().Where(r => r.SeriesName == seriesName));
        if (ruleList.Count == 0)
        {
            return new HonourChanges([], []);
        }

        var schemeIds = schemes.QueryReadOnly().Where(s => s.Name == seriesName).Select(s => s.Id);
        var final = await periods.ToListAsync(periods.QueryReadOnly()
            .Where(p => schemeIds.Contains(p.SchemeId) && p.Kind == PeriodKind.Annual && p.Status == PeriodStatus.Published && p.FinalizedTime != null));
        if (finalised is not null && Counts(finalised) && final.All(p => p.Id != finalised.Id))
        {
            final.Add(finalised);
        }

        final = final.OrderBy(p => p.Sequence).ThenBy(p => p.PublishedTime).ToList();
        var periodIds = final.Select(p => p.Id).ToList();
        var ruleIds = ruleList.Select(r => r.Id).ToList();
        using var _ = dataFilter.Disable<IMultiTenant>();
        var sheetQuery = sheets.QueryReadOnly().Where(s => s.IsCurrent && periodIds.Contains(s.PeriodId));
        var awardQuery = awards.Query().Where(a => ruleIds.Contains(a.RuleId));
        if (cityIds is not null)
        {
            var ids = cityIds.Select(c => (Guid?)c).ToList();
            sheetQuery = sheetQuery.Where(s => ids.Contains(s.TenantId));
            awardQuery = awardQuery.Where(a => ids.Contains(a.TenantId));
        }

        var rows = await sheets.ToListAsync(sheetQuery.Select(s => new SheetRow(s.TenantId!.Value, s.PeriodId, s.Grade, s.VetoesJson != "[]", s.NotAssessed)));
        var existing = await awards.ToListAsync(awardQuery);
        var byCityAndPeriod = rows.GroupBy(r => (r.CityId, r.PeriodId)).ToDictionary(g => g.Key, g => g.First());
        var cities = (cityIds ?? rows.Select(r => r.CityId).Concat(existing.Select(a => a.TenantId!.Value)).ToList()).Distinct().ToList();
        var activeBefore = existing.Where(a => a.IsActive).ToList();
        var added = new List<HonourAward>();
        foreach (var city in cities)
        {
            var outcomes = final.Select(p => byCityAndPeriod.TryGetValue((city, p.Id), out var row)
                ? new AnnualOutcome(p.Id, p.Year, row.Grade, row.Vetoed, row.NotAssessed)
                : new AnnualOutcome(p.Id, p.Year, null, false, NotAssessed: true)).ToList();
            foreach (var rule in ruleList)
            {
                added.AddRange(HonourReconciliation.Apply(rule, city, HonourEvaluator.Evaluate(rule, outcomes), existing, context));
            }
        }

        foreach (var award in added)
        {
            await awards.InsertAsync(award, autoSave: false);
        }

        // The cities' rows are written by the province, inside this scope.
        await unitOfWork.SaveChangesAsync();
        return new HonourChanges(added, activeBefore.Where(a => !a.IsActive).ToList());
    }

    private sealed record SheetRow(Guid CityId, Guid PeriodId, string? Grade, bool Vetoed, bool NotAssessed);
}

/// <summary>What an evaluation changed.</summary>
public sealed record HonourChanges(IReadOnlyList<HonourAward> Awarded, IReadOnlyList<HonourAward> Revoked);
