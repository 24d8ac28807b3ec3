using PilotAssessment.Data;

namespace PilotAssessment.Agreements;

/// <summary>The city-specific targets that override the scheme's when a city is scored.</summary>
public interface IAgreementTargetProvider
{
    /// <summary>Indicator code → target, from the latest version in force of the city's agreement for the year (empty when none).</summary>
    Task<Dictionary<string, decimal>> GetTargetOverridesAsync(Guid cityId, int year, CancellationToken cancellationToken = default);

    /// <summary>The same for many cities in one query; a city without an agreement in force is absent.</summary>
    Task<Dictionary<Guid, Dictionary<string, decimal>>> GetTargetOverridesAsync(IReadOnlyCollection<Guid> cityIds, int year, CancellationToken cancellationToken = default);
}

public sealed class AgreementTargetProvider(IRepository<Agreement> agreements, ICurrentTenant currentTenant, IDataFilter dataFilter) : IAgreementTargetProvider
{
    public async Task<Dictionary<string, decimal>> GetTargetOverridesAsync(Guid cityId, int year, CancellationToken cancellationToken = default)
    {
        List<Agreement> inForce;
        // Enabled explicitly: a caller reading across cities must still get this city's agreement only.
        using (currentTenant.Change(cityId))
        using (dataFilter.Enable<IMultiTenant>())
        {
            inForce = await agreements.ToListAsync(
                agreements.Query().Where(a => a.Year == year && a.Status == AgreementStatus.InForce), cancellationToken);
        }

        return TargetsOf(inForce) ?? [];
    }

    public async Task<Dictionary<Guid, Dictionary<string, decimal>>> GetTargetOverridesAsync(IReadOnlyCollection<Guid> cityIds, int year, CancellationToken cancellationToken = default)
    {
        if (cityIds.Count == 0)
        {
            return [];
        }

        List<Agreement> inForce;
        // One query for every city (not one per city); the city list keeps it to the cities asked for.
        using (dataFilter.Disable<IMultiTenant>())
        {
            inForce = await agreements.ToListAsync(
                agreements.Query().Where(a => a.Year == year && a.Status == AgreementStatus.InForce && a.TenantId != null && cityIds.Contains(a.TenantId.Value)),
                cancellationToken);
        }

        var result = new Dictionary<Guid, Dictionary<string, decimal>>();
        foreach (var city in inForce.GroupBy(a => a.TenantId!.Value))
        {
            if (TargetsOf(city) is { Count: > 0 } targets)
            {
                result[city.Key] = targets;
            }
        }

        return result;
    }

    /// <summary>The agreement in force among one city's agreements in force for a year: the latest version.</summary>
    public static Agreement? Latest(IEnumerable<Agreement> inForce) => Latest(inForce, a => a.Version, a => a.InForceTime);

    /// <summary><see cref="Latest(IEnumerable{Agreement})"/> among what was read of the agreements (their version and time in force).</summary>
    public static T? Latest<T>(IEnumerable<T> inForce, Func<T, int> version, Func<T, DateTime?> inForceTime) =>
        inForce.OrderByDescending(version).ThenByDescending(inForceTime).FirstOrDefault();

    /// <summary>The targets of the agreement in force among <paramref name="inForce"/> (one city's, one year's).</summary>
    public static Dictionary<string, decimal>? TargetsOf(IEnumerable<Agreement> inForce) => Latest(inForce) is { } agreement ? TargetsOf(agreement.Content) : null;

    /// <summary>The targets an agreement's content sets (its lines of the scheme's indicators with a target).</summary>
    public static Dictionary<string, decimal> TargetsOf(AgreementContent content) =>
        content.Lines.Where(l => !l.IsExtra && l.Target is not null).ToDictionary(l => l.Code, l => l.Target!.Value);
}
