using PilotAssessment.ExceptionHandling;
using Shouldly;
using Xunit;

namespace PilotAssessment.Honours;

public class HonourEvaluatorTests
{
    private const string Excellent = "优秀";
    private const string Good = "良好";
    private static readonly Guid City = Guid.NewGuid();
    private static readonly DateTime Now = new(2027, 1, 20, 2, 0, 0, DateTimeKind.Utc);
    private static readonly HonourEvaluationContext Finalised = new("2026年度考评结果已确定", null, null, Now);

    private static HonourRule Ding(bool vetoBreaksRun = true) =>
        new(Guid.NewGuid(), "市域社会治理现代化试点考评细则", " 平安鼎 ", "Ping'an Tripod", HonourRuleKind.ConsecutiveGrade, Excellent, 3, vetoBreaksRun);

    private static HonourRule Stars(int perStar = 2) =>
        new(Guid.NewGuid(), "市域社会治理现代化试点考评细则", "平安星", null, HonourRuleKind.GradeCount, Excellent, perStar, true);

    /// <summary>One outcome per year from 2021: E = 优秀, V = 优秀 with a veto, G = 良好, - = not assessed.</summary>
    private static List<AnnualOutcome> Years(string pattern) =>
        pattern.Select((c, i) => new AnnualOutcome(PeriodOf(2021 + i), 2021 + i, c is 'E' or 'V' ? Excellent : c == 'G' ? Good : null, c == 'V', c == '-')).ToList();

    private static Guid PeriodOf(int year) => new(year, 0, 0, new byte[8]);

    [Fact]
    public void Should_Award_Three_Consecutive_Excellent_Years_With_The_Years_That_Earned_It()
    {
        var earned = HonourEvaluator.Evaluate(Ding(), Years("EEE"));

        earned.Count.ShouldBe(1);
        earned[0].Years.ShouldBe([2021, 2022, 2023]);
        earned[0].PeriodIds.ShouldBe([PeriodOf(2021), PeriodOf(2022), PeriodOf(2023)]);
    }

    [Fact]
    public void Should_Not_Award_Two_Years_Or_A_Run_Broken_By_A_Gap()
    {
        HonourEvaluator.Evaluate(Ding(), Years("EE")).ShouldBeEmpty();
        HonourEvaluator.Evaluate(Ding(), Years("EEGEE")).ShouldBeEmpty();
        HonourEvaluator.Evaluate(Ding(), Years("EE-EE")).ShouldBeEmpty();
        HonourEvaluator.Evaluate(Ding(), Years("EEGEEE")).Single().Years.ShouldBe([2024, 2025, 2026]);
    }

    [Fact]
    public void Should_Award_Each_Block_Of_Three_Once()
    {
        HonourEvaluator.Evaluate(Ding(), Years("EEEE")).Single().Years.ShouldBe([2021, 2022, 2023]);
        HonourEvaluator.Evaluate(Ding(), Years("EEEEEE")).Select(e => e.Years[0]).ShouldBe([2021, 2024]);
    }

    [Fact]
    public void Should_Break_The_Run_On_A_Veto_Only_When_The_Rule_Says_So()
    {
        HonourEvaluator.Evaluate(Ding(vetoBreaksRun: true), Years("EVE")).ShouldBeEmpty();
        HonourEvaluator.Evaluate(Ding(vetoBreaksRun: false), Years("EVE")).Single().Years.ShouldBe([2021, 2022, 2023]);
    }

    [Fact]
    public void Should_Give_A_Star_For_Every_Two_Excellent_Years_Consecutive_Or_Not()
    {
        var earned = HonourEvaluator.Evaluate(Stars(), Years("EGE-EVE"));

        // E(2021) E(2023) E(2025) E(2027) count; the vetoed 2026 does not.
        earned.Select(e => (e.Key, e.Stars)).ShouldBe([("stars:1", 1), ("stars:2", 2)]);
        earned[0].Years.ShouldBe([2021, 2023]);
        earned[1].Years.ShouldBe([2021, 2023, 2025, 2027]);
        HonourEvaluator.Evaluate(Stars(), Years("EG")).ShouldBeEmpty();
    }

    [Fact]
    public void Should_Not_Award_Twice_When_Evaluated_Again()
    {
        var rule = Ding();
        var awards = HonourReconciliation.Apply(rule, City, HonourEvaluator.Evaluate(rule, Years("EEE")), [], Finalised);
        awards.Count.ShouldBe(1);
        awards[0].Name.ShouldBe("平安鼎");

        HonourReconciliation.Apply(rule, City, HonourEvaluator.Evaluate(rule, Years("EEE")), awards, Finalised).ShouldBeEmpty();
        HonourReconciliation.Apply(rule, City, HonourEvaluator.Evaluate(rule, Years("EEEG")), awards, Finalised).ShouldBeEmpty();
        awards.ShouldAllBe(a => a.IsActive);
    }

    [Fact]
    public void Should_Revoke_With_The_Vetos_Reason_When_A_Retroactive_Veto_Removes_An_Excellent_Year_And_Award_Again_Only_When_Still_Earned()
    {
        var rule = Ding();
        var awards = HonourReconciliation.Apply(rule, City, HonourEvaluator.Evaluate(rule, Years("EEEE")), [], Finalised);
        var first = awards.Single();

        // 2022 is vetoed after the fact: 2021–2023 no longer holds, and 2023–2024 is only two years.
        var veto = new HonourEvaluationContext("V4 重大群体性事件: 2022年发生重大群体性事件", Guid.NewGuid(), "省考评办", Now.AddDays(30));
        HonourReconciliation.Apply(rule, City, HonourEvaluator.Evaluate(rule, Years("EVEE")), awards, veto).ShouldBeEmpty();
        first.IsActive.ShouldBeFalse();
        (first.RevokedTime, first.RevokeReason, first.RevocationKind, first.RevokedByName).ShouldBe(
            (Now.AddDays(30), "V4 重大群体性事件: 2022年发生重大群体性事件", HonourRevocationKind.NoLongerEarned, "省考评办"));
        first.Years.ShouldBe([2021, 2022, 2023]);

        // A third 优秀 year after the veto earns the honour again, for 2023–2025, as a new award.
        var again = HonourReconciliation.Apply(rule, City, HonourEvaluator.Evaluate(rule, Years("EVEEE")), awards, Finalised);
        again.Single().Years.ShouldBe([2023, 2024, 2025]);
        again.Single().Id.ShouldNotBe(first.Id);
        first.IsActive.ShouldBeFalse();
    }

    [Fact]
    public void Should_Award_Again_A_Block_Revoked_As_No_Longer_Earned_Once_Earned_Again_But_Not_One_Revoked_By_Hand()
    {
        var rule = Ding();
        var awards = HonourReconciliation.Apply(rule, City, HonourEvaluator.Evaluate(rule, Years("EEE")), [], Finalised);
        HonourReconciliation.Apply(rule, City, HonourEvaluator.Evaluate(rule, Years("EVE")), awards, Finalised).ShouldBeEmpty();
        var restored = HonourReconciliation.Apply(rule, City, HonourEvaluator.Evaluate(rule, Years("EEE")), awards, Finalised);
        restored.Single().Years.ShouldBe([2021, 2022, 2023]);

        restored[0].Revoke(HonourRevocationKind.Manual, "  核查发现材料造假 ", Guid.NewGuid(), "省考评办", Now);
        restored[0].RevokeReason.ShouldBe("核查发现材料造假");
        HonourReconciliation.Apply(rule, City, HonourEvaluator.Evaluate(rule, Years("EEE")), [.. awards, .. restored], Finalised).ShouldBeEmpty();
    }

    [Fact]
    public void Should_Keep_A_Star_Whose_Years_Shift_And_Revoke_The_Star_No_Longer_Reached()
    {
        var rule = Stars();
        var awards = HonourReconciliation.Apply(rule, City, HonourEvaluator.Evaluate(rule, Years("EEEE")), [], Finalised);
        awards.Select(a => a.Stars).ShouldBe([1, 2]);

        HonourReconciliation.Apply(rule, City, HonourEvaluator.Evaluate(rule, Years("VEEE")), awards, Finalised).ShouldBeEmpty();
        awards[0].IsActive.ShouldBeTrue();
        awards[0].Years.ShouldBe([2022, 2023]);
        awards[1].IsActive.ShouldBeFalse();
        awards[1].RevokeReason.ShouldBe(Finalised.Reason);
    }

    [Fact]
    public void Should_Refuse_A_Revocation_Without_A_Reason_Or_Twice()
    {
        var rule = Ding();
        var award = HonourReconciliation.Apply(rule, City, HonourEvaluator.Evaluate(rule, Years("EEE")), [], Finalised).Single();

        var noReason = Should.Throw<BusinessException>(() => award.Revoke(HonourRevocationKind.Manual, " ", null, null, Now));
        noReason.Code.ShouldBe(HonourErrorCodes.ReasonRequired);
        noReason.Errors.Keys.ShouldContain("reason");
        award.Revoke(HonourRevocationKind.Manual, "材料造假", null, null, Now);
        Should.Throw<BusinessException>(() => award.Revoke(HonourRevocationKind.Manual, "再次", null, null, Now)).Code.ShouldBe(HonourErrorCodes.AlreadyRevoked);
    }

    [Theory]
    [InlineData("", "优秀", 3, "seriesName", HonourErrorCodes.SeriesRequired)]
    [InlineData("细则", "", 3, "grade", HonourErrorCodes.GradeRequired)]
    [InlineData("细则", "优秀", 0, "count", HonourErrorCodes.InvalidCount)]
    [InlineData("细则", "优秀", 21, "count", HonourErrorCodes.InvalidCount)]
    public void Should_Refuse_A_Rule_Without_Series_Grade_Or_A_Sensible_Count(string series, string grade, int count, string field, string code)
    {
        var error = Should.Throw<BusinessException>(() => new HonourRule(Guid.NewGuid(), series, "平安鼎", null, HonourRuleKind.ConsecutiveGrade, grade, count, true));

        error.Code.ShouldBe(code);
        error.Errors.Keys.ShouldContain(field);
        Should.Throw<BusinessException>(() => new HonourRule(Guid.NewGuid(), "细则", " ", null, HonourRuleKind.ConsecutiveGrade, "优秀", 3, true))
            .Errors.Keys.ShouldContain("name");
    }
}
