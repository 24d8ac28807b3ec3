namespace PilotAssessment.Identity;

/// <summary>
/// A refresh token, stored only as its SHA-256 hash. Using one rotates it: the new token joins the same family
/// (one sign-in). Presenting a revoked token again revokes the whole family (reuse detection); the version is
/// a concurrency token, so two parallel uses of one token cannot both succeed.
/// </summary>
[PilotAssessment.Auditing.DisableEntityChangeAudit]
public class RefreshToken : Entity, IMultiTenant
{
    private RefreshToken()
    {
    }

    public RefreshToken(Guid? tenantId, Guid userId, string tokenHash, DateTime expiresAt, DateTime createdAt, Guid? familyId = null)
    {
        TenantId = tenantId;
        UserId = userId;
        TokenHash = tokenHash;
        ExpiresAt = expiresAt;
        CreatedAt = createdAt;
        FamilyId = familyId ?? Id;
    }

    public Guid? TenantId { get; set; }

    public Guid UserId { get; private set; }

    public string TokenHash { get; private set; } = default!;

    /// <summary>The tokens rotated from one sign-in share the family of its first token.</summary>
    public Guid FamilyId { get; private set; }

    /// <summary>Changes with every revocation; a save from a stale read fails.</summary>
    public Guid Version { get; private set; } = Guid.NewGuid();

    public DateTime CreatedAt { get; private set; }

    public DateTime ExpiresAt { get; private set; }

    public DateTime? RevokedAt { get; private set; }

    public bool IsUsable(DateTime now) => RevokedAt is null && ExpiresAt > now;

    public void Revoke(DateTime now)
    {
        if (RevokedAt is null)
        {
            RevokedAt = now;
            Version = Guid.NewGuid();
        }
    }
}
