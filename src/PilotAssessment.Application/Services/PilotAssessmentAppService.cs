using Microsoft.Extensions.Localization;
using PilotAssessment.Data;
using PilotAssessment.Localization;
using PilotAssessment.Users;

namespace PilotAssessment.Services;

/// <summary>What nearly every application service needs, injected once instead of in each constructor.</summary>
public sealed class ApplicationServiceContext(
    ICurrentTenant currentTenant,
    ICurrentUser currentUser,
    IDataFilter dataFilter,
    IStringLocalizer<PilotAssessmentResource> localizer,
    TimeProvider clock)
{
    public ICurrentTenant CurrentTenant { get; } = currentTenant;

    public ICurrentUser CurrentUser { get; } = currentUser;

    public IDataFilter DataFilter { get; } = dataFilter;

    public IStringLocalizer<PilotAssessmentResource> Localizer { get; } = localizer;

    public TimeProvider Clock { get; } = clock;
}

/// <summary>
/// Base of the application services: the province/city helpers in one place. The pipeline around each call (unit of
/// work, declared permission) is applied to the service's interface, not here.
/// </summary>
public abstract class PilotAssessmentAppService(ApplicationServiceContext context) : IApplicationService
{
    protected ICurrentTenant CurrentTenant => context.CurrentTenant;

    protected ICurrentUser CurrentUser => context.CurrentUser;

    protected IDataFilter DataFilter => context.DataFilter;

    protected IStringLocalizer<PilotAssessmentResource> L => context.Localizer;

    protected TimeProvider Clock => context.Clock;

    protected DateTime Now => context.Clock.GetUtcNow().UtcDateTime;

    /// <summary>The caller acts for the province (no current city).</summary>
    protected bool IsHost => context.CurrentTenant.Id is null;

    /// <summary>The province reads every city's rows; a city reads only its own. Dispose to restore.</summary>
    protected IDisposable? ReadAcrossCitiesIfHost() => IsHost ? context.DataFilter.Disable<IMultiTenant>() : null;

    /// <summary>Reads every city's rows whoever the caller is (the caller has already been checked). Dispose to restore.</summary>
    protected IDisposable ReadAcrossCities() => context.DataFilter.Disable<IMultiTenant>();
}
