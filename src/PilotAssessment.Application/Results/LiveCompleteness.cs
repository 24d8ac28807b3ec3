using PilotAssessment.Data;
using PilotAssessment.DataEntry;

namespace PilotAssessment.Results;

/// <summary>
/// Each city's count of reported lines of a period, kept per host under its <see cref="CityChangeStamp"/>
/// (<see cref="LiveResultCache"/>): a request reads the period's stamps and counts (one GROUP BY) only the cities whose
/// stamp moved since their count was kept, so its cost follows the cities that changed, not the period's lines.
/// </summary>
public sealed class LiveCompleteness(IRepository<EntryLine> lines, CityChangeStampStore changeStamps, LiveResultCache cache, IDataFilter dataFilter)
{
    /// <param name="expected">The indicators a city enters itself; <paramref name="scheme"/> identifies the scheme they come from.</param>
    public async Task<Dictionary<Guid, int>> ReportedByCityAsync(Guid periodId, IReadOnlyCollection<Guid> cityIds, IReadOnlyList<string> expected, string scheme, CancellationToken cancellationToken = default)
    {
        using var _ = dataFilter.Disable<IMultiTenant>();

        // Read before the lines: a save committed meanwhile leaves a count older than its stamp, counted again next time.
        var stamps = await changeStamps.ReadAsync([periodId], cancellationToken: cancellationToken);
        var reported = new Dictionary<Guid, int>();
        var changed = new Dictionary<Guid, string>();
        foreach (var city in cityIds)
        {
            var key = $"{scheme}\u001f{stamps.GetValueOrDefault((periodId, city))}";
            if (cache.TryGetReported(periodId, city, key, out var count))
            {
                reported[city] = count;
            }
            else
            {
                changed[city] = key;
            }
        }

        if (changed.Count == 0)
        {
            return reported;
        }

        // One row per changed city: the database counts the reported lines (GROUP BY), no line is loaded.
        var cities = changed.Keys.Select(c => (Guid?)c).ToList();
        var counts = (await lines.ToListAsync(
                lines.QueryReadOnly()
                    .Where(l => l.PeriodId == periodId && cities.Contains(l.TenantId) && expected.Contains(l.IndicatorCode))
                    .Where(ReportedEntryLines.Predicate)
                    .GroupBy(l => l.TenantId)
                    .Select(g => new { CityId = g.Key, Count = g.Count() }),
                cancellationToken))
            .Where(c => c.CityId != null)
            .ToDictionary(c => c.CityId!.Value, c => c.Count);
        foreach (var (city, key) in changed)
        {
            var count = counts.GetValueOrDefault(city);
            cache.SetReported(periodId, city, key, count);
            reported[city] = count;
        }

        return reported;
    }
}
