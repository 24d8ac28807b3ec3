using System.Globalization;
using Microsoft.AspNetCore.Identity;
using PilotAssessment.Authorization;
using PilotAssessment.Identity;
using PilotAssessment.Localization;
using PilotAssessment.Tenants;
using PilotAssessment.Users;

namespace PilotAssessment.ApplicationConfiguration;

/// <summary>What a client needs at start-up: who is signed in, in which city, what they may do, and in which language.
/// The interface texts are the client's own (docs/adr/0012); messages of errors come localized in ProblemDetails.</summary>
[AllowAnonymousCall]
public sealed class ApplicationConfigurationAppService(
    ApplicationServiceContext context,
    ICurrentPrincipalAccessor principalAccessor,
    IPermissionChecker permissionChecker,
    IPermissionDefinitionManager definitions,
    IRepository<Tenant> tenants,
    UserManager<AppUser> userManager,
    IMapper mapper) : PilotAssessmentAppService(context), IApplicationConfigurationAppService
{
    public async Task<ApplicationConfigurationDto> GetAsync()
    {
        var granted = await permissionChecker.GetGrantedAsync(principalAccessor.Principal);
        var policies = definitions.All.Where(d => granted.Contains(d.Name)).ToDictionary(d => d.Name, _ => true);

        string? name = null;
        if (CurrentUser.IsAuthenticated)
        {
            using (CurrentTenant.Change(CurrentUser.TenantId))
            {
                name = (await userManager.FindByIdAsync(CurrentUser.Id!.Value.ToString()))?.Name;
            }
        }

        var tenant = CurrentTenant.Id is null ? null : await tenants.FindAsync(CurrentTenant.Id.Value);
        var culture = JsonStringLocalizer.ResolveCultureName(CultureInfo.CurrentUICulture);

        return new ApplicationConfigurationDto(
            new CurrentUserDto(CurrentUser.IsAuthenticated, CurrentUser.Id, CurrentUser.UserName, name, CurrentUser.TenantId, CurrentUser.Roles),
            tenant is null ? new CurrentTenantDto(null, null, null, false) : mapper.Map<CurrentTenantDto>(tenant),
            new AuthConfigurationDto(policies),
            new LocalizationConfigurationDto(
                culture,
                [new LanguageDto("zh-Hans", "简体中文"), new LanguageDto("en", "English")]));
    }
}
