namespace PilotAssessment.Permissions;

/// <summary>The permission names granted to any of some roles of one tenant (null: the province side).</summary>
public interface IPermissionGrantStore
{
    /// <param name="roles">Distinct role names in ordinal order.</param>
    Task<IReadOnlyList<string>> GetNamesAsync(Guid? tenantId, IReadOnlyList<string> roles);
}

/// <summary>Reads the grants table; the application layer puts a cache in front of it.</summary>
public sealed class PermissionGrantStore(IRepository<PermissionGrant> grants, ICurrentTenant currentTenant) : IPermissionGrantStore
{
    public async Task<IReadOnlyList<string>> GetNamesAsync(Guid? tenantId, IReadOnlyList<string> roles)
    {
        using (currentTenant.Change(tenantId))
        {
            return await grants.ToListAsync(grants.QueryReadOnly().Where(g => roles.Contains(g.RoleName)).Select(g => g.Name).Distinct());
        }
    }
}
