using PilotAssessment.Data;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Repositories;

namespace PilotAssessment.Agreements;

/// <summary>The city-specific targets that override the scheme's when a city is scored.</summary>
public interface IAgreementTargetProvider
{
    /// <summary>Indicator code → target, from the latest version in force of the city's agreement for the year (empty when none).</summary>
    Task<Dictionary<string, decimal>> GetTargetOverridesAsync(Guid cityId, int year, CancellationToken cancellationToken = default);
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

        var latest = inForce.OrderByDescending(a => a.Version).ThenByDescending(a => a.InForceTime).FirstOrDefault();
        return latest is null
            ? []
            : latest.Content.Lines.Where(l => !l.IsExtra && l.Target is not null).ToDictionary(l => l.Code, l => l.Target!.Value);
    }
}
