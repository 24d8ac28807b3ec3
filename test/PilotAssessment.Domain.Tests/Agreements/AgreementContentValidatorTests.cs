using System.Globalization;
using PilotAssessment.ExceptionHandling;
using Shouldly;
using Xunit;

namespace PilotAssessment.Agreements;

public class AgreementContentValidatorTests
{
    private static readonly Guid Police = Guid.NewGuid();
    private static readonly Guid Justice = Guid.NewGuid();

    // Two scheme lines (D01 with a unit), an extra line X1 and a task K01 already cascaded to units.
    private static readonly AgreementContent Current = new()
    {
        Lines =
        [
            new AgreementLine { Code = "D01", Name = "矛盾纠纷调解成功率", MaxPoints = 4, SchemeTarget = 98, AssignedUnitId = Police },
            new AgreementLine { Code = "D02", Name = "刑事案件发案率", MaxPoints = 3, SchemeTarget = 5 },
            new AgreementLine { Code = "X1", Name = "“枫桥式”派出所创建数", MaxPoints = 2, IsExtra = true, AssignedUnitId = Justice },
        ],
        KeyTasks = [new AgreementKeyTask { Code = "K01", Task = "成立试点工作领导机构", AssignedUnitId = Justice }],
    };

    [Fact]
    public void Should_Apply_The_Citys_Targets_And_Keep_Units_Already_Assigned()
    {
        var content = AgreementContentValidator.Apply(Current, new AgreementContentChange
        {
            Targets = [new TargetChange("D01", 99, "  本市基础较好  ")],
            ExtraLines = [new ExtraLineChange(" X1 ", " “枫桥式”派出所创建数 ", 2, 10, null)],
            KeyTasks =
            [
                new KeyTaskChange(" K01 ", " 完善共治格局 ", " 成立试点工作领导机构 ", "  ", null, new DateTime(2026, 3, 31, 15, 0, 0),
                    [new KeyTaskMilestone { Title = " 印发组建通知 ", DueDate = new DateTime(2026, 2, 28, 8, 0, 0) }, new KeyTaskMilestone { Title = " " }]),
                new KeyTaskChange("K02", "完善共治格局", "制定实施方案", "市委政法委", null, null, []),
            ],
            Duties = ["  落实平安建设领导责任制 ", "", "   "],
        }, 2026);

        var d01 = content.Lines.Single(l => l.Code == "D01");
        d01.Target.ShouldBe(99);
        d01.EffectiveTarget.ShouldBe(99);
        d01.Note.ShouldBe("本市基础较好");
        d01.AssignedUnitId.ShouldBe(Police);
        content.Lines.Single(l => l.Code == "D02").EffectiveTarget.ShouldBe(5);
        var x1 = content.Lines.Single(l => l.Code == "X1");
        x1.IsExtra.ShouldBeTrue();
        x1.Name.ShouldBe("“枫桥式”派出所创建数");
        x1.AssignedUnitId.ShouldBe(Justice);
        var k01 = content.KeyTasks.Single(t => t.Code == "K01");
        k01.Area.ShouldBe("完善共治格局");
        k01.ResponsibleUnit.ShouldBeNull();
        k01.DueDate.ShouldBe(new DateTime(2026, 3, 31));
        k01.Milestones.ShouldHaveSingleItem().ShouldBe(new KeyTaskMilestone { Title = "印发组建通知", DueDate = new DateTime(2026, 2, 28) });
        k01.AssignedUnitId.ShouldBe(Justice);
        content.KeyTasks.Single(t => t.Code == "K02").AssignedUnitId.ShouldBeNull();
        content.Duties.ShouldBe(["落实平安建设领导责任制"]);
    }

    [Fact]
    public void Should_Drop_Extra_Lines_And_Tasks_That_Are_No_Longer_Named()
    {
        var content = AgreementContentValidator.Apply(Current, new AgreementContentChange(), 2026);

        content.Lines.Select(l => l.Code).ShouldBe(["D01", "D02"]);
        content.KeyTasks.ShouldBeEmpty();
    }

    [Fact]
    public void Should_Report_Every_Problem_At_Once_Under_The_Items_Code()
    {
        var refused = Should.Throw<BusinessException>(() => AgreementContentValidator.Apply(Current, new AgreementContentChange
        {
            Targets = [new TargetChange("Z99", 1, null)],
            ExtraLines =
            [
                new ExtraLineChange("D01", "与方案指标同编号", 1, null, null),
                new ExtraLineChange("X2", " ", 0, null, null),
                new ExtraLineChange(" ", "没有编号", 1, null, null),
            ],
            KeyTasks =
            [
                new KeyTaskChange("K01", "", "成立试点工作领导机构", null, null, null, []),
                new KeyTaskChange("K01", "", " ", null, null, null, []),
                new KeyTaskChange("", "", "没有编号", null, null, null, []),
            ],
        }, 2026));

        refused.Code.ShouldBe(AgreementErrorCodes.Invalid);
        Text(refused, "Z99").ShouldBe(["Agreement:UnknownIndicator|Z99"]);
        Text(refused, "D01").ShouldBe(["Agreement:DuplicateCode|D01"]);
        Text(refused, "X2").ShouldBe(["Agreement:NameRequired|X2", "Agreement:MaxPointsNotPositive|0"]);
        Text(refused, "extraLines").ShouldBe(["Agreement:CodeRequired"]);
        Text(refused, "K01").ShouldBe(["Agreement:DuplicateCode|K01", "Agreement:NameRequired|K01"]);
        Text(refused, "keyTasks").ShouldBe(["Agreement:CodeRequired"]);
        refused.Errors.Count.ShouldBe(6);
    }

    [Fact]
    public void Should_Refuse_Key_Tasks_And_Milestones_Due_Outside_The_Agreements_Year()
    {
        var change = new AgreementContentChange
        {
            KeyTasks =
            [
                new KeyTaskChange("K01", "", "成立试点工作领导机构", null, null, new DateTime(2020, 3, 31),
                    [new KeyTaskMilestone { Title = "印发组建通知", DueDate = new DateTime(2025, 12, 31) }, new KeyTaskMilestone { Title = "召开首次会议", DueDate = new DateTime(2026, 1, 1) }]),
                new KeyTaskChange("K02", "", "制定实施方案", null, null, new DateTime(2026, 12, 31, 23, 0, 0), []),
                new KeyTaskChange("K03", "", "建立协调制度", null, null, null, []),
            ],
        };

        var refused = Should.Throw<BusinessException>(() => AgreementContentValidator.Apply(Current, change, 2026));
        refused.Code.ShouldBe(AgreementErrorCodes.Invalid);
        Text(refused, "K01").ShouldBe(["Agreement:DueDateOutsideYear|K01|2020-03-31|2026", "Agreement:MilestoneDueOutsideYear|印发组建通知|2025-12-31|2026"]);
        refused.Errors.Count.ShouldBe(1);

        // The same tasks in the year of their dates are accepted; a task without a date is too.
        var agreement = new Agreement(Guid.NewGuid(), "2020年度兰州市目标责任书", 2020, Guid.NewGuid(), Current);
        Should.Throw<BusinessException>(() => agreement.Redraft("2020年度兰州市目标责任书", change)).Errors["K01"].Count.ShouldBe(2);
        AgreementContentValidator.Apply(Current, change with { KeyTasks = [change.KeyTasks[1], change.KeyTasks[2]] }, 2026)
            .KeyTasks.Select(t => t.DueDate).ShouldBe([new DateTime(2026, 12, 31), null]);
    }

    [Fact]
    public void Should_Give_The_Plans_Key_Tasks_Due_Dates_In_The_Agreements_Year()
    {
        var tasks = SampleData.SampleKeyTaskLoader.Load(2031);
        tasks.Count.ShouldBe(20);
        tasks.ShouldAllBe(t => t.DueDate!.Value.Year == 2031);
        tasks.Single(t => t.Code == "K01").DueDate.ShouldBe(new DateTime(2031, 3, 31));
        tasks.Single(t => t.Code == "K20").DueDate.ShouldBe(new DateTime(2031, 12, 31));
    }

    [Fact]
    public void Should_Redraft_Only_A_Draft_And_Name_Its_Status_By_Label()
    {
        var agreement = new Agreement(Guid.NewGuid(), "2026年度兰州市目标责任书", 2026, Guid.NewGuid(), Current);
        agreement.Redraft(" 新标题 ", new AgreementContentChange { Targets = [new TargetChange("D02", 4, null)] });
        agreement.Title.ShouldBe("新标题");
        agreement.Content.Lines.Single(l => l.Code == "D02").Target.ShouldBe(4);

        // Nothing of an invalid body is taken.
        Should.Throw<BusinessException>(() => agreement.Redraft("新标题", new AgreementContentChange { Targets = [new TargetChange("Z99", 1, null)] }))
            .Code.ShouldBe(AgreementErrorCodes.Invalid);
        agreement.Content.Lines.Single(l => l.Code == "D02").Target.ShouldBe(4);

        agreement.Issue(DateTime.UtcNow);
        var refused = Should.Throw<BusinessException>(() => agreement.Redraft("新标题", new AgreementContentChange()));
        refused.Code.ShouldBe(AgreementErrorCodes.NotEditable);
        refused.Arguments.ShouldBe([AgreementStatusText.Of(AgreementStatus.Issued)]);
        refused.Arguments[0].ShouldBe(new LocalizableText("Agreement:Status:Issued"));
    }

    private static string[] Text(BusinessException e, string key) =>
        e.Errors[key].Select(f => string.Join('|', f.Arguments.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture)).Prepend(f.Code))).ToArray();
}
