namespace PilotAssessment.Identity;

/// <summary>Queries over Identity's join tables, which are not aggregates of their own.</summary>
public interface IIdentityUserRepository
{
    /// <summary>Role names of each given user, in one query.</summary>
    Task<Dictionary<Guid, List<string>>> GetRoleNamesAsync(IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default);

    /// <summary>Ids of the current tenant's users holding the role.</summary>
    Task<List<Guid>> GetUserIdsInRoleAsync(string roleName, CancellationToken cancellationToken = default);
}
