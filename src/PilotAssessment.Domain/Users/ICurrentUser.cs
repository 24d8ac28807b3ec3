namespace PilotAssessment.Users;

public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid? Id { get; }

    string? UserName { get; }

    /// <summary>The tenant the user belongs to (null for a host user), which may differ from the current tenant.</summary>
    Guid? TenantId { get; }

    IReadOnlyList<string> Roles { get; }
}
