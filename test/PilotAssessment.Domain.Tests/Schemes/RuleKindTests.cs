using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.Scoring;
using Shouldly;
using Xunit;
using static PilotAssessment.Schemes.TestSchemes;

namespace PilotAssessment.Schemes;

public class RuleKindTests
{
    // B04: ≥95%得3分；≥85%得2分；≥70%得1分；其余0分
    private static readonly ThresholdBandsRule B04 = new()
    {
        Bands = [new(95, 3), new(85, 2), new(70, 1), new(0, 0)],
    };

    [Theory]
    [InlineData(100, 3)]
    [InlineData(95, 3)] // exactly on the threshold earns the band
    [InlineData(94.99, 2)]
    [InlineData(85, 2)]
    [InlineData(84.99, 1)]
    [InlineData(70, 1)]
    [InlineData(69.99, 0)]
    [InlineData(0, 0)]
    public void Should_score_threshold_bands_higher_is_better(decimal value, decimal points)
    {
        ScoreOne(B04, value, max: 3).Points.ShouldBe(points);
    }

    [Theory]
    [InlineData(0, 2)]
    [InlineData(5, 2)] // ≤5%得2分
    [InlineData(5.01, 1)]
    [InlineData(10, 1)]
    [InlineData(10.01, 0)] // inf:0
    public void Should_score_threshold_bands_lower_is_better(decimal value, decimal points)
    {
        var g02 = new ThresholdBandsRule { Dir = BetterDirection.Lower, Bands = [new(5, 2), new(10, 1)], Otherwise = 0 };
        ScoreOne(g02, value, max: 2).Points.ShouldBe(points);
    }

    [Fact]
    public void Should_explain_a_band_in_both_languages()
    {
        var line = ScoreOne(B04, 96.5m, max: 3);
        line.Explanation.ZhHans.ShouldBe("T01指标 96.5%，达到≥95%档，得3分");
        line.Explanation.En.ShouldBe("T01指标 96.5%, in the ≥ 95% band, scores 3");
    }

    [Fact]
    public void Should_mark_a_missing_value_unreported_with_zero_points()
    {
        var line = ScoreOne(B04, value: null, max: 3);
        line.Status.ShouldBe(LineStatus.Unreported);
        line.Points.ShouldBe(0m);
        line.Explanation.ZhHans.ShouldContain("未填报");
    }

    [Fact]
    public void Should_give_full_points_for_a_missing_value_only_when_the_rule_says_so()
    {
        var line = ScoreOne(B04 with { MissingScoresFull = true }, value: null, max: 3);
        line.Status.ShouldBe(LineStatus.Scored);
        line.Points.ShouldBe(3m);
    }

    // A01: 每发生1起扣2分，扣完为止 (max 4)
    [Theory]
    [InlineData(0, 4)]
    [InlineData(1, 2)]
    [InlineData(2, 0)]
    [InlineData(3, 0)] // floor at zero
    public void Should_deduct_per_occurrence_down_to_the_floor(int count, decimal points)
    {
        var a01 = new PerOccurrenceDeductionRule { Per = 2, Floor = 0 };
        ScoreOne(a01, IndicatorValue.Of(count), max: 4, unit: "起").Points.ShouldBe(points);
    }

    // A03: 每次扣1分，最多扣3分 — on a 5-point item the cap, not the floor, stops the deduction.
    [Theory]
    [InlineData(2, 3)]
    [InlineData(3, 2)]
    [InlineData(4, 2)]
    public void Should_stop_a_per_occurrence_deduction_at_its_cap(int count, decimal points)
    {
        var rule = new PerOccurrenceDeductionRule { Per = 1, Cap = 3 };
        ScoreOne(rule, IndicatorValue.Count(new OccurrenceCount(count)), max: 5, unit: "次").Points.ShouldBe(points);
    }

    // D02: 到省每批次扣1分；到京每批次扣3分 (max 4)
    [Fact]
    public void Should_deduct_each_occurrence_type_at_its_own_rate()
    {
        var d02 = new PerOccurrenceDeductionRule
        {
            Rates = [new() { Type = "per_province", Name = "到省", Per = 1 }, new() { Type = "per_capital", Name = "到京", Per = 3 }],
        };
        var line = ScoreOne(d02, IndicatorValue.Count(new OccurrenceCount("per_province", 1), new("per_capital", 0)), max: 4, unit: "批次");
        line.Points.ShouldBe(3m);
        ScoreOne(d02, IndicatorValue.Count(new OccurrenceCount("per_province", 1), new("per_capital", 1)), max: 4).Points.ShouldBe(0m); // 1 + 3 = 4
        ScoreOne(d02, IndicatorValue.Count(new OccurrenceCount("per_capital", 2)), max: 4).Points.ShouldBe(0m); // 6 > 4, floor 0
    }

    [Fact]
    public void Should_flag_an_unknown_occurrence_type_as_an_error()
    {
        var d02 = new PerOccurrenceDeductionRule { Rates = [new() { Type = "per_province", Per = 1 }] };
        var line = ScoreOne(d02, IndicatorValue.Count(new OccurrenceCount("per_county", 1)), max: 4);
        line.Status.ShouldBe(LineStatus.Error);
        line.Points.ShouldBe(0m);
    }

    // C03: 每起扣1.5分；重大活动安保期间发生的加倍扣分 (max 3)
    [Fact]
    public void Should_double_the_occurrences_marked_with_a_doubling_flag()
    {
        var c03 = new PerOccurrenceDeductionRule { Per = 1.5m, DoubleWhen = ["major_event_period"], Floor = 0 };
        ScoreOne(c03, IndicatorValue.Count(new OccurrenceCount(1)), max: 3, unit: "起").Points.ShouldBe(1.5m);

        var doubled = ScoreOne(c03, IndicatorValue.Count(new OccurrenceCount("default", 1, ["major_event_period"])), max: 3, unit: "起");
        doubled.Points.ShouldBe(0m); // 1.5 × 2 = 3
        doubled.Explanation.ZhHans.ShouldContain("加倍");

        // A flag on the whole line doubles every occurrence; another flag does not.
        var line = new IndicatorValue { Occurrences = [new OccurrenceCount(1)], Flags = ["major_event_period"] };
        ScoreOne(c03, line, max: 3).Points.ShouldBe(0m);
        ScoreOne(c03, new IndicatorValue { Occurrences = [new OccurrenceCount(1)], Flags = ["repeated"] }, max: 3).Points.ShouldBe(1.5m);
    }

    [Fact]
    public void Should_double_only_once_when_several_doubling_flags_hold()
    {
        var rule = new PerOccurrenceDeductionRule { Per = 1, DoubleWhen = ["repeated", "unrectified"] };
        var value = IndicatorValue.Count(new OccurrenceCount("default", 1, ["repeated", "unrectified"]));
        ScoreOne(rule, value, max: 10).Points.ShouldBe(8m);
    }

    // B02: 得分=4×破案率 (target 100)
    [Theory]
    [InlineData(100, 4)]
    [InlineData(120, 4)] // completion counts at most 100 %
    [InlineData(95, 3.8)]
    [InlineData(0, 0)]
    public void Should_score_ratio_to_a_higher_is_better_target(decimal value, decimal points)
    {
        var b02 = new RatioToTargetRule { Target = 100 };
        ScoreOne(b02, value, max: 4).Points.ShouldBe(points);
    }

    [Fact]
    public void Should_round_a_ratio_half_away_from_zero()
    {
        // 4 × 93/95 = 3.915789… → 3.92 ; D01 4 × 97/98 = 3.959183… → 3.96
        ScoreOne(new RatioToTargetRule { Target = 95 }, 93m, max: 4).Points.ShouldBe(3.92m);
        ScoreOne(new RatioToTargetRule { Target = 98 }, 97m, max: 4).Points.ShouldBe(3.96m);
    }

    // C02: 不高于目标值1.5得满分；超出部分每0.1扣0.4分，扣完为止 (max 4)
    [Theory]
    [InlineData(1.2, 4)]
    [InlineData(1.5, 4)] // on the target
    [InlineData(1.6, 3.6)]
    [InlineData(1.65, 3.4)] // 0.15 over = 1.5 steps × 0.4 = 0.6
    [InlineData(2.5, 0)] // 10 steps × 0.4 = 4
    [InlineData(3.0, 0)] // floor
    public void Should_deduct_per_step_beyond_a_lower_is_better_target(decimal value, decimal points)
    {
        var c02 = new RatioToTargetRule { Dir = BetterDirection.Lower, Target = 1.5m, Per = 0.4m, UnitStep = 0.1m, Floor = 0 };
        ScoreOne(c02, value, max: 4, unit: "人/万车").Points.ShouldBe(points);
    }

    [Theory]
    [InlineData(StepCounting.Proportional, 3.4)]
    [InlineData(StepCounting.WholeSteps, 3.6)]
    [InlineData(StepCounting.StartedSteps, 3.2)]
    public void Should_count_partial_steps_as_the_rule_says(StepCounting counting, decimal points)
    {
        var c02 = new RatioToTargetRule { Dir = BetterDirection.Lower, Target = 1.5m, Per = 0.4m, UnitStep = 0.1m, Steps = counting };
        ScoreOne(c02, 1.65m, max: 4).Points.ShouldBe(points);
    }

    [Fact]
    public void Should_prefer_the_city_target_from_its_agreement()
    {
        var b02 = new RatioToTargetRule { Target = 100 };
        var line = ScoreOne(b02, IndicatorValue.Of(90), max: 4, targets: new Dictionary<string, decimal> { ["T01"] = 90 });
        line.Points.ShouldBe(4m);
        line.Explanation.ZhHans.ShouldContain("责任书目标90%");
    }

    [Fact]
    public void Should_score_a_zero_target_as_an_error_not_a_crash()
    {
        var line = ScoreOne(new RatioToTargetRule { Target = 100 }, IndicatorValue.Of(90), max: 4, targets: new Dictionary<string, decimal> { ["T01"] = 0 });
        line.Status.ShouldBe(LineStatus.Error);
    }

    // B01: 同比下降或持平得满分；每上升1个百分点扣0.5分，扣完为止 (max 5)
    [Theory]
    [InlineData(90, 5)] // down 10 %
    [InlineData(100, 5)] // flat
    [InlineData(101, 4.5)] // up 1 %
    [InlineData(104, 3)]
    [InlineData(110, 0)] // up 10 % × 0.5 = 5
    [InlineData(130, 0)] // floor
    public void Should_score_a_year_on_year_rise(decimal value, decimal points)
    {
        var b01 = new YoyChangeRule { Dir = BetterDirection.Lower, Per = 0.5m, UnitStep = 1, Floor = 0 };
        var reference = new ReferenceData { LastYearValues = new Dictionary<string, decimal> { ["T01"] = 100 } };
        ScoreOne(b01, value, max: 5, unit: "起", reference: reference).Points.ShouldBe(points);
    }

    // C01: 同比下降得5分；持平得4分；上升的在4分基础上每上升1个百分点扣0.5分
    [Theory]
    [InlineData(19, 5)]
    [InlineData(20, 4)]
    [InlineData(21, 1.5)] // +5 % → 4 − 2.5
    [InlineData(22, 0)] // +10 % → 4 − 5 < 0
    public void Should_score_year_on_year_with_improved_and_flat_points(decimal value, decimal points)
    {
        var c01 = new YoyChangeRule { Dir = BetterDirection.Lower, Improved = 5, Flat = 4, Per = 0.5m, UnitStep = 1, Floor = 0 };
        var reference = new ReferenceData { LastYearValues = new Dictionary<string, decimal> { ["T01"] = 20 } };
        ScoreOne(c01, value, max: 5, unit: "人", reference: reference).Points.ShouldBe(points);
    }

    [Fact]
    public void Should_not_compute_a_percent_change_from_zero()
    {
        var rule = new YoyChangeRule { Per = 0.5m };
        var reference = new ReferenceData { LastYearValues = new Dictionary<string, decimal> { ["T01"] = 0 } };
        ScoreOne(rule, 3m, max: 5, reference: reference).Status.ShouldBe(LineStatus.Error);
        ScoreOne(rule, 0m, max: 5, reference: reference).Points.ShouldBe(5m); // 0 → 0 is unchanged
        ScoreOne(rule, 3m, max: 5).Status.ShouldBe(LineStatus.Error); // no last-year value at all
    }

    [Fact]
    public void Should_score_a_reported_difference_for_higher_is_better()
    {
        var rule = new YoyChangeRule { Dir = BetterDirection.Higher, Measure = ChangeMeasure.Reported, Per = 1, Floor = 0 };
        ScoreOne(rule, -2m, max: 5).Points.ShouldBe(3m);
        ScoreOne(rule, 2m, max: 5).Points.ShouldBe(5m);
    }

    // B03: 不高于全省平均不扣分；高出不超过0.5个千分点扣1分；高出更多扣2分 (max 3)
    [Theory]
    [InlineData(1.8, 3)]
    [InlineData(2.0, 3)] // equal to the average
    [InlineData(2.01, 2)]
    [InlineData(2.5, 2)]
    [InlineData(2.51, 1)]
    public void Should_score_the_difference_to_the_province_average(decimal value, decimal points)
    {
        var b03 = new ReferenceComparisonRule { Ref = ReferenceKind.ProvinceAverage, Dir = BetterDirection.Lower, Bands = [new(0, 3), new(0.5m, 2)], Otherwise = 1 };
        var reference = new ReferenceData { ProvinceAverages = new Dictionary<string, decimal> { ["T01"] = 2.0m } };
        ScoreOne(b03, value, max: 3, unit: "‰", reference: reference).Points.ShouldBe(points);
    }

    [Fact]
    public void Should_flag_a_missing_reference_as_an_error()
    {
        var b03 = new ReferenceComparisonRule { Bands = [new(0, 3)], Otherwise = 1 };
        ScoreOne(b03, 2m, max: 3).Status.ShouldBe(LineStatus.Error);
    }

    // I01: ≥96%满分；每低1个百分点扣0.25分；低于90%的部分每低1个百分点扣0.5分；最多扣5分 (max 6)
    [Theory]
    [InlineData(96, 6)]
    [InlineData(95.99, 6)] // 0.0025 → 0.00
    [InlineData(93.5, 5.37)] // 2.5 × 0.25 = 0.625 → 0.63 (half away from zero)
    [InlineData(90, 4.5)] // 6 × 0.25
    [InlineData(89, 4)] // 1.5 + 1 × 0.5
    [InlineData(85, 2)] // 1.5 + 5 × 0.5 = 4
    [InlineData(80, 1)] // 1.5 + 10 × 0.5 = 6.5 → cap 5
    public void Should_score_a_shortfall_with_a_steeper_band_and_a_cap(decimal value, decimal points)
    {
        var i01 = new ShortfallBandsRule { FullAt = 96, Per = 0.25m, SteepBelow = 90, SteepPer = 0.5m, Cap = 5 };
        ScoreOne(i01, value, max: 6).Points.ShouldBe(points);
    }

    [Fact]
    public void Should_explain_a_shortfall_as_an_official_writes_it()
    {
        var i01 = new ShortfallBandsRule { FullAt = 96, Per = 0.25m, SteepBelow = 90, SteepPer = 0.5m, Cap = 5 };
        var definition = With(new IndicatorDefinition { Code = "I01", Name = "群众安全感", NameEn = "Public sense of safety", Unit = "%", MaxPoints = 6, Rule = i01 });
        var line = new ScoringEngine().Score(definition, new CityPeriodValues { Indicators = new Dictionary<string, IndicatorValue> { ["I01"] = IndicatorValue.Of(93.5m) } }).Lines[0];
        line.Explanation.ZhHans.ShouldBe("群众安全感 93.5%，低于96%共2.5个百分点，扣0.63分（最多扣5分），得5.37分");
        line.Explanation.En.ShouldBe("Public sense of safety 93.5%, 2.5 percentage points below 96%, −0.63 (at most 5), scores 5.37");
    }

    // I02: ≥90%满分；每低1个百分点扣0.25分，扣完为止 (max 2)
    [Theory]
    [InlineData(90, 2)]
    [InlineData(86, 1)]
    [InlineData(82, 0)]
    [InlineData(50, 0)]
    public void Should_floor_a_shortfall_at_zero(decimal value, decimal points)
    {
        var i02 = new ShortfallBandsRule { FullAt = 90, Per = 0.25m, Floor = 0 };
        ScoreOne(i02, value, max: 2).Points.ShouldBe(points);
    }

    [Fact]
    public void Should_score_by_rank_with_drop_and_rise_adjustments()
    {
        // rank 1–5 → 60/57/54/51/48; dropping 5+ places −1, 10+ −2; rising 5+ places +0.5
        var rule = new RankBasedRule
        {
            Ranks = [new() { Rank = 1, Points = 60 }, new() { Rank = 2, Points = 57 }, new() { Rank = 3, Points = 54 }, new() { Rank = 4, Points = 51 }, new() { Rank = 5, Points = 48 }],
            Otherwise = 45,
            DropPenalties = [new() { Places = 5, Points = 1 }, new() { Places = 10, Points = 2 }],
            RiseBonuses = [new() { Places = 5, Points = 0.5m }],
        };
        ReferenceData Ref(int rank, int last) => new()
        {
            Ranks = new Dictionary<string, int> { ["T01"] = rank },
            LastYearRanks = new Dictionary<string, int> { ["T01"] = last },
        };

        ScoreOne(rule, null, max: 60, reference: Ref(1, 1)).Points.ShouldBe(60m);
        ScoreOne(rule, null, max: 60, reference: Ref(5, 1)).Points.ShouldBe(48m); // dropped 4: no penalty
        ScoreOne(rule, null, max: 60, reference: Ref(6, 1)).Points.ShouldBe(44m); // 45 − 1
        ScoreOne(rule, null, max: 60, reference: Ref(12, 2)).Points.ShouldBe(43m); // 45 − 2
        ScoreOne(rule, null, max: 60, reference: Ref(2, 7)).Points.ShouldBe(57.5m); // 57 + 0.5
        ScoreOne(rule, null, max: 60, reference: Ref(1, 9)).Points.ShouldBe(60m); // stays within max
        ScoreOne(rule, null, max: 60).Status.ShouldBe(LineStatus.Unreported);
    }

    // I04: 上升或持平得2分；下降1至4位得1.5分；下降5至9位得1分；下降10位及以上得0分
    [Theory]
    [InlineData(3, 5, 2)] // rose 2
    [InlineData(5, 5, 2)] // unchanged
    [InlineData(6, 5, 1.5)] // dropped 1
    [InlineData(9, 5, 1.5)] // dropped 4
    [InlineData(10, 5, 1)] // dropped 5
    [InlineData(14, 5, 1)] // dropped 9
    [InlineData(15, 5, 0)] // dropped 10
    public void Should_score_a_rank_change_by_drop_bands(int rank, int lastRank, decimal points)
    {
        var i04 = new RankChangeRule { DropBands = [new(0, 2), new(4, 1.5m), new(9, 1)], Otherwise = 0 };
        var reference = new ReferenceData
        {
            Ranks = new Dictionary<string, int> { ["T01"] = rank },
            LastYearRanks = new Dictionary<string, int> { ["T01"] = lastRank },
        };
        ScoreOne(i04, null, max: 2, unit: "名次", reference: reference).Points.ShouldBe(points);
    }

    [Fact]
    public void Should_read_a_rank_from_the_reported_value_and_flag_a_missing_last_year_rank()
    {
        var i04 = new RankChangeRule { DropBands = [new(0, 2), new(4, 1.5m)], Otherwise = 0, RiseBonuses = [new() { Places = 3, Points = 1 }] };
        var reference = new ReferenceData { LastYearRanks = new Dictionary<string, int> { ["T01"] = 6 } };
        ScoreOne(i04, 7m, max: 3, reference: reference).Points.ShouldBe(1.5m);
        ScoreOne(i04, 2m, max: 3, reference: reference).Points.ShouldBe(3m); // 2 + rise bonus 1
        ScoreOne(i04, 2m, max: 3).Status.ShouldBe(LineStatus.Error);
    }

    // F01: 优4分、良3.2分、中2.4分、差1.6分
    [Theory]
    [InlineData("优", 4)]
    [InlineData("良", 3.2)]
    [InlineData("中", 2.4)]
    [InlineData("差", 1.6)]
    public void Should_score_a_qualitative_grade_as_a_share_of_the_points(string grade, decimal points)
    {
        var f01 = new QualitativeGradeRule { Grades = [new() { Grade = "优", Percent = 100 }, new() { Grade = "良", Percent = 80 }, new() { Grade = "中", Percent = 60 }, new() { Grade = "差", Percent = 40 }] };
        ScoreOne(f01, IndicatorValue.Graded(grade), max: 4).Points.ShouldBe(points);
    }

    [Fact]
    public void Should_flag_an_unknown_grade_as_an_error()
    {
        var f01 = new QualitativeGradeRule { Grades = [new() { Grade = "优", Percent = 100 }] };
        ScoreOne(f01, IndicatorValue.Graded("甲"), max: 4).Status.ShouldBe(LineStatus.Error);
        ScoreOne(f01, new IndicatorValue(), max: 4).Status.ShouldBe(LineStatus.Unreported);
    }

    // A02: 三项齐全得满分，每缺1项扣1分
    [Fact]
    public void Should_deduct_each_missing_checklist_item()
    {
        var a02 = new ChecklistRule { Items = ["制度", "台账", "处置预案"], Per = 1 };
        ScoreOne(a02, IndicatorValue.Present("制度", "台账", "处置预案"), max: 3).Points.ShouldBe(3m);
        var line = ScoreOne(a02, IndicatorValue.Present("制度"), max: 3);
        line.Points.ShouldBe(1m);
        line.Explanation.ZhHans.ShouldContain("缺少台账、处置预案共2项");
        ScoreOne(a02, IndicatorValue.Present(), max: 3).Points.ShouldBe(0m);
        ScoreOne(a02, IndicatorValue.Present("演练"), max: 3).Status.ShouldBe(LineStatus.Error);
        ScoreOne(a02 with { Cap = 1.5m }, IndicatorValue.Present(), max: 3).Points.ShouldBe(1.5m);
    }

    [Fact]
    public void Should_combine_survey_rates_with_weights()
    {
        var rule = new SurveyCompositeRule
        {
            Components = [new() { Key = "safety", Name = "安全感", Weight = 2 }, new() { Key = "satisfaction", Name = "满意度", Weight = 1 }],
            FullAt = 95,
        };
        // (2 × 90 + 1 × 84) / 3 = 88 ; 6 × 88 / 95 = 5.557… → 5.56
        ScoreOne(rule, IndicatorValue.Survey(new Dictionary<string, decimal> { ["safety"] = 90, ["satisfaction"] = 84 }), max: 6).Points.ShouldBe(5.56m);
        ScoreOne(rule, IndicatorValue.Survey(new Dictionary<string, decimal> { ["safety"] = 99, ["satisfaction"] = 98 }), max: 6).Points.ShouldBe(6m);
        var partial = ScoreOne(rule, IndicatorValue.Survey(new Dictionary<string, decimal> { ["safety"] = 90 }), max: 6);
        partial.Status.ShouldBe(LineStatus.Unreported);
        partial.Explanation.ZhHans.ShouldContain("满意度");
    }

    [Fact]
    public void Should_score_a_formula_rule_within_zero_and_max()
    {
        var rule = new FormulaRule { Expression = "max × value ÷ target" };
        var indicator = Indicator("T01", 4, rule) with { Target = 80 };
        var definition = With(indicator);
        var engine = new ScoringEngine();
        CityPeriodValues Values(decimal v) => new() { Indicators = new Dictionary<string, IndicatorValue> { ["T01"] = IndicatorValue.Of(v) } };
        engine.Score(definition, Values(60)).Lines[0].Points.ShouldBe(3m);
        engine.Score(definition, Values(100)).Lines[0].Points.ShouldBe(4m); // clamped to max
        engine.Score(definition, Values(-10)).Lines[0].Points.ShouldBe(0m); // clamped to 0
    }

    [Fact]
    public void Should_score_an_absurd_value_as_an_error_not_a_crash()
    {
        ScoreOne(new PerOccurrenceDeductionRule { Per = 2 }, decimal.MaxValue, max: 4).Status.ShouldBe(LineStatus.Error);
        ScoreOne(new RankChangeRule { DropBands = [new(0, 2)] }, decimal.MaxValue, max: 2, reference: new ReferenceData { LastYearRanks = new Dictionary<string, int> { ["T01"] = 1 } }).Status.ShouldBe(LineStatus.Error);
        ScoreOne(new ShortfallBandsRule { FullAt = 96, Per = decimal.MaxValue }, decimal.MinValue / 2, max: 4).Status.ShouldBe(LineStatus.Error);
    }
}
