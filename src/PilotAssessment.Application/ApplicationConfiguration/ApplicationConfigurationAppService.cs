using System.Globalization;
using AutoMapper;
using Microsoft.AspNetCore.Identity;
using PilotAssessment.Authorization;
using PilotAssessment.Identity;
using PilotAssessment.Localization;
using PilotAssessment.MultiTenancy;
using PilotAssessment.Permissions;
using PilotAssessment.Repositories;
using PilotAssessment.Tenants;
using PilotAssessment.Users;

namespace PilotAssessment.ApplicationConfiguration;

/// <summary>What a client needs at start-up: who is signed in, in which city, what they may do, and in which language.
/// The interface texts are the client's own (docs/adr/0012); messages of errors come localized in ProblemDetails.</summary>
[AllowAnonymousCall]
public sealed class ApplicationConfigurationAppService(
    ICurrentUser currentUser,
    ICurrentTenant currentTenant,
    ICurrentPrincipalAccessor principalAccessor,
    IPermissionChecker permissionChecker,
    IPermissionDefinitionManager definitions,
    IRepository<Tenant> tenants,
    UserManager<AppUser> userManager,
    IMapper mapper) : IApplicationConfigurationAppService
{
    public async Task<ApplicationConfigurationDto> GetAsync()
    {
        var granted = await permissionChecker.GetGrantedAsync(principalAccessor.Principal);
        var policies = definitions.All.Where(d => granted.Contains(d.Name)).ToDictionary(d => d.Name, _ => true);

        string? name = null;
        if (currentUser.IsAuthenticated)
        {
            using (currentTenant.Change(currentUser.TenantId))
            {
                name = (await userManager.FindByIdAsync(currentUser.Id!.Value.ToString()))?.Name;
            }
        }

        var tenant = currentTenant.Id is null ? null : await tenants.FindAsync(currentTenant.Id.Value);
        var culture = JsonStringLocalizer.ResolveCultureName(CultureInfo.CurrentUICulture);

        return new ApplicationConfigurationDto(
            new CurrentUserDto(currentUser.IsAuthenticated, currentUser.Id, currentUser.UserName, name, currentUser.TenantId, currentUser.Roles),
            tenant is null ? new CurrentTenantDto(null, null, null, false) : mapper.Map<CurrentTenantDto>(tenant),
            new AuthConfigurationDto(policies),
            new LocalizationConfigurationDto(
                culture,
                [new LanguageDto("zh-Hans", "简体中文"), new LanguageDto("en", "English")]));
    }
}
