using PilotAssessment.Tenants;

namespace PilotAssessment.ApplicationConfiguration;

public sealed class ApplicationConfigurationAutoMapperProfile : Profile
{
    public ApplicationConfigurationAutoMapperProfile()
    {
        // A deactivated city is still named, but no longer available.
        CreateMap<Tenant, CurrentTenantDto>()
            .ForCtorParam(nameof(CurrentTenantDto.IsAvailable), o => o.MapFrom(t => t.IsActive));
    }
}
