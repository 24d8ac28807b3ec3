using PilotAssessment.DataEntry;
using PilotAssessment.Reviews;
using Shouldly;
using Xunit;

namespace PilotAssessment.Periods;

/// <summary>The one entry rule the entry grid and data feeds share.</summary>
public class EntryWindowPolicyTests
{
    private static readonly DateTime Opens = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Closes = Opens.AddDays(10);
    private static readonly Guid City = Guid.NewGuid();
    private static readonly Guid Unit = Guid.NewGuid();

    private static AssessmentPeriod OpenPeriod()
    {
        var period = new AssessmentPeriod(Guid.NewGuid(), Guid.NewGuid(), "2026年第一季度", PeriodKind.Annual, 2026, 1, Opens, Closes);
        period.Open(Opens);
        return period;
    }

    [Fact]
    public void Should_Admit_A_City_Inside_The_Window()
    {
        EntryWindowPolicy.Refusal(OpenPeriod(), City, null, null, [], Opens.AddDays(1)).ShouldBeNull();
    }

    [Fact]
    public void Should_Refuse_A_Sheet_Under_Review_Even_Inside_The_Window()
    {
        var period = OpenPeriod();
        var submission = new CitySubmission(Guid.NewGuid(), period.Id);
        submission.Submit(null, Opens.AddDays(1));

        EntryWindowPolicy.Refusal(period, City, null, submission, [], Opens.AddDays(2))!.Code.ShouldBe(DataEntryErrorCodes.NotEditable);
    }

    [Fact]
    public void Should_Refuse_After_The_Window_Unless_A_Lock_Exception_Admits_The_Unit()
    {
        var period = OpenPeriod();
        var after = Closes.AddDays(1);
        var forUnit = new PeriodLockException(Guid.NewGuid(), period.Id, City, Unit, "补报", after.AddDays(1));

        EntryWindowPolicy.Refusal(period, City, Unit, null, [], after)!.Code.ShouldBe(DataEntryErrorCodes.WindowClosed);
        EntryWindowPolicy.Refusal(period, City, Unit, null, [forUnit], after).ShouldBeNull();
        EntryWindowPolicy.Refusal(period, City, Guid.NewGuid(), null, [forUnit], after)!.Code.ShouldBe(DataEntryErrorCodes.WindowClosed);
    }

    [Fact]
    public void Should_Tell_A_City_Before_The_Window_When_It_Opens()
    {
        EntryWindowPolicy.Refusal(OpenPeriod(), City, null, null, [], Opens.AddDays(-1))!.Code.ShouldBe(DataEntryErrorCodes.WindowNotOpenYet);
    }
}
