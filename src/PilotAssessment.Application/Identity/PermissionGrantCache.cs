using System.ComponentModel;
using Microsoft.Extensions.Caching.Hybrid;

namespace PilotAssessment.Identity;

/// <summary>
/// The grants of a tenant's role set, asked for by every authorized request, cached briefly (<see cref="HybridCache"/>:
/// in memory, and in Redis when the hosts share one; the entry lifetime of docs/adr/0015). A change of a tenant's
/// grants removes all of that tenant's entries at once (by tag); another host sees it within its local cache time.
/// </summary>
public sealed class PermissionGrantCache(HybridCache cache)
{
    public async Task<IReadOnlyList<string>> GetOrReadAsync(Guid? tenantId, IReadOnlyList<string> roles, PermissionGrantStore store)
    {
        var key = $"permission-grants:{Tag(tenantId)}:{string.Join(',', roles)}";
        var entry = await cache.GetOrCreateAsync(
            key,
            (tenantId, roles, store),
            static async (state, _) => new Granted(await state.store.GetNamesAsync(state.tenantId, state.roles)),
            tags: [Tag(tenantId)]);
        return entry.Names;
    }

    /// <summary>After any change of the tenant's roles or grants.</summary>
    public async Task EvictAsync(Guid? tenantId) => await cache.RemoveByTagAsync(Tag(tenantId));

    private static string Tag(Guid? tenantId) => "grants-" + (tenantId?.ToString("N") ?? "host");

    /// <summary>Never changed once read, so the memory level hands out the same instance.</summary>
    [ImmutableObject(true)]
    public sealed record Granted(IReadOnlyList<string> Names);
}

/// <summary>The request's grants through <see cref="PermissionGrantCache"/>, the table when not cached.</summary>
public sealed class CachedPermissionGrantStore(PermissionGrantCache cache, PermissionGrantStore store) : IPermissionGrantStore
{
    public Task<IReadOnlyList<string>> GetNamesAsync(Guid? tenantId, IReadOnlyList<string> roles) => cache.GetOrReadAsync(tenantId, roles, store);
}
