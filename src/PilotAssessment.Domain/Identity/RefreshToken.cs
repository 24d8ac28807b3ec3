using PilotAssessment.Entities;
using PilotAssessment.MultiTenancy;

namespace PilotAssessment.Identity;

/// <summary>A refresh token, stored only as its SHA-256 hash. Using one rotates it; a revoked one is refused.</summary>
[PilotAssessment.Auditing.DisableEntityChangeAudit]
public class RefreshToken : Entity, IMultiTenant
{
    private RefreshToken()
    {
    }

    public RefreshToken(Guid? tenantId, Guid userId, string tokenHash, DateTime expiresAt, DateTime createdAt)
    {
        TenantId = tenantId;
        UserId = userId;
        TokenHash = tokenHash;
        ExpiresAt = expiresAt;
        CreatedAt = createdAt;
    }

    public Guid? TenantId { get; set; }

    public Guid UserId { get; private set; }

    public string TokenHash { get; private set; } = default!;

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public bool IsUsable(DateTime now) => RevokedAt is null && ExpiresAt > now;

    public void Revoke(DateTime now) => RevokedAt ??= now;
}
