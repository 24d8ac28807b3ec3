using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using PilotAssessment.Schemes;
using PilotAssessment.Tenants;

namespace PilotAssessment.Feeds;

/// <summary>One row that passed every check: what to write where.</summary>
public sealed record FeedRowPlan(int Row, Tenant City, AssessmentPeriod Period, IndicatorDefinition Indicator, Guid? UnitId, EntryValue Value, string? Note, string? Evidence);

/// <summary>
/// Checks every row of an import as the entry grid checks a clerk's save, and collects every problem under its row
/// (<c>rows[i].field</c>): the city (by its name in the city list, or its id) and the indicator must be the client's,
/// the period must take values for the city and the line's unit now (entry window or a lock exception, the sheet still
/// with the city), the line must not be reported to the city administrator, and the value must be one the line's rule
/// scores (<see cref="EntryValueValidator"/>).
/// </summary>
public sealed class FeedRowChecker(
    IRepository<Tenant> tenants,
    IRepository<AssessmentPeriod> periods,
    IRepository<Scheme> schemes,
    IRepository<EntryLine> lines,
    EntryLineAccess access,
    EntryEditGuard guard,
    ICurrentTenant currentTenant,
    Data.IDataFilter dataFilter)
{
    public async Task<List<FeedRowPlan>> CheckAsync(FeedClient client, IReadOnlyList<FeedRowInput> rows)
    {
        var cities = await tenants.ToListAsync(tenants.QueryReadOnly());
        var byName = cities.GroupBy(c => c.Name.Trim(), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var byId = cities.ToDictionary(c => c.Id);
        var allPeriods = await periods.ToListAsync(periods.QueryReadOnly());
        var definitions = new Dictionary<Guid, Dictionary<string, IndicatorDefinition>>();
        var problems = new BusinessException(FeedErrorCodes.Invalid);
        var candidates = new List<FeedRowPlan>();
        var seen = new HashSet<(Guid, Guid, string)>();

        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            var key = $"rows[{i}]";
            var city = FindCity(row.City, byName, byId, key, problems);
            if (city is not null && !client.MayWriteCity(city.Id))
            {
                throw new ForbiddenException(FeedErrorCodes.RowCityNotAllowed, i + 1, city.DisplayName);
            }

            var period = FindPeriod(row.Period, allPeriods, key, problems);
            IndicatorDefinition? indicator = null;
            if (string.IsNullOrWhiteSpace(row.Indicator))
            {
                problems.WithError($"{key}.indicator", FeedErrorCodes.RowIndicatorRequired);
            }
            else if (!client.MayWriteIndicator(row.Indicator.Trim()))
            {
                throw new ForbiddenException(FeedErrorCodes.RowIndicatorNotAllowed, i + 1, row.Indicator.Trim());
            }
            else if (period is not null)
            {
                indicator = await IndicatorAsync(period, row.Indicator.Trim(), definitions, $"{key}.indicator", problems);
            }

            if (row.Evidence is { Length: > FeedConsts.MaxEvidenceReferenceLength })
            {
                problems.WithError($"{key}.evidence", FeedErrorCodes.TextTooLong, FeedConsts.MaxEvidenceReferenceLength);
            }

            var value = row.Value.ToDomain();
            var note = string.IsNullOrWhiteSpace(row.Note) ? null : row.Note.Trim();
            if (value.IsEmpty)
            {
                problems.WithError($"{key}.value", FeedErrorCodes.RowValueRequired);
            }
            else if (indicator is not null && EntryValueValidator.Validate(indicator, value, note) is { } invalid)
            {
                foreach (var (field, errors) in invalid.Errors)
                {
                    errors.ForEach(e => problems.WithError($"{key}.{field}", e));
                }
            }

            if (city is null || period is null || indicator is null)
            {
                continue;
            }

            if (!seen.Add((city.Id, period.Id, indicator.Code)))
            {
                problems.WithError($"{key}.indicator", FeedErrorCodes.RowDuplicate, city.DisplayName, indicator.Code);
                continue;
            }

            candidates.Add(new FeedRowPlan(i, city, period, indicator, null, value, note, string.IsNullOrWhiteSpace(row.Evidence) ? null : row.Evidence.Trim()));
        }

        var plans = await CheckLinesAsync(candidates, problems);
        return problems.Errors.Count > 0 ? throw problems : plans;
    }

    /// <summary>Inside each city: the line's unit, the window and sheet for that unit, and lines already reported.</summary>
    private async Task<List<FeedRowPlan>> CheckLinesAsync(List<FeedRowPlan> candidates, BusinessException problems)
    {
        var plans = new List<FeedRowPlan>(candidates.Count);
        foreach (var group in candidates.GroupBy(c => (c.City.Id, c.Period.Id)))
        {
            var (city, period) = (group.First().City, group.First().Period);
            using (currentTenant.Change(city.Id, city.Name))
            {
                var scope = await access.ForAsync(period);
                var codes = group.Select(g => g.Indicator.Code).ToList();
                var reported = (await lines.ToListAsync(lines.QueryReadOnly()
                        .Where(l => l.PeriodId == period.Id && codes.Contains(l.IndicatorCode) && l.Status == EntryLineStatus.UnitSubmitted)
                        .Select(l => l.IndicatorCode)))
                    .ToHashSet(StringComparer.Ordinal);
                var refusals = new Dictionary<Guid, BusinessException?>();
                foreach (var plan in group)
                {
                    var unitId = scope.UnitOf(plan.Indicator.Code);
                    if (!refusals.TryGetValue(unitId ?? Guid.Empty, out var refusal))
                    {
                        refusal = await RefusalAsync(period, city.Id, unitId);
                        refusals[unitId ?? Guid.Empty] = refusal;
                    }

                    if (refusal is not null)
                    {
                        problems.WithError($"rows[{plan.Row}].period", refusal.Code, refusal.Arguments);
                    }
                    else if (reported.Contains(plan.Indicator.Code))
                    {
                        problems.WithError($"rows[{plan.Row}].indicator", FeedErrorCodes.RowLineReported, plan.Indicator.Code);
                    }
                    else
                    {
                        plans.Add(plan with { UnitId = unitId });
                    }
                }
            }
        }

        return plans.OrderBy(p => p.Row).ToList();
    }

    private async Task<BusinessException?> RefusalAsync(AssessmentPeriod period, Guid cityId, Guid? unitId)
    {
        try
        {
            await guard.EnsureCityMayEditAsync(period, cityId, unitId);
            return null;
        }
        catch (BusinessException refused) when (refused is not ForbiddenException)
        {
            return refused;
        }
    }

    private static Tenant? FindCity(string? asked, Dictionary<string, Tenant> byName, Dictionary<Guid, Tenant> byId, string key, BusinessException problems)
    {
        if (string.IsNullOrWhiteSpace(asked))
        {
            problems.WithError($"{key}.city", FeedErrorCodes.RowCityRequired);
            return null;
        }

        var city = byName.GetValueOrDefault(asked.Trim()) ?? (Guid.TryParse(asked, out var id) ? byId.GetValueOrDefault(id) : null);
        if (city is null || !city.IsActive)
        {
            problems.WithError($"{key}.city", FeedErrorCodes.RowCityUnknown, Shorten(asked));
        }

        return city is { IsActive: true } ? city : null;
    }

    private static AssessmentPeriod? FindPeriod(string? asked, List<AssessmentPeriod> all, string key, BusinessException problems)
    {
        if (string.IsNullOrWhiteSpace(asked))
        {
            problems.WithError($"{key}.period", FeedErrorCodes.RowPeriodRequired);
            return null;
        }

        var period = Guid.TryParse(asked, out var id) ? all.FirstOrDefault(p => p.Id == id) : all.FirstOrDefault(p => p.Name == asked.Trim());
        if (period is null)
        {
            problems.WithError($"{key}.period", FeedErrorCodes.RowPeriodUnknown, Shorten(asked));
        }

        return period;
    }

    private async Task<IndicatorDefinition?> IndicatorAsync(AssessmentPeriod period, string code, Dictionary<Guid, Dictionary<string, IndicatorDefinition>> definitions, string key, BusinessException problems)
    {
        if (!definitions.TryGetValue(period.SchemeId, out var definition))
        {
            using (dataFilter.Disable<IMultiTenant>())
            {
                definition = (await schemes.GetAsync(period.SchemeId)).Definition.AllIndicators()
                    .GroupBy(i => i.Code, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            }

            definitions[period.SchemeId] = definition;
        }

        var indicator = definition.GetValueOrDefault(code);
        if (indicator is null)
        {
            problems.WithError(key, FeedErrorCodes.RowIndicatorUnknown, Shorten(code), period.Name);
        }
        else if (!string.IsNullOrWhiteSpace(indicator.Formula) || Supervision.ProblemRegister.IsFed(indicator))
        {
            problems.WithError(key, FeedErrorCodes.RowIndicatorComputed, indicator.Code);
            return null;
        }

        return indicator;
    }

    private static string Shorten(string text) => text.Length > 64 ? text[..64] + "…" : text.Trim();
}
