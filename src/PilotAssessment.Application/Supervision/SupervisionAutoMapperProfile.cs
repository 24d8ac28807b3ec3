using AutoMapper;
using PilotAssessment.Periods;

namespace PilotAssessment.Supervision;

/// <summary>Rounds and problems to their DTOs; states and kinds as their names, deadlines as province days. Names are filled by the services.</summary>
public sealed class SupervisionAutoMapperProfile : Profile
{
    public SupervisionAutoMapperProfile()
    {
        CreateMap<Problem, ProblemDto>()
            .ForMember(d => d.CityId, o => o.MapFrom(p => p.TenantId ?? Guid.Empty))
            .ForMember(d => d.CityName, o => o.Ignore())
            .ForMember(d => d.RoundName, o => o.Ignore())
            .ForMember(d => d.UnitName, o => o.Ignore())
            .ForMember(d => d.Deadline, o => o.MapFrom(p => SupervisionDays.ToDay(p.Deadline)))
            .ForMember(d => d.Overdue, o => o.Ignore())
            .ForMember(d => d.Repeat, o => o.MapFrom(p => p.PreviousProblemId != null));
        CreateMap<ProblemEvidence, ProblemEvidenceDto>()
            .ForMember(d => d.Stage, o => o.MapFrom(e => e.Stage.ToString()));
        CreateMap<ProblemEvent, ProblemEventDto>()
            .ForMember(d => d.UnitName, o => o.Ignore())
            .ForMember(d => d.UserId, o => o.MapFrom(e => e.CreatorId))
            .ForMember(d => d.UserName, o => o.Ignore())
            .ForMember(d => d.Time, o => o.MapFrom(e => e.CreationTime));
        CreateMap<SupervisionRound, SupervisionRoundDto>()
            .ForMember(d => d.StartDate, o => o.MapFrom(r => DateOnly.FromDateTime(r.StartDate)))
            .ForMember(d => d.EndDate, o => o.MapFrom(r => DateOnly.FromDateTime(r.EndDate)))
            .ForMember(d => d.Members, o => o.MapFrom(r => r.MemberUserIds))
            .ForMember(d => d.ProblemCount, o => o.Ignore());
        CreateMap<RoundVisit, RoundVisitDto>()
            .ForMember(d => d.CityName, o => o.Ignore())
            .ForMember(d => d.UnitNames, o => o.Ignore());
        CreateMap<Guid, RoundMemberDto>()
            .ForMember(d => d.UserId, o => o.MapFrom(u => u))
            .ForMember(d => d.Name, o => o.Ignore());
    }
}

/// <summary>Deadlines are province days: the problem is due by the end of that day in Beijing time.</summary>
public static class SupervisionDays
{
    /// <summary>The last instant (UTC) of the province day.</summary>
    public static DateTime EndOf(DateOnly day) => ProvinceTime.ToUtc(day.ToDateTime(new TimeOnly(23, 59, 59)));

    public static DateOnly ToDay(DateTime utc) => DateOnly.FromDateTime(ProvinceTime.ToLocal(utc));
}
