using Microsoft.AspNetCore.Identity;

namespace PilotAssessment.Identity;

/// <summary>A role of the host or of one pilot city; role names are unique within a tenant.</summary>
public class AppRole : IdentityRole<Guid>, IEntity, IMultiTenant
{
    public AppRole()
    {
        Id = SequentialGuid.Next();
    }

    public AppRole(Guid? tenantId, string name, bool isStatic = false)
        : this()
    {
        TenantId = tenantId;
        Name = name;
        IsStatic = isStatic;
    }

    public Guid? TenantId { get; set; }

    /// <summary>Built-in roles are seeded and cannot be deleted.</summary>
    public bool IsStatic { get; set; }
}
