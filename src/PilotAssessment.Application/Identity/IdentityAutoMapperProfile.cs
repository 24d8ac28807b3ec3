namespace PilotAssessment.Identity;

public sealed class IdentityAutoMapperProfile : Profile
{
    public IdentityAutoMapperProfile()
    {
        // Role and unit names come from their own tables in a query each; the service puts them in afterwards.
        CreateMap<AppUser, UserDto>()
            .ForCtorParam(nameof(UserDto.LockoutEnd), o => o.MapFrom(u => u.LockoutEnd.HasValue ? u.LockoutEnd.Value.UtcDateTime : (DateTime?)null))
            .ForCtorParam(nameof(UserDto.RoleNames), o => o.MapFrom(_ => Array.Empty<string>()))
            .ForCtorParam(nameof(UserDto.UnitNames), o => o.MapFrom(_ => Array.Empty<string>()));

        // A static role's display name is a localized text; the service replaces the name with it afterwards.
        CreateMap<AppRole, RoleDto>()
            .ForCtorParam(nameof(RoleDto.DisplayName), o => o.MapFrom(r => r.Name));
    }
}
