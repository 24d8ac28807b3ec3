namespace PilotAssessment.Permissions;

/// <summary>A permission granted to a role of one tenant (or of the host).</summary>
public class PermissionGrant : Entity, IMultiTenant
{
    private PermissionGrant()
    {
    }

    public PermissionGrant(Guid? tenantId, string roleName, string name)
    {
        TenantId = tenantId;
        RoleName = roleName;
        Name = name;
    }

    public Guid? TenantId { get; set; }

    public string RoleName { get; private set; } = default!;

    public string Name { get; private set; } = default!;
}
