namespace PilotAssessment.Periods;

/// <summary>
/// Periods, lock exceptions and notifications to their DTOs. Instants are stored in UTC and read back without a kind,
/// so they are marked UTC here; the "Local" members are the same instants as Asia/Shanghai wall-clock text. Both are
/// computed by EF Core on the client in the projection's final select.
/// </summary>
public sealed class PeriodsAutoMapperProfile : Profile
{
    private const string LocalFormat = "yyyy-MM-ddTHH:mm";

    public PeriodsAutoMapperProfile()
    {
        CreateMap<AssessmentPeriod, PeriodDto>()
            .ForMember(d => d.Kind, o => o.MapFrom(p => p.Kind.ToString()))
            .ForMember(d => d.Status, o => o.MapFrom(p => p.Status.ToString()))
            .ForMember(d => d.EntryOpensAt, o => o.MapFrom(p => DateTime.SpecifyKind(p.EntryOpensAt, DateTimeKind.Utc)))
            .ForMember(d => d.EntryClosesAt, o => o.MapFrom(p => DateTime.SpecifyKind(p.EntryClosesAt, DateTimeKind.Utc)))
            .ForMember(d => d.EntryOpensAtLocal, o => o.MapFrom(p => ProvinceTime.ToLocal(p.EntryOpensAt).ToString(LocalFormat)))
            .ForMember(d => d.EntryClosesAtLocal, o => o.MapFrom(p => ProvinceTime.ToLocal(p.EntryClosesAt).ToString(LocalFormat)));

        CreateMap<PeriodLockException, LockExceptionDto>()
            .ForMember(d => d.CityId, o => o.MapFrom(e => e.CityId))
            .ForMember(d => d.Deadline, o => o.MapFrom(e => DateTime.SpecifyKind(e.Deadline, DateTimeKind.Utc)))
            .ForMember(d => d.DeadlineLocal, o => o.MapFrom(e => ProvinceTime.ToLocal(e.Deadline).ToString(LocalFormat)));

        CreateMap<Notification, NotificationDto>();
    }
}
