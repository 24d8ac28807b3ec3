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
public sealed class EntryLineScope(IReadOnlyDictionary<string, Guid> assignments, IReadOnlySet<Guid>? userUnits, IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>? targets = null)
{
    /// <summary>Null: the whole city.</summary>
    public IReadOnlySet<Guid>? UserUnits { get; } = userUnits;

    /// <summary>
    /// The city's own targets from the same agreement (by city, as scoring takes them; empty without targets), so
    /// scoring its sheet does not read the agreement again. Null when the scope was not built for a city.
    /// </summary>
    public IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>? Targets { get; } = targets;

    /// <summary><see cref="Targets"/> when they are <paramref name="cityId"/>'s, else null (to be read).</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>? TargetsOf(Guid cityId) =>
        Targets is not null && CityId == cityId ? Targets : null;

    /// <summary>The city the scope was built in.</summary>
    public Guid? CityId { get; init; }

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

/// <summary>Builds the <see cref="EntryLineScope"/> of the current user in the current city (two queries: the agreement, the user's units).</summary>
public sealed class EntryLineAccess(
    IRepository<Agreement> agreements,
    IRepository<UnitMember> members,
    AgreementContentCache contents,
    ICurrentUser currentUser,
    ICurrentTenant currentTenant,
    IPermissionChecker permissions)
{
    public async Task<EntryLineScope> ForAsync(AssessmentPeriod period)
    {
        // Read once for both uses: the units its lines are handed to, and the city's targets (AgreementTargetProvider's
        // rule). The heads only; the content comes from the host's copy while the agreement's stamp holds.
        var inForce = await agreements.ToListAsync(agreements.QueryReadOnly()
            .Where(a => a.Year == period.Year && a.Status == AgreementStatus.InForce)
            .Select(a => new { a.Id, a.Version, a.InForceTime, a.ConcurrencyStamp }));
        var head = AgreementTargetProvider.Latest(inForce, a => a.Version, a => a.InForceTime);
        var agreement = head is null ? null : await contents.GetAsync(head.Id, head.ConcurrencyStamp, () =>
            agreements.FirstOrDefaultAsync(agreements.QueryReadOnly().Where(a => a.Id == head.Id).Select(a => a.Content)));
        var assignments = agreement?.Lines
            .Where(l => l.AssignedUnitId is not null)
            .GroupBy(l => l.Code)
            .ToDictionary(g => g.Key, g => g.First().AssignedUnitId!.Value) ?? [];
        IReadOnlyDictionary<Guid, IReadOnlyDictionary<string, decimal>>? targets = currentTenant.Id is { } cityId
            ? agreement is not null && AgreementTargetProvider.TargetsOf(agreement) is { Count: > 0 } own ? new Dictionary<Guid, IReadOnlyDictionary<string, decimal>> { [cityId] = own } : new Dictionary<Guid, IReadOnlyDictionary<string, decimal>>()
            : null;
        if (currentUser.TenantId is null || await permissions.IsGrantedAsync(PilotAssessmentPermissions.DataEntry.Submit))
        {
            return new EntryLineScope(assignments, null, targets) { CityId = currentTenant.Id };
        }

        var userId = currentUser.Id;
        var units = await members.ToListAsync(members.QueryReadOnly().Where(m => m.UserId == userId).Select(m => m.UnitId));
        return new EntryLineScope(assignments, units.ToHashSet(), targets) { CityId = currentTenant.Id };
    }
}
