using PilotAssessment.Agreements;
using PilotAssessment.OrganizationUnits;
using PilotAssessment.Periods;
using PilotAssessment.Users;

namespace PilotAssessment.DataEntry;

/// <summary>
/// Which lines of a period the current user may read and write, and the unit each line belongs to. The unit of a
/// line is the one its agreement line is handed to (the city's agreement in force for the period's year), never one
/// named by a request. A line handed to a unit is for that unit's members; the other lines are for users of no unit;
/// the city administrator (<see cref="PilotAssessmentPermissions.DataEntry.Submit"/>) and the province see all.
/// </summary>
public sealed class EntryLineScope(IReadOnlyDictionary<string, Guid> assignments, IReadOnlySet<Guid>? userUnits)
{
    /// <summary>Null: the whole city.</summary>
    public IReadOnlySet<Guid>? UserUnits { get; } = userUnits;

    public Guid? UnitOf(string indicatorCode) => assignments.TryGetValue(indicatorCode, out var unit) ? unit : null;

    public bool MayAccess(string indicatorCode) =>
        UserUnits is null || (UnitOf(indicatorCode) is { } unit ? UserUnits.Contains(unit) : UserUnits.Count == 0);

    /// <summary>Another unit's line is answered as if it did not exist, like another city's.</summary>
    public void EnsureAccess(string indicatorCode, object id)
    {
        if (!MayAccess(indicatorCode))
        {
            throw new EntityNotFoundException(typeof(EntryLine), id);
        }
    }
}

/// <summary>Builds the <see cref="EntryLineScope"/> of the current user in the current city (two queries).</summary>
public sealed class EntryLineAccess(
    IRepository<Agreement> agreements,
    IRepository<UnitMember> members,
    ICurrentUser currentUser,
    IPermissionChecker permissions)
{
    public async Task<EntryLineScope> ForAsync(AssessmentPeriod period)
    {
        var agreement = await agreements.FirstOrDefaultAsync(agreements.QueryReadOnly()
            .Where(a => a.Year == period.Year && a.Status == AgreementStatus.InForce)
            .OrderByDescending(a => a.Version));
        var assignments = agreement?.Content.Lines
            .Where(l => l.AssignedUnitId is not null)
            .GroupBy(l => l.Code)
            .ToDictionary(g => g.Key, g => g.First().AssignedUnitId!.Value) ?? [];
        if (currentUser.TenantId is null || await permissions.IsGrantedAsync(PilotAssessmentPermissions.DataEntry.Submit))
        {
            return new EntryLineScope(assignments, null);
        }

        var userId = currentUser.Id;
        var units = await members.ToListAsync(members.QueryReadOnly().Where(m => m.UserId == userId).Select(m => m.UnitId));
        return new EntryLineScope(assignments, units.ToHashSet());
    }
}
