using AutoMapper;
using PilotAssessment.Auditing;
using PilotAssessment.Tenants;

namespace PilotAssessment;

public sealed class PilotAssessmentApplicationAutoMapperProfile : Profile
{
    public PilotAssessmentApplicationAutoMapperProfile()
    {
        CreateMap<Tenant, TenantDto>();
        CreateMap<EntityPropertyChange, EntityPropertyChangeDto>();
        CreateMap<EntityChange, EntityChangeDto>()
            .ForCtorParam(nameof(EntityChangeDto.ChangeType), o => o.MapFrom(c => c.ChangeType.ToString()));
        CreateMap<AuditLog, AuditLogDto>()
            .ForCtorParam(nameof(AuditLogDto.EntityChanges), o => o.MapFrom(_ => new List<EntityChangeDto>()));
    }
}
