using PilotAssessment.Identity;

namespace PilotAssessment.OrganizationUnits;

public sealed class OrganizationUnitAutoMapperProfile : Profile
{
    public OrganizationUnitAutoMapperProfile()
    {
        // Member counts and children are put in by the service: the first from a query of their own, the second by building the tree.
        CreateMap<OrganizationUnit, OrganizationUnitDto>()
            .ForMember(d => d.Kind, o => o.MapFrom(u => u.Kind.ToString()))
            .ForMember(d => d.IsClosed, o => o.MapFrom(u => u.ClosedTime != null))
            .ForMember(d => d.MemberCount, o => o.Ignore())
            .ForMember(d => d.Children, o => o.Ignore());

        CreateMap<AppUser, UnitMemberDto>()
            .ForCtorParam(nameof(UnitMemberDto.UserId), o => o.MapFrom(u => u.Id));
    }
}
