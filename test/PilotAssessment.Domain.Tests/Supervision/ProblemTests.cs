using PilotAssessment.ExceptionHandling;
using Shouldly;
using Xunit;

namespace PilotAssessment.Supervision;

public class ProblemTests
{
    private static readonly Guid City = Guid.NewGuid();
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly DateTime Now = new(2026, 6, 1, 2, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime Deadline = new(2026, 6, 30, 15, 59, 59, DateTimeKind.Utc);

    private static Problem NewProblem(Guid? city = null) =>
        new(Guid.NewGuid(), city ?? City, "  矛盾纠纷排查台账不全  ", "  三个街道未建台账 ", " 基层治理 ", ProblemSeverity.Major, Deadline, ProblemSource.Round);

    private static Problem InState(ProblemStatus status)
    {
        var problem = NewProblem();
        if (status == ProblemStatus.Assigned)
        {
            return problem;
        }

        problem.HandTo(Police, null);
        if (status == ProblemStatus.Rectifying)
        {
            return problem;
        }

        problem.ReportRectification("已补建台账", 1, Now);
        if (status == ProblemStatus.AwaitingVerification)
        {
            return problem;
        }

        problem.Close(null, Now);
        return problem;
    }

    [Fact]
    public void Should_Start_Assigned_With_Trimmed_Texts_In_Its_City()
    {
        var problem = NewProblem();

        problem.Status.ShouldBe(ProblemStatus.Assigned);
        problem.TenantId.ShouldBe(City);
        problem.Title.ShouldBe("矛盾纠纷排查台账不全");
        problem.Description.ShouldBe("三个街道未建台账");
        problem.Category.ShouldBe("基层治理");
        problem.IsOpen.ShouldBeTrue();
        var assigned = problem.Assigned();
        assigned.Kind.ShouldBe(ProblemEventKind.Assigned);
        assigned.ToStatus.ShouldBe(ProblemStatus.Assigned);
        assigned.TenantId.ShouldBe(City);
        assigned.ProblemId.ShouldBe(problem.Id);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Should_Refuse_A_Problem_Without_Title(string title)
    {
        var error = Should.Throw<BusinessException>(() => new Problem(Guid.NewGuid(), City, title, null, null, ProblemSeverity.Normal, Deadline, ProblemSource.Other));

        error.Code.ShouldBe(SupervisionErrorCodes.TitleRequired);
        error.Errors["Title"].AsText().ShouldBe([$"{SupervisionErrorCodes.TitleRequired}|{SupervisionConsts.MaxTitleLength}"]);
    }

    [Fact]
    public void Should_Refuse_A_Problem_Without_Deadline_Or_With_Too_Long_A_Description()
    {
        Should.Throw<BusinessException>(() => new Problem(Guid.NewGuid(), City, "x", null, null, ProblemSeverity.Normal, default, ProblemSource.Other))
            .Errors["Deadline"].AsText().ShouldBe([SupervisionErrorCodes.DeadlineRequired]);
        Should.Throw<BusinessException>(() => new Problem(Guid.NewGuid(), City, "x", new string('长', SupervisionConsts.MaxTextLength + 1), null, ProblemSeverity.Normal, Deadline, ProblemSource.Other))
            .Errors["Description"].AsText().ShouldBe([$"{SupervisionErrorCodes.TextTooLong}|{SupervisionConsts.MaxTextLength}"]);
    }

    [Fact]
    public void Should_Go_From_Assigned_Through_Rectifying_And_Awaiting_Verification_To_Closed()
    {
        var problem = NewProblem();

        var handed = problem.HandTo(Police, " 请公安局牵头 ");
        handed.FromStatus.ShouldBe(ProblemStatus.Assigned);
        handed.ToStatus.ShouldBe(ProblemStatus.Rectifying);
        handed.UnitId.ShouldBe(Police);
        handed.Note.ShouldBe("请公安局牵头");
        problem.Status.ShouldBe(ProblemStatus.Rectifying);
        problem.UnitId.ShouldBe(Police);

        var reported = problem.ReportRectification(" 已补建台账 ", 1, Now);
        reported.Kind.ShouldBe(ProblemEventKind.Reported);
        reported.ToStatus.ShouldBe(ProblemStatus.AwaitingVerification);
        problem.RectificationNote.ShouldBe("已补建台账");
        problem.ReportedTime.ShouldBe(Now);

        var closed = problem.Close("核验属实", Now.AddDays(1));
        closed.Kind.ShouldBe(ProblemEventKind.Closed);
        closed.FromStatus.ShouldBe(ProblemStatus.AwaitingVerification);
        problem.Status.ShouldBe(ProblemStatus.Closed);
        problem.ClosedTime.ShouldBe(Now.AddDays(1));
        problem.IsOpen.ShouldBeFalse();
    }

    [Fact]
    public void Should_Send_A_Rectification_Back_With_Its_Reason_And_Accept_A_New_Report()
    {
        var problem = InState(ProblemStatus.AwaitingVerification);

        var rejected = problem.Reject("  佐证材料不能证明已整改  ");

        rejected.Kind.ShouldBe(ProblemEventKind.Rejected);
        rejected.ToStatus.ShouldBe(ProblemStatus.Rectifying);
        problem.Status.ShouldBe(ProblemStatus.Rectifying);
        problem.RejectReason.ShouldBe("佐证材料不能证明已整改");
        problem.ReportRectification("补充了现场照片", 2, Now);
        problem.Close(null, Now);
        problem.RejectReason.ShouldBeNull();
    }

    [Fact]
    public void Should_Let_The_City_Hand_A_Problem_To_Another_Unit_While_Rectifying()
    {
        var problem = InState(ProblemStatus.Rectifying);
        var justice = Guid.NewGuid();

        var handed = problem.HandTo(justice, null);

        handed.FromStatus.ShouldBe(ProblemStatus.Rectifying);
        problem.UnitId.ShouldBe(justice);
        problem.Status.ShouldBe(ProblemStatus.Rectifying);
    }

    [Theory]
    [InlineData(ProblemStatus.AwaitingVerification)]
    [InlineData(ProblemStatus.Closed)]
    public void Should_Refuse_Handing_On_A_Problem_Already_Reported_Or_Closed(ProblemStatus status)
    {
        var problem = InState(status);

        var error = Should.Throw<BusinessException>(() => problem.HandTo(Police, null));

        error.Code.ShouldBe(SupervisionErrorCodes.IllegalTransition);
        error.Errors["Status"].AsText().ShouldBe([$"{SupervisionErrorCodes.IllegalTransition}|{status}|{ProblemStatus.Rectifying}"]);
        problem.Status.ShouldBe(status);
    }

    [Theory]
    [InlineData(ProblemStatus.Assigned)]
    [InlineData(ProblemStatus.AwaitingVerification)]
    [InlineData(ProblemStatus.Closed)]
    public void Should_Refuse_A_Report_Unless_Rectifying(ProblemStatus status)
    {
        var problem = InState(status);

        var error = Should.Throw<BusinessException>(() => problem.ReportRectification("已整改", 1, Now));

        error.Errors["Status"].AsText().ShouldBe([$"{SupervisionErrorCodes.IllegalTransition}|{status}|{ProblemStatus.AwaitingVerification}"]);
        problem.Status.ShouldBe(status);
    }

    [Fact]
    public void Should_Refuse_A_Report_Without_Note_Or_Without_Evidence()
    {
        var problem = InState(ProblemStatus.Rectifying);

        Should.Throw<BusinessException>(() => problem.ReportRectification("  ", 1, Now)).Errors["note"].AsText().ShouldBe([SupervisionErrorCodes.NoteRequired]);
        Should.Throw<BusinessException>(() => problem.ReportRectification("已整改", 0, Now)).Errors["file"].AsText().ShouldBe([SupervisionErrorCodes.EvidenceRequired]);
        problem.Status.ShouldBe(ProblemStatus.Rectifying);
    }

    [Theory]
    [InlineData(ProblemStatus.Assigned)]
    [InlineData(ProblemStatus.Rectifying)]
    [InlineData(ProblemStatus.Closed)]
    public void Should_Refuse_Closing_Or_Rejecting_Unless_Awaiting_Verification(ProblemStatus status)
    {
        var problem = InState(status);

        Should.Throw<BusinessException>(() => problem.Close(null, Now)).Errors["Status"].AsText().ShouldBe([$"{SupervisionErrorCodes.IllegalTransition}|{status}|{ProblemStatus.Closed}"]);
        Should.Throw<BusinessException>(() => problem.Reject("理由")).Errors["Status"].AsText().ShouldBe([$"{SupervisionErrorCodes.IllegalTransition}|{status}|{ProblemStatus.Rectifying}"]);
        problem.Status.ShouldBe(status);
    }

    [Fact]
    public void Should_Refuse_Rejecting_Without_A_Reason()
    {
        var problem = InState(ProblemStatus.AwaitingVerification);

        Should.Throw<BusinessException>(() => problem.Reject(" ")).Errors["reason"].AsText().ShouldBe([SupervisionErrorCodes.ReasonRequired]);
        problem.Status.ShouldBe(ProblemStatus.AwaitingVerification);
    }

    [Fact]
    public void Should_Let_Only_The_Province_Name_A_Unit_While_Assigned()
    {
        var problem = NewProblem();
        problem.SuggestUnit(Police);
        problem.UnitId.ShouldBe(Police);
        problem.Status.ShouldBe(ProblemStatus.Assigned);

        problem.HandTo(Police, null);
        Should.Throw<BusinessException>(() => problem.SuggestUnit(null)).Code.ShouldBe(SupervisionErrorCodes.IllegalTransition);
    }

    [Fact]
    public void Should_Mark_An_Open_Problem_Overdue_Once_After_Its_Deadline()
    {
        var problem = InState(ProblemStatus.Rectifying);

        problem.MarkOverdue(Deadline.AddSeconds(-1)).ShouldBeNull();
        problem.IsOverdueAt(Deadline.AddSeconds(1)).ShouldBeTrue();
        var overdue = problem.MarkOverdue(Deadline.AddSeconds(1));
        overdue.ShouldNotBeNull().Kind.ShouldBe(ProblemEventKind.Overdue);
        problem.OverdueTime.ShouldBe(Deadline.AddSeconds(1));
        problem.MarkOverdue(Deadline.AddDays(1)).ShouldBeNull();

        // A new deadline gives a new chance: overdue again only after it.
        problem.Change(problem.Title, problem.Description, problem.Category, problem.Severity, Deadline.AddDays(10));
        problem.OverdueTime.ShouldBeNull();
        problem.MarkOverdue(Deadline.AddDays(1)).ShouldBeNull();
    }

    [Fact]
    public void Should_Never_Mark_A_Closed_Problem_Overdue_Nor_Change_It()
    {
        var problem = InState(ProblemStatus.Closed);

        problem.IsOverdueAt(Deadline.AddDays(5)).ShouldBeFalse();
        problem.MarkOverdue(Deadline.AddDays(5)).ShouldBeNull();
        Should.Throw<BusinessException>(() => problem.Change("新标题", null, null, ProblemSeverity.Normal, Deadline)).Code.ShouldBe(SupervisionErrorCodes.NotEditable);
    }

    [Fact]
    public void Should_Link_A_Problem_Found_Again_To_The_Closed_One_Of_The_Same_City()
    {
        var first = InState(ProblemStatus.Closed);
        var again = NewProblem();

        again.RepeatOf(first);

        again.PreviousProblemId.ShouldBe(first.Id);
        again.IsRepeat.ShouldBeTrue();
    }

    [Fact]
    public void Should_Refuse_A_Repeat_Of_An_Open_Problem_Or_Of_Another_Citys()
    {
        var again = NewProblem();

        Should.Throw<BusinessException>(() => again.RepeatOf(InState(ProblemStatus.Rectifying))).Code.ShouldBe(SupervisionErrorCodes.PreviousNotClosed);
        var other = NewProblem(Guid.NewGuid());
        other.HandTo(Police, null);
        other.ReportRectification("已整改", 1, Now);
        other.Close(null, Now);
        Should.Throw<BusinessException>(() => again.RepeatOf(other)).Code.ShouldBe(SupervisionErrorCodes.UnknownPrevious);
        again.IsRepeat.ShouldBeFalse();
    }

    [Fact]
    public void Should_Take_Evidence_From_The_Province_While_Open_And_From_The_City_Only_While_Rectifying()
    {
        NewProblem().AddEvidence(ProblemEvidenceStage.Finding, "现场照片.jpg").Kind.ShouldBe(ProblemEventKind.EvidenceAdded);
        Should.Throw<BusinessException>(() => NewProblem().AddEvidence(ProblemEvidenceStage.Rectification, "a.pdf")).Code.ShouldBe(SupervisionErrorCodes.EvidenceNotNow);
        InState(ProblemStatus.Rectifying).AddEvidence(ProblemEvidenceStage.Rectification, "a.pdf").Note.ShouldBe("a.pdf");
        Should.Throw<BusinessException>(() => InState(ProblemStatus.AwaitingVerification).AddEvidence(ProblemEvidenceStage.Rectification, "a.pdf"));
        Should.Throw<BusinessException>(() => InState(ProblemStatus.Closed).AddEvidence(ProblemEvidenceStage.Finding, "a.pdf"));
    }
}

public class SupervisionRoundTests
{
    [Fact]
    public void Should_Keep_Dates_As_Days_And_Refuse_An_End_Before_The_Start()
    {
        var round = new SupervisionRound(Guid.NewGuid(), " 2026年第一轮督导 ", " 2026年上半年 ", new DateTime(2026, 4, 1, 8, 0, 0), new DateTime(2026, 4, 10));
        round.Name.ShouldBe("2026年第一轮督导");
        round.PeriodLabel.ShouldBe("2026年上半年");
        round.StartDate.ShouldBe(new DateTime(2026, 4, 1));

        Should.Throw<BusinessException>(() => round.Change("x", null, new DateTime(2026, 4, 10), new DateTime(2026, 4, 9)))
            .Errors["EndDate"].AsText().ShouldBe([SupervisionErrorCodes.InvalidDates]);
        Should.Throw<BusinessException>(() => round.Change(" ", null, new DateTime(2026, 4, 10), new DateTime(2026, 4, 10)))
            .Errors["Name"].AsText().ShouldBe([$"{SupervisionErrorCodes.NameRequired}|{SupervisionConsts.MaxNameLength}"]);
    }
}
