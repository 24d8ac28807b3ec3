using PilotAssessment.ExceptionHandling;
using Shouldly;
using Xunit;

namespace PilotAssessment.Agreements;

public class KeyTaskProgressTests
{
    private static readonly DateTime Now = new(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    private static readonly Guid Police = Guid.NewGuid();

    private static readonly AgreementContent Content = new()
    {
        Lines = [new AgreementLine { Code = "D01", Name = "矛盾纠纷调解成功率", MaxPoints = 4 }],
        KeyTasks =
        [
            new AgreementKeyTask
            {
                Code = "K01", Task = "成立试点工作领导机构", DueDate = new DateTime(2026, 3, 31),
                Milestones = [new KeyTaskMilestone { Title = "印发组建通知", DueDate = new DateTime(2026, 2, 28) }],
            },
        ],
    };

    [Theory]
    [InlineData(AgreementStatus.Signed)]
    [InlineData(AgreementStatus.InForce)]
    public void Should_Report_Progress_On_A_Signed_Agreement_Within_0_To_100(AgreementStatus status)
    {
        var agreement = In(status);
        var evidence = Guid.NewGuid();

        var report = agreement.ReportProgress(Guid.NewGuid(), "K01", " 印发组建通知 ", 40, " 按节点推进 ", evidence);

        report.SeriesId.ShouldBe(agreement.SeriesId);
        report.TaskCode.ShouldBe("K01");
        report.Milestone.ShouldBe("印发组建通知");
        report.Percent.ShouldBe(40);
        report.Note.ShouldBe("按节点推进");
        report.EvidenceAttachmentId.ShouldBe(evidence);
        agreement.ReportProgress(Guid.NewGuid(), "K01", "  ", 0, null, null).Milestone.ShouldBeNull();
        agreement.ReportProgress(Guid.NewGuid(), "K01", null, 100, null, null).Percent.ShouldBe(100);
    }

    [Theory]
    [InlineData(AgreementStatus.Draft)]
    [InlineData(AgreementStatus.Issued)]
    [InlineData(AgreementStatus.Superseded)]
    [InlineData(AgreementStatus.Closed)]
    public void Should_Refuse_Progress_Before_Signing_And_After_The_End(AgreementStatus status)
    {
        var refused = Should.Throw<BusinessException>(() => In(status).ReportProgress(Guid.NewGuid(), "K01", null, 10, null, null));

        refused.Code.ShouldBe(AgreementErrorCodes.NotInForce);
        refused.Arguments.ShouldBe([AgreementStatusText.Of(status)]);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(101)]
    [InlineData(int.MinValue)]
    public void Should_Refuse_A_Percent_Outside_0_To_100_On_The_Percent_Field(int percent)
    {
        var refused = Should.Throw<BusinessException>(() => In(AgreementStatus.InForce).ReportProgress(Guid.NewGuid(), "K01", null, percent, null, null));

        refused.Code.ShouldBe(AgreementErrorCodes.PercentOutOfRange);
        refused.Arguments.ShouldBe([percent]);
        refused.Errors["Percent"].ShouldHaveSingleItem().Code.ShouldBe(AgreementErrorCodes.PercentOutOfRange);
        Should.Throw<BusinessException>(() => new KeyTaskProgress(Guid.NewGuid(), Guid.NewGuid(), "K01", null, percent, null, null))
            .Code.ShouldBe(AgreementErrorCodes.PercentOutOfRange);
    }

    [Fact]
    public void Should_Refuse_An_Unknown_Task_Or_Milestone()
    {
        var agreement = In(AgreementStatus.InForce);

        Should.Throw<BusinessException>(() => agreement.ReportProgress(Guid.NewGuid(), "K99", null, 10, null, null)).Code.ShouldBe(AgreementErrorCodes.UnknownTask);
        var milestone = Should.Throw<BusinessException>(() => agreement.ReportProgress(Guid.NewGuid(), "K01", "不存在的节点", 10, null, null));
        milestone.Code.ShouldBe(AgreementErrorCodes.UnknownMilestone);
        milestone.Errors["Milestone"].ShouldHaveSingleItem().Arguments.ShouldBe(["不存在的节点"]);
    }

    [Theory]
    [InlineData(100, "2020-01-01", KeyTaskStatus.Done)]
    [InlineData(40, "2026-02-28", KeyTaskStatus.Overdue)]
    [InlineData(0, "2026-02-28", KeyTaskStatus.Overdue)]
    [InlineData(0, "2026-03-01", KeyTaskStatus.NotStarted)]
    [InlineData(1, "2026-03-01", KeyTaskStatus.InProgress)]
    [InlineData(99, null, KeyTaskStatus.InProgress)]
    [InlineData(0, null, KeyTaskStatus.NotStarted)]
    public void Should_Give_A_Key_Task_Its_Status_From_Its_Percent_And_Due_Date(int percent, string? due, KeyTaskStatus status)
    {
        var task = new AgreementKeyTask { Code = "K01", Task = "任务", DueDate = due is null ? null : DateTime.Parse(due, System.Globalization.CultureInfo.InvariantCulture) };

        KeyTaskProgress.StatusOf(task, percent, Now).ShouldBe(status);
    }

    [Fact]
    public void Should_Take_The_Latest_Report_Of_The_Task_As_Its_Percent()
    {
        var series = Guid.NewGuid();
        var reports = new[]
        {
            Report(series, "K01", 70, Now.AddDays(-1)),
            Report(series, "K01", 40, Now.AddDays(-2)),
            Report(series, "K02", 90, Now),
            Report(Guid.NewGuid(), "K01", 100, Now),
        };

        KeyTaskProgress.LatestPercent(reports, series, "K01").ShouldBe(70);
        KeyTaskProgress.LatestPercent(reports, series, "K03").ShouldBe(0);
    }

    [Fact]
    public void Should_Assign_Lines_And_Tasks_By_Code_And_Refuse_Unknown_Codes()
    {
        var agreement = In(AgreementStatus.InForce);

        agreement.AssignUnits([new UnitAssignment("D01", Police)], [new UnitAssignment("K01", Police)]);
        agreement.Content.Lines.Single().AssignedUnitId.ShouldBe(Police);
        agreement.Content.KeyTasks.Single().AssignedUnitId.ShouldBe(Police);
        agreement.AssignUnits([], [new UnitAssignment("K01", null)]);
        agreement.Content.Lines.Single().AssignedUnitId.ShouldBe(Police);
        agreement.Content.KeyTasks.Single().AssignedUnitId.ShouldBeNull();

        var line = Should.Throw<BusinessException>(() => agreement.AssignUnits([new UnitAssignment("Z99", Police)], []));
        line.Code.ShouldBe(AgreementErrorCodes.UnknownIndicator);
        line.Errors.Keys.ShouldBe(["Z99"]);
        Should.Throw<BusinessException>(() => agreement.AssignUnits([], [new UnitAssignment("K99", Police)])).Code.ShouldBe(AgreementErrorCodes.UnknownTask);
        agreement.Content.Lines.Single().AssignedUnitId.ShouldBe(Police);
    }

    [Theory]
    [InlineData(AgreementStatus.Draft, true, false, true)]
    [InlineData(AgreementStatus.Issued, true, true, true)]
    [InlineData(AgreementStatus.Signed, true, true, true)]
    [InlineData(AgreementStatus.InForce, true, true, true)]
    [InlineData(AgreementStatus.Superseded, false, false, false)]
    [InlineData(AgreementStatus.Closed, false, false, false)]
    public void Should_Keep_The_Files_And_Units_Of_A_Superseded_Or_Closed_Agreement(AgreementStatus status, bool assignable, bool scanAllowed, bool removable)
    {
        var agreement = In(status);

        Allowed(() => agreement.AssignUnits([new UnitAssignment("D01", Police)], [])).ShouldBe(assignable);
        Allowed(agreement.EnsureScanCanBeAttached).ShouldBe(scanAllowed);
        Allowed(agreement.EnsureAttachmentsCanBeRemoved).ShouldBe(removable);
        Allowed(agreement.EnsureCanBeDeleted).ShouldBe(status == AgreementStatus.Draft);
    }

    [Theory]
    [InlineData("签字扫描件.pdf", "签字扫描件.pdf")]
    [InlineData(@"C:\Users\张明\Desktop\scan.pdf", "scan.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("", "file")]
    [InlineData(null, "file")]
    [InlineData("dir/", "file")]
    public void Should_Keep_Only_The_Files_Own_Name(string? fileName, string expected) =>
        AgreementAttachment.CleanFileName(fileName).ShouldBe(expected);

    [Fact]
    public void Should_Keep_The_End_Of_A_Long_File_Name_And_Judge_The_File_By_Its_Content()
    {
        var name = new string('长', 300) + ".pdf";
        AgreementAttachment.CleanFileName(name).Length.ShouldBe(AgreementConsts.MaxFileNameLength);
        AgreementAttachment.CleanFileName(name).ShouldEndWith("长.pdf");

        var (attachment, content) = AgreementAttachment.Create(Guid.NewGuid(), Guid.NewGuid(), AgreementAttachmentKind.Evidence, "scan.png", "%PDF-1.4"u8.ToArray(), 8);
        attachment.ContentType.ShouldBe("application/pdf");
        attachment.Size.ShouldBe(8);
        content.Id.ShouldBe(attachment.Id);
        Should.Throw<BusinessException>(() => AgreementAttachment.Create(Guid.NewGuid(), Guid.NewGuid(), AgreementAttachmentKind.Evidence, "big.pdf", "%PDF-1.4"u8.ToArray(), AgreementConsts.MaxAttachmentBytes + 1))
            .Code.ShouldBe(AgreementErrorCodes.FileTooLarge);
    }

    private static bool Allowed(Action action)
    {
        try
        {
            action();
            return true;
        }
        catch (BusinessException e) when (e.Code == AgreementErrorCodes.NotEditable)
        {
            return false;
        }
    }

    private static KeyTaskProgress Report(Guid series, string code, int percent, DateTime time) =>
        new(Guid.NewGuid(), series, code, null, percent, null, null) { CreationTime = time };

    private static Agreement In(AgreementStatus status)
    {
        var agreement = new Agreement(Guid.NewGuid(), "2026年度兰州市目标责任书", 2026, Guid.NewGuid(), Content);
        if (status == AgreementStatus.Draft)
        {
            return agreement;
        }

        agreement.Issue(Now);
        if (status == AgreementStatus.Issued)
        {
            return agreement;
        }

        agreement.Sign(Guid.NewGuid(), "张明", Now);
        if (status == AgreementStatus.Signed)
        {
            return agreement;
        }

        if (status == AgreementStatus.Superseded)
        {
            agreement.Supersede(Now);
            return agreement;
        }

        agreement.PutInForce(Now);
        if (status == AgreementStatus.Closed)
        {
            agreement.Close(Now);
        }

        return agreement;
    }
}
