using AutoMapper.QueryableExtensions;
using Shouldly;
using Xunit;

namespace PilotAssessment.Periods;

public sealed class PeriodsAutoMapperProfile_Tests
{
    // As EF Core reads them back: stored in UTC, no kind.
    private static readonly DateTime Opens = new(2026, 3, 31, 16, 0, 0, DateTimeKind.Unspecified);
    private static readonly DateTime Closes = new(2026, 4, 30, 15, 30, 0, DateTimeKind.Unspecified);

    [Fact]
    public void Should_Map_A_Period_With_Utc_Instants_Their_Beijing_Wall_Clock_Text_And_Names_Of_Kind_And_Status()
    {
        var period = new AssessmentPeriod(Guid.NewGuid(), Guid.NewGuid(), "2026年第1季度", PeriodKind.Quarterly, 2026, 1, Opens, Closes);

        var dto = ApplicationMapper.Mapper.Map<PeriodDto>(period);

        dto.Id.ShouldBe(period.Id);
        dto.SchemeId.ShouldBe(period.SchemeId);
        dto.Kind.ShouldBe(nameof(PeriodKind.Quarterly));
        dto.Status.ShouldBe(nameof(PeriodStatus.Planned));
        dto.EntryOpensAt.Kind.ShouldBe(DateTimeKind.Utc);
        dto.EntryOpensAt.ShouldBe(Opens);
        dto.EntryOpensAtLocal.ShouldBe("2026-04-01T00:00");
        dto.EntryClosesAtLocal.ShouldBe("2026-04-30T23:30");
        dto.ConcurrencyStamp.ShouldBe(period.ConcurrencyStamp);
    }

    [Fact]
    public void Should_Project_A_Period_List_Like_The_Single_Map()
    {
        var period = new AssessmentPeriod(Guid.NewGuid(), Guid.NewGuid(), "2026年度", PeriodKind.Annual, 2026, 1, Opens, Closes);

        var dto = new[] { period }.AsQueryable().ProjectTo<PeriodDto>(ApplicationMapper.Mapper.ConfigurationProvider).Single();

        dto.Kind.ShouldBe(nameof(PeriodKind.Annual));
        dto.EntryClosesAt.Kind.ShouldBe(DateTimeKind.Utc);
        dto.EntryClosesAtLocal.ShouldBe("2026-04-30T23:30");
    }

    [Fact]
    public void Should_Map_A_Lock_Exception_Deadline_In_Utc_And_Beijing_Time()
    {
        var exception = new PeriodLockException(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), null, "补报", Closes);

        var dto = new[] { exception }.AsQueryable().ProjectTo<LockExceptionDto>(ApplicationMapper.Mapper.ConfigurationProvider).Single();

        dto.CityId.ShouldBe(exception.CityId);
        dto.Reason.ShouldBe("补报");
        dto.Deadline.Kind.ShouldBe(DateTimeKind.Utc);
        dto.DeadlineLocal.ShouldBe("2026-04-30T23:30");
    }

    [Fact]
    public void Should_Map_A_Notification()
    {
        var notification = new Notification(Guid.NewGuid(), null, Guid.NewGuid(), "entry-reminder:x", "提醒", "正文");

        var dto = ApplicationMapper.Mapper.Map<NotificationDto>(notification);

        dto.Id.ShouldBe(notification.Id);
        (dto.Key, dto.Title, dto.Body, dto.ReadTime).ShouldBe(("entry-reminder:x", "提醒", "正文", (DateTime?)null));
    }
}
