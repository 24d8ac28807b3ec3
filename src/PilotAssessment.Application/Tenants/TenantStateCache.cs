using System.ComponentModel;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;
using PilotAssessment.Data;

namespace PilotAssessment.Tenants;

/// <summary>
/// What resolving a request's city needs of it (its name, active or not), read on every request of a city user,
/// cached briefly (<see cref="HybridCache"/>, docs/adr/0015) and removed when the city is created or changed.
/// </summary>
public sealed class TenantStateCache(HybridCache cache)
{
    /// <summary>Null when there is no such city.</summary>
    public async Task<TenantState?> FindAsync(Guid tenantId, IServiceProvider services)
    {
        var state = await cache.GetOrCreateAsync(Key(tenantId), (tenantId, services), static async (key, cancellationToken) =>
        {
            var tenants = key.services.GetRequiredService<IRepository<Tenant>>();
            return await tenants.FirstOrDefaultAsync(
                tenants.QueryReadOnly().Where(t => t.Id == key.tenantId).Select(t => new TenantState(true, t.Name, t.IsActive)),
                cancellationToken) ?? new TenantState(false, null, false);
        });
        return state.Exists ? state : null;
    }

    public async Task EvictAsync(Guid tenantId) => await cache.RemoveAsync(Key(tenantId));

    private static string Key(Guid tenantId) => "tenant-state:" + tenantId.ToString("N");

    [ImmutableObject(true)]
    public sealed record TenantState(bool Exists, string? Name, bool IsActive);
}
