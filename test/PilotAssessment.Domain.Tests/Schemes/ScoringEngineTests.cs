using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.Scoring;
using Shouldly;
using Xunit;

namespace PilotAssessment.Schemes;

public class ScoringEngineTests
{
    private readonly ScoringEngine _engine = new();

    // Two categories, one with a sub-category; the formula rule "value" makes each line score exactly its reported number,
    // so the tests below control every total directly.
    private static IndicatorDefinition Direct(string code, decimal max) => new()
    {
        Code = code,
        Name = code,
        MaxPoints = max,
        Rule = new FormulaRule { Expression = "value" },
    };

    private static SchemeDefinition Definition(params VetoRuleDefinition[] vetoes) => new()
    {
        Categories =
        [
            new CategoryDefinition
            {
                Code = "A",
                Name = "甲",
                Indicators = [Direct("A01", 30)],
                Children = [new CategoryDefinition { Code = "A1", Name = "甲一", Indicators = [Direct("A11", 20)] }],
            },
            new CategoryDefinition { Code = "B", Name = "乙", Indicators = [Direct("B01", 50)] },
        ],
        Bonus = new BonusDefinition
        {
            Items =
            [
                new BonusItemDefinition { Code = "X01", Name = "见义勇为", PointsPerInstance = 0.5m },
                new BonusItemDefinition { Code = "X02", Name = "经验推广", PointsPerInstance = 2m, Cap = 3m },
            ],
            TotalCap = 5,
        },
        Vetoes = vetoes,
        Grades = TestSchemes.Grades,
        Colours = TestSchemes.Colours,
    };

    private static CityPeriodValues Values(decimal a01, decimal a11, decimal b01, Dictionary<string, int>? bonus = null, params string[] facts) => new()
    {
        CityKey = "兰州",
        Indicators = new Dictionary<string, IndicatorValue>
        {
            ["A01"] = IndicatorValue.Of(a01),
            ["A11"] = IndicatorValue.Of(a11),
            ["B01"] = IndicatorValue.Of(b01),
        },
        BonusCounts = bonus ?? [],
        VetoFacts = facts.ToDictionary(f => f, _ => true),
    };

    /// <summary>B at its full 50, then A01 up to its 30, the rest on A11.</summary>
    private static CityPeriodValues ValuesFor(decimal total) => Values(Math.Min(30m, total - 50m), Math.Max(0m, total - 80m), 50m);

    private static VetoRuleDefinition Veto(string code, VetoConsequence consequence) =>
        new() { Code = code, Name = code + "否决", TriggerFact = code.ToLowerInvariant(), Consequence = consequence };

    [Fact]
    public void Should_add_up_lines_into_nested_category_subtotals_with_colours()
    {
        var sheet = _engine.Score(Definition(), Values(27, 15, 40));
        sheet.CityKey.ShouldBe("兰州");
        sheet.IndicatorPoints.ShouldBe(82m);
        sheet.Total.ShouldBe(82m);
        sheet.MaxPoints.ShouldBe(100m);
        sheet.Percent.ShouldBe(82m);
        sheet.Grade.ShouldBe("良好");
        sheet.Colour.ShouldBe("蓝");

        var a = sheet.Categories.Single(c => c.Code == "A");
        a.Points.ShouldBe(42m); // 27 + 15 from the sub-category
        a.MaxPoints.ShouldBe(50m);
        a.Percent.ShouldBe(84m);
        a.Colour.ShouldBe("蓝");
        var a1 = sheet.Categories.Single(c => c.Code == "A1");
        a1.ParentCode.ShouldBe("A");
        a1.Depth.ShouldBe(2);
        a1.Percent.ShouldBe(75m);
        a1.Colour.ShouldBe("橙");
        sheet.Categories.Single(c => c.Code == "B").Colour.ShouldBe("蓝"); // 40 of 50 = 80 %
    }

    [Theory]
    [InlineData(90, "绿")]
    [InlineData(89.99, "蓝")]
    [InlineData(80, "蓝")]
    [InlineData(70, "橙")]
    [InlineData(69.99, "红")]
    public void Should_colour_by_percentage_of_the_maximum(decimal total, string colour)
    {
        var sheet = _engine.Score(Definition(), ValuesFor(total));
        sheet.Total.ShouldBe(total);
        sheet.Colour.ShouldBe(colour);
    }

    [Theory]
    [InlineData(90, "优秀")]
    [InlineData(89.99, "良好")]
    [InlineData(80, "良好")]
    [InlineData(79.99, "合格")]
    [InlineData(60, "合格")]
    [InlineData(59.99, "不合格")]
    public void Should_grade_exactly_at_the_band_edges(decimal total, string grade)
    {
        _engine.Score(Definition(), ValuesFor(total)).Grade.ShouldBe(grade);
    }

    [Fact]
    public void Should_round_every_line_half_away_from_zero()
    {
        // 0.625 → 0.63 (banker's rounding would give 0.62); 0.615 → 0.62
        var sheet = _engine.Score(Definition(), Values(0.625m, 0.615m, 0.005m));
        sheet.Lines.Select(l => l.Points).ShouldBe([0.63m, 0.62m, 0.01m]);
        sheet.Total.ShouldBe(1.26m); // the sum of rounded lines
    }

    [Fact]
    public void Should_cap_each_bonus_item_and_then_the_bonus_total()
    {
        // X01 4 × 0.5 = 2; X02 2 × 2 = 4 → item cap 3; together 5 = total cap
        var sheet = _engine.Score(Definition(), Values(20, 10, 40, new() { ["X01"] = 4, ["X02"] = 2 }));
        sheet.BonusLines.Select(b => b.Points).ShouldBe([2m, 3m]);
        sheet.BonusLines[1].Explanation.ZhHans.ShouldContain("本项最多加3分");
        sheet.BonusBeforeCap.ShouldBe(5m);
        sheet.Bonus.ShouldBe(5m);
        sheet.Total.ShouldBe(75m);

        // X01 8 × 0.5 = 4; X02 3; 7 → total cap 5
        var capped = _engine.Score(Definition(), Values(20, 10, 40, new() { ["X01"] = 8, ["X02"] = 5 }));
        capped.BonusBeforeCap.ShouldBe(7m);
        capped.Bonus.ShouldBe(5m);
        capped.Total.ShouldBe(75m);
    }

    [Fact]
    public void Should_let_the_bonus_lift_a_total_above_a_grade_edge()
    {
        var sheet = _engine.Score(Definition(), Values(29, 20, 40, new() { ["X01"] = 2 })); // 89 + 1
        sheet.Total.ShouldBe(90m);
        sheet.Grade.ShouldBe("优秀");
    }

    [Fact]
    public void Should_apply_a_fixed_deduction_veto()
    {
        var sheet = _engine.Score(Definition(Veto("V4", new FixedDeductionConsequence { Points = 30 })), Values(30, 20, 45, null, "v4"));
        sheet.IndicatorPoints.ShouldBe(95m);
        sheet.VetoDeduction.ShouldBe(30m);
        sheet.Total.ShouldBe(65m);
        sheet.ScoreGrade.ShouldBe("合格");
        sheet.Grade.ShouldBe("合格");
        sheet.AwardEligible.ShouldBeTrue();
        sheet.Vetoes.ShouldHaveSingleItem().Effect.ZhHans.ShouldBe("否决：V4否决，总分扣30分");
    }

    [Fact]
    public void Should_not_let_a_deduction_take_the_total_below_zero()
    {
        var sheet = _engine.Score(Definition(Veto("V4", new FixedDeductionConsequence { Points = 30 })), Values(10, 5, 5, null, "v4"));
        sheet.Total.ShouldBe(0m);
    }

    [Fact]
    public void Should_cap_the_grade()
    {
        var sheet = _engine.Score(Definition(Veto("V3", new GradeCapConsequence { MaxGrade = "良好" })), Values(30, 20, 45, null, "v3"));
        sheet.Total.ShouldBe(95m);
        sheet.ScoreGrade.ShouldBe("优秀");
        sheet.Grade.ShouldBe("良好");
        sheet.AwardEligible.ShouldBeTrue();

        // A cap never raises a grade.
        var low = _engine.Score(Definition(Veto("V3", new GradeCapConsequence { MaxGrade = "良好" })), Values(10, 10, 10, null, "v3"));
        low.Grade.ShouldBe("不合格");
    }

    [Fact]
    public void Should_set_the_grade_and_remove_award_eligibility()
    {
        var sheet = _engine.Score(Definition(Veto("V1", new GradeSetConsequence { Grade = "不合格", AwardIneligible = true })), Values(30, 20, 45, null, "v1"));
        sheet.Total.ShouldBe(95m); // the score stands; the grade does not
        sheet.Grade.ShouldBe("不合格");
        sheet.AwardEligible.ShouldBeFalse();
        sheet.Vetoes.Single().Effect.ZhHans.ShouldContain("取消评优资格");
    }

    [Fact]
    public void Should_zero_the_total()
    {
        var sheet = _engine.Score(Definition(Veto("V9", new TotalZeroedConsequence { AwardIneligible = true })), Values(30, 20, 45, new() { ["X01"] = 2 }, "v9"));
        sheet.Total.ShouldBe(0m);
        sheet.Grade.ShouldBe("不合格");
        sheet.Colour.ShouldBe("红");
        sheet.AwardEligible.ShouldBeFalse();
    }

    [Fact]
    public void Should_apply_all_deductions_and_the_harshest_grade_when_vetoes_combine()
    {
        var definition = Definition(
            Veto("V3", new GradeCapConsequence { MaxGrade = "良好" }),
            Veto("V4", new FixedDeductionConsequence { Points = 10 }),
            Veto("V5", new FixedDeductionConsequence { Points = 2 }),
            Veto("V6", new GradeCapConsequence { MaxGrade = "合格" }));
        var sheet = _engine.Score(definition, Values(30, 20, 48, null, "v3", "v4", "v5", "v6"));
        sheet.Vetoes.Select(v => v.Code).ShouldBe(["V3", "V4", "V5", "V6"]);
        sheet.VetoDeduction.ShouldBe(12m);
        sheet.Total.ShouldBe(86m); // 98 − 10 − 2
        sheet.ScoreGrade.ShouldBe("良好");
        sheet.Grade.ShouldBe("合格"); // 合格 is harsher than 良好
        sheet.AwardEligible.ShouldBeTrue();
    }

    [Fact]
    public void Should_ignore_vetoes_whose_fact_is_false()
    {
        var values = Values(30, 20, 45) with { VetoFacts = new Dictionary<string, bool> { ["v4"] = false } };
        var sheet = _engine.Score(Definition(Veto("V4", new FixedDeductionConsequence { Points = 30 })), values);
        sheet.Vetoes.ShouldBeEmpty();
        sheet.Total.ShouldBe(95m);
    }

    [Fact]
    public void Should_count_unreported_lines_and_score_them_zero()
    {
        var values = new CityPeriodValues { Indicators = new Dictionary<string, IndicatorValue> { ["A01"] = IndicatorValue.Of(30) } };
        var sheet = _engine.Score(Definition(), values);
        sheet.UnreportedCount.ShouldBe(2);
        sheet.Total.ShouldBe(30m);
        sheet.Lines.Where(l => l.Status == LineStatus.Unreported).ShouldAllBe(l => l.Points == 0m);
    }

    [Fact]
    public void Should_rank_ties_together_and_skip_the_next_rank()
    {
        var ranked = CityRanking.Rank(new[] { ("天水", 88m), ("兰州", 91.5m), ("酒泉", 88m), ("张掖", 70m), ("金昌", 88m) }, c => c.Item2);
        ranked.Select(r => (r.Item.Item1, r.Rank)).ShouldBe([("兰州", 1), ("天水", 2), ("酒泉", 2), ("金昌", 2), ("张掖", 5)]);
    }

    [Fact]
    public void Should_rank_score_sheets_by_total()
    {
        var sheets = new[]
        {
            _engine.Score(Definition(), Values(20, 10, 40) with { CityKey = "天水" }),
            _engine.Score(Definition(), Values(30, 20, 40) with { CityKey = "兰州" }),
            _engine.Score(Definition(), Values(25, 5, 40) with { CityKey = "酒泉" }),
            _engine.Score(Definition(), Values(10, 10, 10) with { CityKey = "金昌" }),
        };
        CityRanking.Rank(sheets).Select(r => (r.Item.CityKey, r.Rank)).ShouldBe([("兰州", 1), ("天水", 2), ("酒泉", 2), ("金昌", 4)]);
    }
}

public class VetoConditionTests
{
    private static SchemeDefinition Definition() => TestSchemes.With(
        TestSchemes.Indicator("I01", 6, new ShortfallBandsRule { FullAt = 96, Per = 0.25m, SteepBelow = 90, SteepPer = 0.5m, Cap = 5 })) with
    {
        Vetoes =
        [
            new VetoRuleDefinition { Code = "V3", Name = "群众安全感", TriggerFact = "sense_of_safety_below_85", Condition = "I01 < 85", Consequence = new GradeCapConsequence { MaxGrade = "良好" } },
        ],
    };

    private static CityPeriodValues Values(decimal? i01, bool fact = false) => new()
    {
        Indicators = i01 is { } v
            ? new Dictionary<string, IndicatorValue> { ["I01"] = IndicatorValue.Of(v), ["Z99"] = IndicatorValue.Of(0) }
            : new Dictionary<string, IndicatorValue> { ["Z99"] = IndicatorValue.Of(0) },
        VetoFacts = fact ? new Dictionary<string, bool> { ["sense_of_safety_below_85"] = true } : new Dictionary<string, bool>(),
    };

    [Theory]
    [InlineData(84.99, true)]
    [InlineData(85, false)] // "below 85" does not include 85
    [InlineData(96, false)]
    public void Should_fire_a_veto_from_its_condition(decimal i01, bool fired)
    {
        new Validation.SchemeValidator().Validate(Definition(), 100).ShouldBeEmpty();
        new ScoringEngine().Score(Definition(), Values(i01)).Vetoes.Any().ShouldBe(fired);
    }

    [Fact]
    public void Should_not_fire_a_condition_on_a_missing_value_but_still_fire_on_the_fact()
    {
        new ScoringEngine().Score(Definition(), Values(null)).Vetoes.ShouldBeEmpty();
        new ScoringEngine().Score(Definition(), Values(null, fact: true)).Vetoes.ShouldHaveSingleItem();
    }

    [Fact]
    public void Should_validate_a_veto_condition()
    {
        var definition = Definition() with
        {
            Vetoes = [Definition().Vetoes[0] with { Condition = "I10 < 85" }],
        };
        var problem = new Validation.SchemeValidator().Validate(definition, 100).ShouldHaveSingleItem();
        problem.Target.ShouldBe("V3");
        problem.Code.ShouldBe(SchemeErrorCodes.FormulaUnknownCode);
    }
}
