using AutoMapper;
using PilotAssessment.DataEntry;

namespace PilotAssessment.Reviews;

/// <summary>A city's submission to its DTO; the state as its name. The city's name is filled by the service.</summary>
public sealed class ReviewsAutoMapperProfile : Profile
{
    public ReviewsAutoMapperProfile()
    {
        CreateMap<CitySubmission, SubmissionDto>()
            .ForMember(d => d.CityId, o => o.MapFrom(s => s.TenantId ?? Guid.Empty))
            .ForMember(d => d.CityName, o => o.Ignore())
            .ForMember(d => d.Status, o => o.MapFrom(s => s.Status.ToString()));
    }
}
