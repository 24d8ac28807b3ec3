using PilotAssessment.Auditing;

namespace PilotAssessment.Results;

/// <summary>
/// A counter per (city, period) raised in the same transaction as every write of the city's inputs of that period
/// (its entry lines, facts and submission), by the database layer's save interceptor and the feed bulk writer. Province
/// views compare it with the stamp their kept row was read under, so they re-read only the cities that changed, on
/// every host at once (the stamp is in the database). Not multi-tenant: the host's saves bump any city's stamp.
/// </summary>
[DisableEntityChangeAudit]
public class CityChangeStamp : Entity
{
    private CityChangeStamp()
    {
    }

    public CityChangeStamp(Guid id, Guid periodId, Guid tenantId, long version)
        : base(id)
    {
        PeriodId = periodId;
        TenantId = tenantId;
        Version = version;
    }

    public Guid PeriodId { get; private set; }

    public Guid TenantId { get; private set; }

    /// <summary>Raised by one on each write; a city without a row has written nothing since stamps were kept (0).</summary>
    public long Version { get; private set; }
}

/// <summary>Reads the change stamps of a period's cities in one query (a row per city, no entry line).</summary>
public sealed class CityChangeStampStore(IRepository<CityChangeStamp> stamps)
{
    /// <summary>Per (period, city): its stamp; a city absent has version 0.</summary>
    /// <param name="onlyCities">These cities' stamps only (a city reading its own); null: every city's.</param>
    public async Task<Dictionary<(Guid PeriodId, Guid CityId), long>> ReadAsync(IReadOnlyCollection<Guid> periodIds, IReadOnlyCollection<Guid>? onlyCities = null, CancellationToken cancellationToken = default)
    {
        var query = stamps.QueryReadOnly().Where(s => periodIds.Contains(s.PeriodId));
        if (onlyCities is not null)
        {
            query = query.Where(s => onlyCities.Contains(s.TenantId));
        }

        var rows = await stamps.ToListAsync(query.Select(s => new { s.PeriodId, s.TenantId, s.Version }), cancellationToken);
        return rows.ToDictionary(r => (r.PeriodId, r.TenantId), r => r.Version);
    }
}
