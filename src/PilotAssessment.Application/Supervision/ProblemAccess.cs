using PilotAssessment.ExceptionHandling;
using PilotAssessment.MultiTenancy;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Permissions;
using PilotAssessment.Repositories;
using PilotAssessment.Users;

namespace PilotAssessment.Supervision;

/// <summary>
/// Which problems the current user may see, the same way entry lines and agreement lines are scoped: the tenant filter
/// keeps a city to its own problems (the province reads across cities); inside a city, a user who may not hand
/// problems on (<see cref="PilotAssessmentPermissions.Supervision.Assign"/>) sees only those handed to one of their
/// units. Another unit's problem answers 404, like another city's.
/// </summary>
public sealed class ProblemAccess(
    IRepository<UnitMember> members,
    ICurrentTenant currentTenant,
    ICurrentUser currentUser,
    IPermissionChecker permissions)
{
    /// <summary>Null: every problem of the city (or of the province); otherwise the user's units.</summary>
    public async Task<IReadOnlySet<Guid>?> UnitScopeAsync()
    {
        if (currentTenant.Id is null || currentUser.TenantId is null || await permissions.IsGrantedAsync(PilotAssessmentPermissions.Supervision.Assign))
        {
            return null;
        }

        var userId = currentUser.Id;
        return (await members.ToListAsync(members.QueryReadOnly().Where(m => m.UserId == userId).Select(m => m.UnitId))).ToHashSet();
    }

    public static bool MaySee(IReadOnlySet<Guid>? scope, Problem problem) =>
        scope is null || (problem.UnitId is { } unit && scope.Contains(unit));

    public async Task EnsureMaySeeAsync(Problem problem, Guid askedId)
    {
        if (!MaySee(await UnitScopeAsync(), problem))
        {
            throw new EntityNotFoundException(typeof(Problem), askedId);
        }
    }
}
