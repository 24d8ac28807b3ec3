using AutoMapper;
using PilotAssessment.Periods;

namespace PilotAssessment.Appeals;

/// <summary>
/// Appeals and the public notice to their DTOs; times in UTC and in Beijing time. Names, words and what depends on
/// the clock or on other rows (accepts appeals, final, open appeals) are filled by the service.
/// </summary>
public sealed class AppealsAutoMapperProfile : Profile
{
    public AppealsAutoMapperProfile()
    {
        CreateMap<Appeal, AppealDto>()
            .ForMember(d => d.CityId, o => o.MapFrom(s => s.TenantId!.Value))
            .ForMember(d => d.CityName, o => o.Ignore())
            .ForMember(d => d.Target, o => o.Ignore())
            .ForMember(d => d.StatusText, o => o.Ignore())
            .ForMember(d => d.Evidence, o => o.Ignore())
            .ForMember(d => d.Status, o => o.MapFrom(s => s.Status.ToString()))
            .ForMember(d => d.CreationTime, o => o.MapFrom(s => DateTime.SpecifyKind(s.CreationTime, DateTimeKind.Utc)))
            .ForMember(d => d.CreationTimeLocal, o => o.MapFrom(s => ProvinceTime.ToLocal(s.CreationTime).ToString("yyyy-MM-dd HH:mm")))
            .ForMember(d => d.DecidedTime, o => o.MapFrom(s => s.DecidedTime == null ? (DateTime?)null : DateTime.SpecifyKind(s.DecidedTime.Value, DateTimeKind.Utc)))
            .ForMember(d => d.DecidedTimeLocal, o => o.MapFrom(s => s.DecidedTime == null ? null : ProvinceTime.ToLocal(s.DecidedTime.Value).ToString("yyyy-MM-dd HH:mm")));
        CreateMap<AppealEvidence, AppealEvidenceDto>();
        CreateMap<PeriodPublicity, PublicityDto>()
            .ForMember(d => d.Staged, o => o.MapFrom(_ => true))
            .ForMember(d => d.StartsAt, o => o.MapFrom(s => DateTime.SpecifyKind(s.StartsAt, DateTimeKind.Utc)))
            .ForMember(d => d.EndsAt, o => o.MapFrom(s => DateTime.SpecifyKind(s.ClosedTime ?? s.EndsAt, DateTimeKind.Utc)))
            .ForMember(d => d.AcceptsAppeals, o => o.Ignore())
            .ForMember(d => d.Final, o => o.Ignore())
            .ForMember(d => d.OpenAppeals, o => o.Ignore());
    }
}
