using PilotAssessment.DataEntry;
using PilotAssessment.Schemes;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.Scoring;
using Shouldly;
using Xunit;

namespace PilotAssessment.Supervision;

public class ProblemRegisterTests
{
    private static readonly Guid City = Guid.NewGuid();

    private static Problem Open(string title, DateTime created)
    {
        var problem = new Problem(Guid.NewGuid(), City, title, null, null, ProblemSeverity.Normal, created.AddDays(30), ProblemSource.Round) { CreationTime = created };
        return problem;
    }

    [Fact]
    public void Should_Give_One_Occurrence_Per_Open_Problem_Oldest_First_And_Flag_Repeats()
    {
        var first = Open("台账不全", new DateTime(2026, 5, 1));
        first.HandTo(Guid.NewGuid(), null);
        first.ReportRectification("已整改", 1, DateTime.UtcNow);
        first.Close(null, DateTime.UtcNow);
        var repeat = Open("台账仍不全", new DateTime(2026, 5, 3));
        repeat.RepeatOf(first);
        var older = Open("网格员配备不足", new DateTime(2026, 5, 2));

        var value = ProblemRegister.ValueOf([repeat, older]);

        value.Number.ShouldBe(2);
        value.Occurrences!.Select(o => o.Type).ShouldBe(["网格员配备不足", "台账仍不全"]);
        value.Occurrences!.Select(o => o.Count).ShouldAllBe(c => c == 1);
        value.Occurrences![1].Flags.ShouldBe([SupervisionConsts.RepeatedFlag]);
        value.Occurrences![0].Flags.ShouldBeNull();
    }

    [Fact]
    public void Should_Score_Each_Problem_With_The_Rules_Rate_Doubling_Repeats_And_List_Them_In_The_Explanation()
    {
        var rule = new PerOccurrenceDeductionRule { Per = 0.5m, Cap = 5, DoubleWhen = [SupervisionConsts.RepeatedFlag] };
        var first = Open("台账不全", new DateTime(2026, 5, 1));
        first.HandTo(Guid.NewGuid(), null);
        first.ReportRectification("已整改", 1, DateTime.UtcNow);
        first.Close(null, DateTime.UtcNow);
        var repeat = Open("台账仍不全", new DateTime(2026, 5, 3));
        repeat.RepeatOf(first);
        var value = ProblemRegister.ValueOf([Open("网格员配备不足", new DateTime(2026, 5, 2)), repeat]).ToIndicatorValue();

        var indicator = new IndicatorDefinition { Code = "S01", Name = "交办问题整改", MaxPoints = 5, Rule = rule, OccurrenceSource = IndicatorOccurrenceSource.Supervision };

        var result = rule.Score(new RuleInput { Indicator = indicator, Reported = value, Value = value.Number, Reference = ReferenceData.Empty, Rounding = new RoundingSettings() });

        result.Points.ShouldBe(3.5m);
        result.Explanation.ZhHans.ShouldContain("网格员配备不足1次×0.5分");
        result.Explanation.ZhHans.ShouldContain("台账仍不全1次×0.5分×2（加倍）");
    }

    [Fact]
    public void Should_Know_An_Indicator_Fed_From_The_Register_By_Its_Occurrence_Source()
    {
        var indicator = new IndicatorDefinition { Code = "S01", Name = "交办问题整改", MaxPoints = 5, Rule = new PerOccurrenceDeductionRule { Per = 0.5m } };

        ProblemRegister.IsFed(indicator).ShouldBeFalse();
        ProblemRegister.IsFed(indicator with { OccurrenceSource = IndicatorOccurrenceSource.Supervision }).ShouldBeTrue();
        ProblemRegister.IsFed(indicator with { OccurrenceSource = IndicatorOccurrenceSource.Entry }).ShouldBeFalse();
    }

    [Fact]
    public void Should_Read_And_Write_The_Occurrence_Source_In_The_Scheme_Json()
    {
        var json = """{"categories":[{"code":"S","name":"督导","indicators":[{"code":"S01","name":"交办问题整改","max_points":5,"occurrence_source":"supervision","rule":{"kind":"per_occurrence_deduction","per":0.5,"cap":5}}]}]}""";

        var definition = Schemes.Json.SchemeJsonSerializer.DeserializeDefinition(json);

        definition.AllIndicators().Single().OccurrenceSource.ShouldBe(IndicatorOccurrenceSource.Supervision);
        Schemes.Json.SchemeJsonSerializer.SerializeDefinition(definition).ShouldContain("\"occurrence_source\":\"supervision\"");
        Schemes.Json.SchemeJsonSerializer.SerializeDefinition(definition with { Categories = [] }).ShouldNotContain("occurrence_source");
    }
}
