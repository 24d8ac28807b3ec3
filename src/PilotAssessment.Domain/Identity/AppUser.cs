using Microsoft.AspNetCore.Identity;

namespace PilotAssessment.Identity;

/// <summary>A person who signs in: a host user (TenantId null) or a user of one pilot city.</summary>
public class AppUser : IdentityUser<Guid>, IEntity, IMultiTenant, IFullAudited
{
    public AppUser()
    {
        Id = SequentialGuid.Next();
        LockoutEnabled = true;
    }

    public AppUser(Guid? tenantId, string userName)
        : this()
    {
        TenantId = tenantId;
        UserName = userName;
    }

    public Guid? TenantId { get; set; }

    /// <summary>Full name shown in the UI, e.g. 张伟.</summary>
    public string? Name { get; set; }

    public bool IsActive { get; set; } = true;

    /// <summary>Set for the first administrator of an installation: every call but changing the password is refused until then.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime CreationTime { get; set; }

    public Guid? CreatorId { get; set; }

    public DateTime? LastModificationTime { get; set; }

    public Guid? LastModifierId { get; set; }

    public bool IsDeleted { get; set; }

    public DateTime? DeletionTime { get; set; }

    public Guid? DeleterId { get; set; }
}
