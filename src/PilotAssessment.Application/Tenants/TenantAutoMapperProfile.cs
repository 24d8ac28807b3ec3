namespace PilotAssessment.Tenants;

public sealed class TenantAutoMapperProfile : Profile
{
    public TenantAutoMapperProfile()
    {
        CreateMap<Tenant, TenantDto>();
    }
}
