using PilotAssessment.Tenants;

namespace PilotAssessment.Account;

public sealed class AccountAutoMapperProfile : Profile
{
    public AccountAutoMapperProfile()
    {
        // The sign-in page's list of cities.
        CreateMap<Tenant, TenantLookupDto>();
    }
}
