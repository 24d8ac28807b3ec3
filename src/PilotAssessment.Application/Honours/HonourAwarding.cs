using Microsoft.Extensions.Localization;
using PilotAssessment.Localization;
using PilotAssessment.Periods;
using PilotAssessment.Users;

namespace PilotAssessment.Honours;

/// <summary>
/// Where results change, honours follow: a final annual period awards every city of its series; a retroactive veto
/// or a withdrawn approval in a final annual period re-evaluates that city and revokes with the change's reason.
/// </summary>
public sealed class HonourAwarding(
    HonourAwardingService service,
    ICurrentUser currentUser,
    TimeProvider clock,
    IStringLocalizer<PilotAssessmentResource> localizer)
{
    /// <summary>The period has just been made final (in this unit of work).</summary>
    public async Task<HonourChanges?> OnFinalisedAsync(AssessmentPeriod period)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (!HonourAwardingService.Counts(period) || await service.SeriesOfAsync(period) is not { } series)
        {
            return null;
        }

        return await service.EvaluateAsync(series, null, Context(localizer["Honours:Finalised", period.Name]), finalised: period);
    }

    /// <summary>One city's result of the period changed for <paramref name="reason"/> (already saved).</summary>
    public async Task<HonourChanges?> OnCityResultChangedAsync(AssessmentPeriod period, Guid cityId, string reason)
    {
        ArgumentNullException.ThrowIfNull(period);
        if (!HonourAwardingService.Counts(period) || await service.SeriesOfAsync(period) is not { } series)
        {
            return null;
        }

        return await service.EvaluateAsync(series, [cityId], Context(reason));
    }

    /// <summary>A rule was created or changed: every city of its series.</summary>
    public Task<HonourChanges> OnRuleChangedAsync(HonourRule rule, string reason) =>
        service.EvaluateAsync(rule.SeriesName, null, Context(reason), onlyRule: rule);

    private HonourEvaluationContext Context(string reason) =>
        new(reason, currentUser.Id, currentUser.UserName, clock.GetUtcNow().UtcDateTime);
}
