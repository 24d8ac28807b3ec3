using PilotAssessment.Agreements;
using PilotAssessment.DataEntry;
using PilotAssessment.Periods;
using PilotAssessment.Reviews;
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
    IRepository<Agreement> agreements,
    IRepository<CitySubmission> submissions,
    IRepository<PeriodLockException> lockExceptions,
    TimeProvider clock,
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

    /// <summary>
    /// Every city at once (one query per kind, whatever the number of rows): the agreements in force that hand lines
    /// to units, the cities' submissions, lock exceptions when a window has closed, and lines already reported.
    /// </summary>
    private async Task<List<FeedRowPlan>> CheckLinesAsync(List<FeedRowPlan> candidates, BusinessException problems)
    {
        if (candidates.Count == 0)
        {
            return [];
        }

        var cityIds = candidates.Select(c => c.City.Id).Distinct().ToList();
        var periodIds = candidates.Select(c => c.Period.Id).Distinct().ToList();
        var years = candidates.Select(c => c.Period.Year).Distinct().ToList();
        var codes = candidates.Select(c => c.Indicator.Code).Distinct().ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        Dictionary<(Guid, int), Dictionary<string, Guid>> assignments;
        Dictionary<(Guid, Guid), CitySubmission> submissionOf;
        HashSet<(Guid, Guid, string)> reported;
        using (dataFilter.Disable<IMultiTenant>())
        {
            assignments = (await agreements.ToListAsync(agreements.QueryReadOnly()
                    .Where(a => a.TenantId != null && cityIds.Contains(a.TenantId.Value) && years.Contains(a.Year) && a.Status == AgreementStatus.InForce)))
                .GroupBy(a => (a.TenantId!.Value, a.Year))
                .ToDictionary(g => g.Key, g => g.OrderByDescending(a => a.Version).First().Content.Lines
                    .Where(l => l.AssignedUnitId is not null)
                    .GroupBy(l => l.Code)
                    .ToDictionary(l => l.Key, l => l.First().AssignedUnitId!.Value));
            submissionOf = (await submissions.ToListAsync(submissions.QueryReadOnly()
                    .Where(s => s.TenantId != null && cityIds.Contains(s.TenantId.Value) && periodIds.Contains(s.PeriodId))))
                .GroupBy(s => (s.TenantId!.Value, s.PeriodId))
                .ToDictionary(g => g.Key, g => g.First());
            reported = (await lines.ToListAsync(lines.QueryReadOnly()
                    .Where(l => l.TenantId != null && cityIds.Contains(l.TenantId.Value) && periodIds.Contains(l.PeriodId) && codes.Contains(l.IndicatorCode) && l.Status == EntryLineStatus.UnitSubmitted)
                    .Select(l => new { CityId = l.TenantId!.Value, l.PeriodId, l.IndicatorCode })))
                .Select(l => (l.CityId, l.PeriodId, l.IndicatorCode))
                .ToHashSet();
        }

        var closed = candidates.Select(c => c.Period).DistinctBy(p => p.Id).Where(p => EntryWindowPolicy.ExceptionsMatter(p, now)).Select(p => p.Id).ToList();
        var exceptions = closed.Count == 0
            ? []
            : await lockExceptions.ToListAsync(lockExceptions.QueryReadOnly().Where(e => closed.Contains(e.PeriodId) && cityIds.Contains(e.CityId) && e.Deadline > now));

        var plans = new List<FeedRowPlan>(candidates.Count);
        var refusals = new Dictionary<(Guid, Guid, Guid?), BusinessException?>();
        foreach (var plan in candidates)
        {
            var (city, period) = (plan.City, plan.Period);
            Guid? unitId = assignments.GetValueOrDefault((city.Id, period.Year))?.TryGetValue(plan.Indicator.Code, out var unit) == true ? unit : null;
            if (!refusals.TryGetValue((city.Id, period.Id, unitId), out var refusal))
            {
                // the entry grid's own rule (EntryEditGuard), on the rows read above for every city at once
                refusal = EntryWindowPolicy.Refusal(period, city.Id, unitId, submissionOf.GetValueOrDefault((city.Id, period.Id)), exceptions, now);
                refusals[(city.Id, period.Id, unitId)] = refusal;
            }

            if (refusal is not null)
            {
                problems.WithError($"rows[{plan.Row}].period", refusal.Code, refusal.Arguments);
            }
            else if (reported.Contains((city.Id, period.Id, plan.Indicator.Code)))
            {
                problems.WithError($"rows[{plan.Row}].indicator", FeedErrorCodes.RowLineReported, plan.Indicator.Code);
            }
            else
            {
                plans.Add(plan with { UnitId = unitId });
            }
        }

        return plans;
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
