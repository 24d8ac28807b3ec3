namespace PilotAssessment.ApplicationConfiguration;

public sealed record ApplicationConfigurationDto(
    CurrentUserDto CurrentUser,
    CurrentTenantDto CurrentTenant,
    AuthConfigurationDto Auth,
    LocalizationConfigurationDto Localization);

public sealed record CurrentUserDto(bool IsAuthenticated, Guid? Id, string? UserName, string? Name, Guid? TenantId, IReadOnlyList<string> Roles);

public sealed record CurrentTenantDto(Guid? Id, string? Name, string? DisplayName, bool IsAvailable);

public sealed record AuthConfigurationDto(IReadOnlyDictionary<string, bool> GrantedPolicies);

public sealed record LanguageDto(string CultureName, string DisplayName);

public sealed record LocalizationConfigurationDto(string CurrentCulture, IReadOnlyList<LanguageDto> Languages);

public interface IApplicationConfigurationAppService : IApplicationService
{
    Task<ApplicationConfigurationDto> GetAsync();
}
