namespace PilotAssessment.Agreements;

/// <summary>Agreements to their DTOs; statuses and kinds as their names (the API's values, never shown as they are).</summary>
public sealed class AgreementAutoMapperProfile : Profile
{
    public AgreementAutoMapperProfile()
    {
        // The header only: lines, key tasks and lists belong to the detail (AgreementReader.ToDetailAsync). Lists are
        // projected with it (the content column is not read); the city's name is put in by the service.
        CreateMap<Agreement, AgreementDto>()
            .ForMember(d => d.CityId, o => o.MapFrom(a => a.TenantId))
            .ForMember(d => d.Status, o => o.MapFrom(a => a.Status.ToString()))
            .ForMember(d => d.CityName, o => o.Ignore())
            .ForMember(d => d.Lines, o => o.Ignore())
            .ForMember(d => d.KeyTasks, o => o.Ignore())
            .ForMember(d => d.Duties, o => o.Ignore())
            .ForMember(d => d.Prohibitions, o => o.Ignore())
            .ForMember(d => d.Rules, o => o.Ignore());
        CreateMap<Agreement, AgreementVersionDto>();
        CreateMap<AgreementLine, AgreementLineDto>();
        CreateMap<KeyTaskMilestone, KeyTaskMilestoneDto>();
        CreateMap<AgreementKeyTask, AgreementKeyTaskDto>()
            .ForMember(d => d.Percent, o => o.Ignore())
            .ForMember(d => d.IsOverdue, o => o.Ignore())
            .ForMember(d => d.Status, o => o.Ignore());
        CreateMap<AgreementAttachment, AgreementAttachmentDto>();
        CreateMap<KeyTaskProgress, KeyTaskProgressDto>();
    }
}
