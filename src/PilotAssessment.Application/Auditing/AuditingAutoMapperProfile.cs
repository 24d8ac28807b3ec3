namespace PilotAssessment.Auditing;

public sealed class AuditingAutoMapperProfile : Profile
{
    public AuditingAutoMapperProfile()
    {
        CreateMap<EntityPropertyChange, EntityPropertyChangeDto>();
        CreateMap<EntityChange, EntityChangeDto>()
            .ForCtorParam(nameof(EntityChangeDto.ChangeType), o => o.MapFrom(c => c.ChangeType.ToString()));

        // An audit log and its entity changes are read by two queries; the service puts the changes in afterwards.
        CreateMap<AuditLog, AuditLogDto>()
            .ForCtorParam(nameof(AuditLogDto.EntityChanges), o => o.MapFrom(_ => Array.Empty<EntityChangeDto>()))
            .ForMember(d => d.Event, o => o.Ignore())
            .ForMember(d => d.CityName, o => o.Ignore());
    }
}
