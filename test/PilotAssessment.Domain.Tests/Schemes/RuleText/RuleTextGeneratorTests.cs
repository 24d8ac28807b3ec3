using System.Text.RegularExpressions;
using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.SampleData;
using Shouldly;
using Xunit;

namespace PilotAssessment.Schemes.RuleText;

public class RuleTextGeneratorTests
{
    private static readonly SchemeDefinition Sample = SampleSchemeLoader.Load().Definition;

    private static IndicatorDefinition Sampled(string code) => Sample.AllIndicators().Single(i => i.Code == code);

    private static IndicatorDefinition Indicator(ScoringRule rule, decimal max = 4, string? unit = "%") =>
        new() { Code = "T01", Name = "测试指标", Unit = unit, MaxPoints = max, Rule = rule };

    // threshold_bands (both directions), per_occurrence_deduction (per, rates, cap), ratio_to_target (both directions),
    // yoy_change (with and without improved/flat), reference_comparison, shortfall_bands, rank_change, qualitative_grade, checklist
    [Theory]
    [InlineData("A03", "每发生1次扣1分；最多扣3分。", "1 point off for each occurrence; at most 3 points off.")]
    [InlineData("B01", "按同比变化率：同比下降或持平得5分；上升的在5分基础上每上升1%扣0.5分；扣完为止。", "By the change on last year in percent: down or unchanged: 5 points; up: 0.5 points off the 5 points for every 1% up; down to 0.")]
    [InlineData("B02", "目标100%；得分=4分×实际值/目标值，最高4分。", "Target 100%; points = 4 × actual / target, at most 4 points.")]
    [InlineData("B03", "不高于全省平均得3分；高出全省平均不超过0.5个千分点得2分；其余得1分。", "Not above the province average: 3 points; at most 0.5 per-mille points above the province average: 2 points; otherwise 1 point.")]
    [InlineData("B04", "≥95%得3分；≥85%得2分；≥70%得1分；其余得0分。", "≥ 95%: 3 points; ≥ 85%: 2 points; ≥ 70%: 1 point; otherwise 0 points.")]
    [InlineData("C01", "按同比变化率：同比下降得5分；持平得4分；上升的在4分基础上每上升1%扣0.5分；扣完为止。", "By the change on last year in percent: down: 5 points; unchanged: 4 points; up: 0.5 points off the 4 points for every 1% up; down to 0.")]
    [InlineData("C02", "不高于目标值1.5人/万车得满分4分；超出部分每0.1人/万车扣0.4分；扣完为止。", "At or below the target 1.5 deaths per 10,000 vehicles: full 4 points; 0.4 points off for every 0.1 deaths per 10,000 vehicles over it; down to 0.")]
    [InlineData("D02", "到省每批次扣1分；到京每批次扣3分；扣完为止。", "1 point off for each occurrence to the province; 3 points off for each occurrence to Beijing; down to 0.")]
    [InlineData("F01", "按评定等次计分：优4分（100%）、良3.2分（80%）、中2.4分（60%）、差1.6分（40%）。", "By the grade awarded: 优 4 points (100%), 良 3.2 points (80%), 中 2.4 points (60%), 差 1.6 points (40%).")]
    [InlineData("G02", "≤5%得2分；≤10%得1分；其余得0分。", "≤ 5%: 2 points; ≤ 10%: 1 point; otherwise 0 points.")]
    [InlineData("G03", "计划、活动、台账共3项齐全得满分3分；每缺1项扣1分；扣完为止。", "All 3 items present (计划, 活动, 台账): full 3 points; 1 point off for each missing item; down to 0.")]
    [InlineData("I01", "≥96%得满分6分；低于96%的每低1个百分点扣0.25分；低于90%的部分每低1个百分点扣0.5分；最多扣5分。", "≥ 96%: full 6 points; below it, 0.25 points off for every 1 percentage point; the part below 90% at 0.5 points for every 1 percentage point; at most 5 points off.")]
    [InlineData("I04", "全省名次较上年上升或持平得2分；下降1至4位得1.5分；下降5至9位得1分；下降10位及以上得0分。", "Rank rose or unchanged on last year: 2 points; dropped 1 to 4 places: 1.5 points; dropped 5 to 9 places: 1 point; dropped 10 places or more: 0 points.")]
    public void Should_write_the_sample_rules_in_both_languages(string code, string zhHans, string en)
    {
        var text = RuleTextGenerator.Generate(Sampled(code), Sample);

        text.ZhHans.ShouldBe(zhHans);
        text.En.ShouldBe(en);
    }

    [Fact]
    public void Should_write_a_doubling_flag_in_words()
    {
        var text = RuleTextGenerator.Generate(Sampled("C03"));

        text.ZhHans.ShouldBe("每发生1起扣1.5分；重大活动安保期间发生的加倍扣分；扣完为止。");
        text.En.ShouldBe("1.5 points off for each occurrence; doubled during a major-event security period; down to 0.");
    }

    [Fact]
    public void Should_write_rank_based_rules()
    {
        var rule = new RankBasedRule
        {
            Ranks = [new() { Rank = 1, Points = 6 }, new() { Rank = 2, Points = 5.7m }],
            Otherwise = 4,
            DropPenalties = [new() { Places = 3, Points = 1 }],
            RiseBonuses = [new() { Places = 2, Points = 0.5m }],
        };

        var text = RuleTextGenerator.Generate(Indicator(rule, max: 6, unit: "名次"));

        text.ZhHans.ShouldBe("全省第1名得6分、第2名得5.7分；其余名次得4分；较上年下降3位及以上扣1分；较上年上升2位及以上加0.5分，不超过分值。");
        text.En.ShouldBe("By rank in the province: rank 1: 6 points, rank 2: 5.7 points; other ranks 4 points; dropping 3 places or more on last year: 1 point off; rising 2 places or more on last year: 0.5 points added, within the maximum.");
    }

    [Fact]
    public void Should_write_survey_composites_with_component_names()
    {
        var rule = new SurveyCompositeRule
        {
            Components = [new() { Key = "safety", Name = "安全感", NameEn = "Safety", Weight = 2 }, new() { Key = "satisfaction", Name = "满意度", Weight = 1 }],
            FullAt = 95,
        };

        var text = RuleTextGenerator.Generate(Indicator(rule, max: 10));

        text.ZhHans.ShouldBe("安全感（权重2）、满意度（权重1）加权综合；综合达到95%得满分10分，不足的按比例计分。");
        text.En.ShouldBe("Weighted composite of Safety (weight 2), 满意度 (weight 1); 95% or more: full 10 points, less: in proportion.");
    }

    [Fact]
    public void Should_write_formulas_with_names_instead_of_codes()
    {
        var definition = new SchemeDefinition
        {
            DataItems = [new() { Code = "population", Name = "常住人口", NameEn = "Population" }],
        };
        var rule = new FormulaRule { Expression = "min(max, value / population * 1000)" };

        var text = RuleTextGenerator.Generate(Indicator(rule, max: 5), definition);

        text.ZhHans.ShouldBe("得分=min(分值, 实际值 / 常住人口 * 1000)，在0至5分之间。");
        text.En.ShouldBe("Points = min(maximum, actual / Population * 1000), between 0 and 5.");
    }

    [Fact]
    public void Should_write_lower_is_better_targets_without_a_step_and_missing_values_scoring_full()
    {
        var rule = new RatioToTargetRule { Dir = BetterDirection.Lower, Target = 2, Floor = 1, MissingScoresFull = true };

        var text = RuleTextGenerator.Generate(Indicator(rule, unit: "‰"));

        text.ZhHans.ShouldBe("不高于目标值2‰得满分4分；超出的得分=4分×目标值/实际值；最低得1分；未填报的得满分。");
        text.En.ShouldBe("At or below the target 2‰: full 4 points; over it, points = 4 × target / actual; no less than 1 point; not reported: full points.");
    }

    [Fact]
    public void Should_say_how_whole_steps_count()
    {
        var rule = new ShortfallBandsRule { FullAt = 90, Per = 1, UnitStep = 2, Steps = StepCounting.WholeSteps, Floor = 0 };

        var text = RuleTextGenerator.Generate(Indicator(rule));

        text.ZhHans.ShouldBe("≥90%得满分4分；低于90%的每低2个百分点扣1分；不足2个百分点的部分不扣分；扣完为止。");
        text.En.ShouldBe("≥ 90%: full 4 points; below it, 1 point off for every 2 percentage points; a part short of 2 percentage points is not counted; down to 0.");
    }

    [Fact]
    public void Should_write_a_difference_year_on_year_with_a_cap()
    {
        var rule = new YoyChangeRule { Dir = BetterDirection.Higher, Measure = ChangeMeasure.Difference, Per = 1, UnitStep = 1, Cap = 2 };

        var text = RuleTextGenerator.Generate(Indicator(rule));

        text.ZhHans.ShouldBe("按与上年之差：同比上升或持平得4分；下降的在4分基础上每下降1个百分点扣1分；最多扣2分。");
        text.En.ShouldBe("By the difference from last year: up or unchanged: 4 points; down: 1 point off the 4 points for every 1 percentage point down; at most 2 points off.");
    }

    [Fact]
    public void Should_never_show_parameter_keys_codes_or_booleans()
    {
        var snakeOrBoolean = new Regex(@"[a-z]+_[a-z]+|\btrue\b|\bfalse\b|\bnull\b|[A-Z]\d\d", RegexOptions.IgnoreCase);
        foreach (var indicator in Sample.AllIndicators())
        {
            var text = RuleTextGenerator.Generate(indicator, Sample);
            snakeOrBoolean.IsMatch(text.ZhHans).ShouldBeFalse(text.ZhHans);
            snakeOrBoolean.IsMatch(text.En).ShouldBeFalse(text.En);
        }
    }
}
