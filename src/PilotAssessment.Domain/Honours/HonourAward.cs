using PilotAssessment.Entities;
using PilotAssessment.ExceptionHandling;

namespace PilotAssessment.Honours;

/// <summary>
/// An honour a city was awarded under a rule, with the annual periods (years) that earned it. Revoked with a reason
/// and by whom, never deleted: a revoked award stays readable beside the one that may replace it.
/// </summary>
public class HonourAward : Entity, IMultiTenant, IHasCreationTime
{
    private HonourAward()
    {
        Name = Key = string.Empty;
    }

    public HonourAward(Guid id, Guid cityId, HonourRule rule, EarnedHonour earned, DateTime now)
        : base(id)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(earned);
        TenantId = cityId;
        RuleId = rule.Id;
        Name = rule.Name;
        NameEn = rule.NameEn;
        Key = earned.Key;
        AwardedTime = now;
        Earn(earned);
    }

    /// <summary>The city awarded.</summary>
    public Guid? TenantId { get; set; }

    public Guid RuleId { get; private set; }

    /// <summary>The rule's name when awarded.</summary>
    public string Name { get; private set; }

    public string? NameEn { get; private set; }

    /// <summary>Which of the rule's honours this is (<see cref="EarnedHonour.Key"/>).</summary>
    public string Key { get; private set; }

    /// <summary>The stars of a 星级 rule's award; 0 otherwise.</summary>
    public int Stars { get; private set; }

    public List<Guid> PeriodIds { get; private set; } = [];

    public List<int> Years { get; private set; } = [];

    public DateTime AwardedTime { get; private set; }

    public DateTime? RevokedTime { get; private set; }

    public string? RevokeReason { get; private set; }

    public HonourRevocationKind? RevocationKind { get; private set; }

    public Guid? RevokedById { get; private set; }

    public string? RevokedByName { get; private set; }

    public DateTime CreationTime { get; set; }

    public Guid? CreatorId { get; set; }

    public bool IsActive => RevokedTime is null;

    /// <exception cref="BusinessException">Already revoked, or no reason (400 on <c>reason</c>).</exception>
    public void Revoke(HonourRevocationKind kind, string? reason, Guid? byId, string? byName, DateTime now)
    {
        if (!IsActive)
        {
            throw new BusinessException(HonourErrorCodes.AlreadyRevoked, Name);
        }

        var trimmed = reason?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new BusinessException(HonourErrorCodes.ReasonRequired).WithError("reason", HonourErrorCodes.ReasonRequired);
        }

        RevokedTime = now;
        RevokeReason = trimmed.Length > HonourConsts.MaxReasonLength ? trimmed[..HonourConsts.MaxReasonLength] : trimmed;
        RevocationKind = kind;
        RevokedById = byId;
        RevokedByName = byName;
    }

    /// <summary>The periods that earn it now (a 星级 award keeps its stars while they shift).</summary>
    public void Earn(EarnedHonour earned)
    {
        ArgumentNullException.ThrowIfNull(earned);
        Stars = earned.Stars;
        if (!PeriodIds.SequenceEqual(earned.PeriodIds))
        {
            PeriodIds = [.. earned.PeriodIds];
        }

        if (!Years.SequenceEqual(earned.Years))
        {
            Years = [.. earned.Years];
        }
    }
}

/// <summary>Who re-evaluates and why: a revocation by the re-evaluation carries this reason and person.</summary>
public sealed record HonourEvaluationContext(string Reason, Guid? ById, string? ByName, DateTime Now);

/// <summary>
/// Brings a city's awards of one rule in line with what it has earned: an award no longer earned is revoked with the
/// context's reason, a newly earned one is awarded, a held one keeps its identity. An award revoked by hand is not
/// awarded again by a re-evaluation; one revoked because it was no longer earned is, once it is earned again.
/// </summary>
public static class HonourReconciliation
{
    /// <returns>The new awards (the caller inserts them); the existing ones are changed in place.</returns>
    public static List<HonourAward> Apply(
        HonourRule rule,
        Guid cityId,
        IReadOnlyList<EarnedHonour> earned,
        IReadOnlyCollection<HonourAward> existing,
        HonourEvaluationContext context)
    {
        ArgumentNullException.ThrowIfNull(rule);
        ArgumentNullException.ThrowIfNull(earned);
        ArgumentNullException.ThrowIfNull(existing);
        ArgumentNullException.ThrowIfNull(context);
        var mine = existing.Where(a => a.RuleId == rule.Id && a.TenantId == cityId).ToList();
        var byKey = earned.ToDictionary(e => e.Key);
        foreach (var award in mine.Where(a => a.IsActive))
        {
            if (byKey.Remove(award.Key, out var still))
            {
                award.Earn(still);
            }
            else
            {
                award.Revoke(HonourRevocationKind.NoLongerEarned, context.Reason, context.ById, context.ByName, context.Now);
            }
        }

        var revokedByHand = mine.Where(a => a.RevocationKind == HonourRevocationKind.Manual).Select(a => a.Key).ToHashSet();
        return earned
            .Where(e => byKey.ContainsKey(e.Key) && !revokedByHand.Contains(e.Key))
            .Select(e => new HonourAward(SequentialGuid.Next(), cityId, rule, e, context.Now))
            .ToList();
    }
}
