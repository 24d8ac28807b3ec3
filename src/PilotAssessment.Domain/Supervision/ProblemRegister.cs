using PilotAssessment.DataEntry;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Periods;
using PilotAssessment.Repositories;
using PilotAssessment.Schemes;

namespace PilotAssessment.Supervision;

/// <summary>
/// Feeds indicators configured with <c>occurrence_source: supervision</c> from the register: in every open or locked
/// period, the city's line of such an indicator holds one occurrence per unrectified problem of the city (its title as
/// the occurrence's label, flagged <see cref="SupervisionConsts.RepeatedFlag"/> when it repeats a closed one), so the
/// per-occurrence rule counts them and its explanation lists them. The clerk cannot type these lines.
/// </summary>
public sealed class ProblemRegister(
    IRepository<AssessmentPeriod> periods,
    IRepository<Scheme> schemes,
    IRepository<EntryLine> lines,
    IRepository<EntryValueHistory> history,
    IRepository<Problem> problems,
    ICurrentTenant currentTenant,
    TimeProvider clock)
{
    /// <summary>Whether the indicator's occurrences come from the register.</summary>
    public static bool IsFed(IndicatorDefinition indicator) => indicator.OccurrenceSource == IndicatorOccurrenceSource.Supervision;

    /// <summary>The value of a fed line: the open problems, oldest first (the count also as the line's number).</summary>
    public static EntryValue ValueOf(IEnumerable<Problem> openProblems)
    {
        var occurrences = openProblems
            .OrderBy(p => p.CreationTime).ThenBy(p => p.Id)
            .Select(p => new EntryOccurrence { Type = p.Title, Count = 1, Flags = p.IsRepeat ? [SupervisionConsts.RepeatedFlag] : null })
            .ToList();
        return new EntryValue { Number = occurrences.Count, Occurrences = occurrences };
    }

    /// <summary>
    /// Writes the register into the fed lines of the city. <paramref name="pending"/>: problems changed or created by
    /// the caller and not saved yet (they count as they are now). Returns the lines changed.
    /// </summary>
    public async Task<int> SyncCityAsync(Guid cityId, IReadOnlyCollection<Problem>? pending = null, CancellationToken cancellationToken = default)
    {
        var active = await periods.ToListAsync(
            periods.Query().Where(p => p.Status == PeriodStatus.Open || p.Status == PeriodStatus.Locked), cancellationToken);
        if (active.Count == 0)
        {
            return 0;
        }

        var schemeIds = active.Select(p => p.SchemeId).Distinct().ToList();
        var definitions = (await schemes.ToListAsync(schemes.QueryReadOnly().Where(s => schemeIds.Contains(s.Id)), cancellationToken))
            .ToDictionary(s => s.Id, s => s.Definition);
        var fed = active
            .SelectMany(p => (definitions.GetValueOrDefault(p.SchemeId)?.AllIndicators() ?? []).Where(IsFed).Select(i => (Period: p, i.Code)))
            .ToList();
        if (fed.Count == 0)
        {
            return 0;
        }

        // Written inside the city, as its own rows; a write from another context (the province's call, a job) saves at once.
        using (currentTenant.Change(cityId))
        {
            // Tracked problems come back as they are in memory: filter again, and add the ones not saved yet.
            var stored = await problems.ToListAsync(
                problems.Query().Where(p => p.TenantId == cityId && p.Status != ProblemStatus.Closed), cancellationToken);
            var open = stored.Concat(pending ?? []).Where(p => p.TenantId == cityId && p.IsOpen).DistinctBy(p => p.Id).ToList();
            var value = ValueOf(open);
            var periodIds = fed.Select(f => f.Period.Id).Distinct().ToList();
            var codes = fed.Select(f => f.Code).Distinct().ToList();
            var existing = await lines.ToListAsync(
                lines.Query().Where(l => l.TenantId == cityId && periodIds.Contains(l.PeriodId) && codes.Contains(l.IndicatorCode)), cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var changed = 0;
            foreach (var (period, code) in fed)
            {
                var line = existing.FirstOrDefault(l => l.PeriodId == period.Id && l.IndicatorCode == code);
                var isNew = line is null;
                if (line is not null && line.ValueJson == value.ToJson())
                {
                    continue;
                }

                line ??= new EntryLine(SequentialGuid.Next(), period.Id, code) { TenantId = cityId };
                var revision = line.ChangeValue(value, line.Note, null, now);
                if (isNew)
                {
                    await lines.InsertAsync(line, cancellationToken: cancellationToken);
                    existing.Add(line);
                }
                else
                {
                    await lines.UpdateAsync(line, cancellationToken: cancellationToken);
                }

                if (revision is not null)
                {
                    await history.InsertAsync(revision, cancellationToken: cancellationToken);
                }

                changed++;
            }

            return changed;
        }
    }
}
