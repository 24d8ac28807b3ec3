using PilotAssessment.ExceptionHandling;
using Shouldly;
using Xunit;

namespace PilotAssessment.Appeals;

/// <summary>The transitions of an appeal and of a public notice (公示), and every one that is refused.</summary>
public class AppealTests
{
    private static readonly DateTime Published = new(2026, 7, 1, 2, 0, 0, DateTimeKind.Utc);

    private static Appeal NewAppeal(string? code = "B04") =>
        new(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, code, code is null ? null : "群众安全感", 2.5m, 4m, "  台账已补充，安全感调查样本有误  ");

    private static string[] Text(List<FieldError> errors) =>
        errors.Select(e => string.Join('|', new[] { e.Code }.Concat(e.Arguments.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture))))).ToArray();

    [Fact]
    public void Should_File_An_Open_Appeal_With_A_Trimmed_Reason()
    {
        var appeal = NewAppeal();

        appeal.Status.ShouldBe(AppealStatus.Open);
        appeal.Reason.ShouldBe("台账已补充，安全感调查样本有误");
        appeal.IsTotal.ShouldBeFalse();
        NewAppeal(null).IsTotal.ShouldBeTrue();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Should_Refuse_An_Appeal_Without_A_Reason(string? reason)
    {
        var error = Should.Throw<BusinessException>(() => new Appeal(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), 1, "B04", "群众安全感", 2, null, reason));

        error.Code.ShouldBe(AppealErrorCodes.ReasonRequired);
        Text(error.Errors["reason"]).ShouldBe([AppealErrorCodes.ReasonRequired]);
    }

    [Fact]
    public void Should_Uphold_With_The_New_Score_And_Record_The_Resulting_Version()
    {
        var appeal = NewAppeal();
        var auditor = Guid.NewGuid();
        var sheetId = Guid.NewGuid();

        appeal.Uphold("B04", 3.5m, 5, " 复核样本后改判 ", auditor, Published.AddDays(1));
        appeal.RecordResult(sheetId, 2);

        appeal.Status.ShouldBe(AppealStatus.Upheld);
        appeal.DecidedScore.ShouldBe(3.5m);
        appeal.DecidedIndicatorCode.ShouldBe("B04");
        appeal.DecisionReason.ShouldBe("复核样本后改判");
        appeal.DeciderId.ShouldBe(auditor);
        appeal.DecidedTime.ShouldBe(Published.AddDays(1));
        (appeal.ResultSheetId, appeal.ResultVersion).ShouldBe((sheetId, 2));
    }

    [Fact]
    public void Should_Reject_With_The_Reason_And_No_Score()
    {
        var appeal = NewAppeal();

        appeal.Reject("调查样本符合方案要求", Guid.NewGuid(), Published.AddDays(1));

        appeal.Status.ShouldBe(AppealStatus.Rejected);
        appeal.DecisionReason.ShouldBe("调查样本符合方案要求");
        appeal.DecidedScore.ShouldBeNull();
        Should.Throw<InvalidOperationException>(() => appeal.RecordResult(Guid.NewGuid(), 2));
    }

    [Fact]
    public void Should_Refuse_A_Decision_Without_A_Reason_And_Keep_The_Appeal_Open()
    {
        var appeal = NewAppeal();

        Should.Throw<BusinessException>(() => appeal.Uphold("B04", 3, 5, " ", null, Published)).Code.ShouldBe(AppealErrorCodes.ReasonRequired);
        Should.Throw<BusinessException>(() => appeal.Reject(null, null, Published)).Code.ShouldBe(AppealErrorCodes.ReasonRequired);
        appeal.Status.ShouldBe(AppealStatus.Open);
    }

    [Theory]
    [InlineData(null, AppealErrorCodes.ScoreRequired, AppealErrorCodes.ScoreRequired)]
    [InlineData(-0.5, AppealErrorCodes.ScoreOutOfRange, AppealErrorCodes.ScoreOutOfRange + "|5")]
    [InlineData(5.5, AppealErrorCodes.ScoreOutOfRange, AppealErrorCodes.ScoreOutOfRange + "|5")]
    public void Should_Refuse_To_Uphold_Without_A_Score_Within_The_Lines_Points(double? score, string code, string field)
    {
        var appeal = NewAppeal();

        var error = Should.Throw<BusinessException>(() => appeal.Uphold("B04", (decimal?)score, 5, "改判", null, Published));

        error.Code.ShouldBe(code);
        Text(error.Errors["score"]).ShouldBe([field]);
        appeal.Status.ShouldBe(AppealStatus.Open);
    }

    [Fact]
    public void Should_Decide_An_Appeal_Only_Once()
    {
        var upheld = NewAppeal();
        upheld.Uphold("B04", 4, 5, "改判", null, Published);
        var rejected = NewAppeal();
        rejected.Reject("维持", null, Published);

        Should.Throw<BusinessException>(() => upheld.Reject("再议", null, Published)).Code.ShouldBe(AppealErrorCodes.AlreadyDecided);
        Should.Throw<BusinessException>(() => upheld.Uphold("B04", 5, 5, "再议", null, Published)).Code.ShouldBe(AppealErrorCodes.AlreadyDecided);
        Should.Throw<BusinessException>(() => rejected.Uphold("B04", 5, 5, "再议", null, Published)).Code.ShouldBe(AppealErrorCodes.AlreadyDecided);
        upheld.DecidedScore.ShouldBe(4);
        rejected.Status.ShouldBe(AppealStatus.Rejected);
    }

    [Fact]
    public void Should_Accept_Appeals_Until_The_Window_Ends_And_Show_The_End_In_Beijing_Time()
    {
        var publicity = new PeriodPublicity(Guid.NewGuid(), Guid.NewGuid(), 5, Published);

        publicity.EndsAt.ShouldBe(Published.AddDays(5));
        publicity.EndsAtLocal.ShouldBe("2026-07-06 10:00");
        publicity.AcceptsAppeals(Published.AddDays(5).AddSeconds(-1)).ShouldBeTrue();
        publicity.AcceptsAppeals(Published.AddDays(5)).ShouldBeFalse();
        var error = Should.Throw<BusinessException>(() => publicity.EnsureAcceptsAppeals(Published.AddDays(6)));
        error.Code.ShouldBe(AppealErrorCodes.WindowEnded);
        error.Arguments.ShouldBe(["2026-07-06 10:00"]);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    public void Should_Refuse_A_Notice_Of_Fewer_Than_One_Or_More_Than_Thirty_Days(int days)
    {
        var error = Should.Throw<BusinessException>(() => new PeriodPublicity(Guid.NewGuid(), Guid.NewGuid(), days, Published));

        error.Code.ShouldBe(AppealErrorCodes.DaysOutOfRange);
        Text(error.Errors["appealDays"]).ShouldBe([$"{AppealErrorCodes.DaysOutOfRange}|1|30"]);
    }

    [Fact]
    public void Should_Refuse_To_Finalize_While_The_Window_Runs_Or_An_Appeal_Is_Open()
    {
        var publicity = new PeriodPublicity(Guid.NewGuid(), Guid.NewGuid(), 5, Published);

        Should.Throw<BusinessException>(() => publicity.EnsureFinalizable(0, Published.AddDays(1))).Code.ShouldBe(AppealErrorCodes.WindowNotEnded);
        var open = Should.Throw<BusinessException>(() => publicity.EnsureFinalizable(2, Published.AddDays(6)));
        open.Code.ShouldBe(AppealErrorCodes.AppealsOpen);
        open.Arguments.ShouldBe([2]);
        publicity.EnsureFinalizable(0, Published.AddDays(5));
    }

    [Fact]
    public void Should_Close_Early_Only_With_A_Reason_And_No_Open_Appeal_Then_Allow_Finalizing()
    {
        var publicity = new PeriodPublicity(Guid.NewGuid(), Guid.NewGuid(), 5, Published);
        var now = Published.AddDays(1);

        Text(Should.Throw<BusinessException>(() => publicity.CloseEarly(" ", 0, now)).Errors["reason"]).ShouldBe([AppealErrorCodes.ReasonRequired]);
        Should.Throw<BusinessException>(() => publicity.CloseEarly("各市均无异议", 1, now)).Code.ShouldBe(AppealErrorCodes.AppealsOpen);
        publicity.AcceptsAppeals(now).ShouldBeTrue();

        publicity.CloseEarly(" 各市均无异议 ", 0, now);

        publicity.ClosedReason.ShouldBe("各市均无异议");
        publicity.AcceptsAppeals(now).ShouldBeFalse();
        publicity.EndsAtLocal.ShouldBe("2026-07-02 10:00");
        publicity.EnsureFinalizable(0, now);
        Should.Throw<BusinessException>(() => publicity.CloseEarly("再次", 0, now)).Code.ShouldBe(AppealErrorCodes.WindowClosed);
    }

    [Fact]
    public void Should_End_The_Notice_With_The_Withdrawn_Publication_Unless_An_Appeal_Is_Open()
    {
        var publicity = new PeriodPublicity(Guid.NewGuid(), Guid.NewGuid(), 5, Published);

        Should.Throw<BusinessException>(() => publicity.Withdraw(1, Published.AddDays(1))).Code.ShouldBe(AppealErrorCodes.AppealsOpen);
        publicity.WithdrawnTime.ShouldBeNull();

        publicity.Withdraw(0, Published.AddDays(1));

        publicity.WithdrawnTime.ShouldBe(Published.AddDays(1));
        publicity.AcceptsAppeals(Published.AddDays(1)).ShouldBeFalse();
    }
}
