using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.Validation;
using Shouldly;
using Xunit;
using static PilotAssessment.Schemes.TestSchemes;

namespace PilotAssessment.Schemes;

public class SchemeValidatorTests
{
    private readonly SchemeValidator _validator = new();

    private IReadOnlyList<SchemeProblem> ValidateRule(ScoringRule rule, decimal max = 10) =>
        _validator.Validate(With(Indicator("T01", max, rule)), 100);

    private static void ShouldHave(IReadOnlyList<SchemeProblem> problems, string code, params object?[] arguments)
    {
        problems.ShouldContain(p => p.Code == code && p.Target == "T01" && (arguments.Length == 0 || p.Arguments.SequenceEqual(arguments)),
            $"expected {code} ({string.Join(", ", arguments)}) among: {string.Join("; ", problems.Select(p => $"{p.Target} {p.Code}({string.Join(", ", p.Arguments)})"))}");
    }

    [Fact]
    public void Should_accept_a_complete_scheme()
    {
        _validator.Validate(With(Indicator("T01", 3, new ThresholdBandsRule { Bands = [new(95, 3), new(85, 2)] })), 100).ShouldBeEmpty();
    }

    [Fact]
    public void Should_require_points_to_add_up_to_the_scale()
    {
        var definition = With(Indicator("T01", 100, new ThresholdBandsRule { Bands = [new(0, 100)] }));
        var problem = _validator.Validate(definition, 1000).ShouldHaveSingleItem();
        problem.Target.ShouldBe(SchemeProblem.SchemeTarget);
        problem.Code.ShouldBe(SchemeErrorCodes.PointsDoNotAddUp);
        problem.Arguments.ShouldBe([100m, 1000]);
        _validator.Validate(definition, 99).ShouldContain(p => p.Code == SchemeErrorCodes.InvalidScale);
    }

    [Fact]
    public void Should_find_duplicate_codes_across_categories_indicators_bonus_and_vetoes()
    {
        var rule = new ThresholdBandsRule { Bands = [new(0, 50)] };
        var definition = new SchemeDefinition
        {
            Categories =
            [
                new CategoryDefinition { Code = "A", Name = "甲", Indicators = [Indicator("A01", 50, rule)] },
                new CategoryDefinition { Code = "A", Name = "乙", Indicators = [Indicator("A01", 50, rule)] },
            ],
            Bonus = new BonusDefinition { Items = [new() { Code = "X", Name = "加", PointsPerInstance = 1 }, new() { Code = "X", Name = "加", PointsPerInstance = 1 }] },
            Vetoes =
            [
                new VetoRuleDefinition { Code = "V", Name = "否", TriggerFact = "f", Consequence = new TotalZeroedConsequence() },
                new VetoRuleDefinition { Code = "V", Name = "否", TriggerFact = "f", Consequence = new TotalZeroedConsequence() },
            ],
            Grades = Grades,
        };
        var duplicates = _validator.Validate(definition, 100).Where(p => p.Code == SchemeErrorCodes.DuplicateCode).Select(p => p.Target).ToList();
        duplicates.ShouldBe(["A", "A01", "X", "V"], ignoreOrder: true);
    }

    [Fact]
    public void Should_limit_categories_to_three_levels()
    {
        var leaf = new CategoryDefinition { Code = "L4", Name = "四级", Indicators = [Indicator("T01", 100, new ThresholdBandsRule { Bands = [new(0, 100)] })] };
        var tree = new CategoryDefinition
        {
            Code = "L1",
            Name = "一级",
            Children = [new CategoryDefinition { Code = "L2", Name = "二级", Children = [new CategoryDefinition { Code = "L3", Name = "三级", Children = [leaf] }] }],
        };
        var problem = _validator.Validate(new SchemeDefinition { Categories = [tree], Grades = Grades }, 100).ShouldHaveSingleItem();
        problem.Target.ShouldBe("L4");
        problem.Code.ShouldBe(SchemeErrorCodes.CategoryTooDeep);
    }

    [Fact]
    public void Should_find_empty_categories_and_non_positive_points()
    {
        var definition = new SchemeDefinition
        {
            Categories =
            [
                new CategoryDefinition { Code = "E", Name = "空" },
                new CategoryDefinition { Code = "A", Name = "甲", Indicators = [Indicator("T01", 0, new ThresholdBandsRule { Bands = [new(0, 0)] })] },
            ],
            Grades = Grades,
        };
        var problems = _validator.Validate(definition, 100);
        problems.ShouldContain(p => p.Target == "E" && p.Code == SchemeErrorCodes.CategoryEmpty);
        problems.ShouldContain(p => p.Target == "T01" && p.Code == SchemeErrorCodes.MaxPointsNotPositive);
    }

    [Fact]
    public void Should_require_bands_strictly_ordered_best_first()
    {
        ShouldHave(ValidateRule(new ThresholdBandsRule { Bands = [new(85, 2), new(95, 3)] }), SchemeErrorCodes.BandsNotOrdered, "bands", 1);
        ShouldHave(ValidateRule(new ThresholdBandsRule { Bands = [new(95, 3), new(95, 2)] }), SchemeErrorCodes.BandsNotOrdered, "bands", 1);
        ShouldHave(ValidateRule(new ThresholdBandsRule { Dir = BetterDirection.Lower, Bands = [new(10, 1), new(5, 2)] }), SchemeErrorCodes.BandsNotOrdered, "bands", 1);
        ShouldHave(ValidateRule(new ThresholdBandsRule { Bands = [new(95, 2), new(85, 3)] }), SchemeErrorCodes.BandPointsNotMonotonic, "bands", 1);
        ShouldHave(ValidateRule(new ThresholdBandsRule { Bands = [] }), SchemeErrorCodes.BandsEmpty, "bands");
    }

    [Fact]
    public void Should_keep_band_points_between_zero_and_the_maximum()
    {
        ShouldHave(ValidateRule(new ThresholdBandsRule { Bands = [new(95, 12)] }), SchemeErrorCodes.ParameterAboveMax, "bands[0].points", 12m, 10m);
        ShouldHave(ValidateRule(new ThresholdBandsRule { Bands = [new(95, -1)] }), SchemeErrorCodes.ParameterNegative, "bands[0].points", -1m);
        ShouldHave(ValidateRule(new ThresholdBandsRule { Bands = [new(-5, 1)] }), SchemeErrorCodes.ParameterNegative, "bands[0].at", -5m);
    }

    [Fact]
    public void Should_require_complete_deduction_parameters()
    {
        ShouldHave(ValidateRule(new PerOccurrenceDeductionRule()), SchemeErrorCodes.ParameterMissing, "per");
        ShouldHave(ValidateRule(new PerOccurrenceDeductionRule { Per = 1, Cap = 11 }), SchemeErrorCodes.ParameterAboveMax, "cap", 11m, 10m);
        ShouldHave(ValidateRule(new PerOccurrenceDeductionRule { Per = -1 }), SchemeErrorCodes.ParameterNegative, "per", -1m);
        ShouldHave(ValidateRule(new PerOccurrenceDeductionRule { Rates = [new() { Type = "a", Per = 1 }, new() { Type = "a", Per = 2 }] }), SchemeErrorCodes.DuplicateKey, "rates", "a");
        ShouldHave(ValidateRule(new ShortfallBandsRule { Per = 0.25m }), SchemeErrorCodes.ParameterMissing, "full_at");
        ShouldHave(ValidateRule(new ShortfallBandsRule { FullAt = 96, Per = 0.25m, SteepBelow = 90 }), SchemeErrorCodes.ParameterMissing, "steep_per");
        ShouldHave(ValidateRule(new ShortfallBandsRule { FullAt = 96, Per = 0.25m, SteepBelow = 97, SteepPer = 1 }), SchemeErrorCodes.BandsNotOrdered, "steep_below", 1);
        ShouldHave(ValidateRule(new ShortfallBandsRule { FullAt = 96, Per = 0.25m, UnitStep = 0 }), SchemeErrorCodes.ParameterNotPositive, "unit_step", 0m);
        ShouldHave(ValidateRule(new YoyChangeRule { Per = 0.5m, Improved = 3, Flat = 4 }), SchemeErrorCodes.BandPointsNotMonotonic, "flat", 1);
        ShouldHave(ValidateRule(new YoyChangeRule()), SchemeErrorCodes.ParameterMissing, "per");
        ShouldHave(ValidateRule(new RatioToTargetRule()), SchemeErrorCodes.ParameterMissing, "target");
        ShouldHave(ValidateRule(new RatioToTargetRule { Target = 0 }), SchemeErrorCodes.ParameterNotPositive, "target", 0m);
        _validator.Validate(With(Indicator("T01", 10, new RatioToTargetRule()) with { Target = 95 }), 100).ShouldBeEmpty(); // the indicator's target serves
        ShouldHave(ValidateRule(new ChecklistRule { Per = 1 }), SchemeErrorCodes.ParameterMissing, "items");
        ShouldHave(ValidateRule(new ChecklistRule { Items = ["a", "a"], Per = 1 }), SchemeErrorCodes.DuplicateKey, "items", "a");
    }

    [Fact]
    public void Should_check_rank_grade_survey_and_formula_parameters()
    {
        ShouldHave(ValidateRule(new RankBasedRule { Ranks = [new() { Rank = 2, Points = 5 }, new() { Rank = 1, Points = 6 }] }), SchemeErrorCodes.BandsNotOrdered, "ranks", 1);
        ShouldHave(ValidateRule(new RankChangeRule { DropBands = [new(4, 1), new(0, 2)] }), SchemeErrorCodes.BandsNotOrdered, "drop_bands", 1);
        ShouldHave(ValidateRule(new QualitativeGradeRule { Grades = [new() { Grade = "优", Percent = 120 }] }), SchemeErrorCodes.ParameterOutOfRange);
        ShouldHave(ValidateRule(new QualitativeGradeRule { Grades = [new() { Grade = "良", Percent = 80 }, new() { Grade = "优", Percent = 100 }] }), SchemeErrorCodes.BandPointsNotMonotonic, "grades", 1);
        ShouldHave(ValidateRule(new SurveyCompositeRule { Components = [new() { Key = "a", Weight = 0 }] }), SchemeErrorCodes.ParameterNotPositive, "components[0].weight", 0m);
        ShouldHave(ValidateRule(new FormulaRule()), SchemeErrorCodes.FormulaMissing, "expression");
    }

    [Fact]
    public void Should_check_grades_colours_and_veto_grades()
    {
        var definition = With(Indicator("T01", 100, new ThresholdBandsRule { Bands = [new(0, 100)] })) with
        {
            Grades = [new() { Name = "良好", MinScore = 80 }, new() { Name = "优秀", MinScore = 90 }],
            Colours = [new() { Name = "绿", MinPercent = 90 }, new() { Name = "红", MinPercent = 120 }],
            Vetoes =
            [
                new VetoRuleDefinition { Code = "V1", Name = "否", TriggerFact = "f", Consequence = new GradeSetConsequence { Grade = "差" } },
                new VetoRuleDefinition { Code = "V2", Name = "否", TriggerFact = " ", Consequence = new FixedDeductionConsequence { Points = 0 } },
            ],
        };
        var problems = _validator.Validate(definition, 100);
        problems.ShouldContain(p => p.Target == "grades" && p.Code == SchemeErrorCodes.GradeBandsInvalid);
        problems.ShouldContain(p => p.Target == "colours" && p.Code == SchemeErrorCodes.ColourBandsInvalid);
        problems.ShouldContain(p => p.Target == "V1" && p.Code == SchemeErrorCodes.UnknownGrade);
        problems.ShouldContain(p => p.Target == "V2" && p.Code == SchemeErrorCodes.VetoTriggerMissing);
        problems.ShouldContain(p => p.Target == "V2" && p.Code == SchemeErrorCodes.ParameterNotPositive);
    }

    [Fact]
    public void Should_feed_only_a_per_occurrence_rule_from_the_supervision_register()
    {
        var fed = Indicator("T01", 100, new PerOccurrenceDeductionRule { Per = 1, Cap = 100 }) with { OccurrenceSource = Supervision.IndicatorOccurrenceSource.Supervision };
        _validator.Validate(With(fed), 100).ShouldBeEmpty();
        _validator.Validate(With(fed with { OccurrenceSource = Supervision.IndicatorOccurrenceSource.Entry, Rule = new ThresholdBandsRule { Bands = [new(0, 100)] } }), 100).ShouldBeEmpty();

        ShouldHave(_validator.Validate(With(fed with { Rule = new ThresholdBandsRule { Bands = [new(0, 100)] } }), 100), SchemeErrorCodes.OccurrenceSourceNeedsPerOccurrence);
        ShouldHave(_validator.Validate(With(fed with { Rule = new ChecklistRule { Items = ["台账"], Per = 1 } }), 100), SchemeErrorCodes.OccurrenceSourceNeedsPerOccurrence);
        ShouldHave(_validator.Validate(With(fed with { Formula = "1" }), 100), SchemeErrorCodes.OccurrenceSourceNeedsPerOccurrence);
    }

    [Fact]
    public void Should_have_zh_Hans_and_en_texts_for_every_code()
    {
        var codes = typeof(SchemeErrorCodes).GetFields().Select(f => (string)f.GetValue(null)!).ToList();
        codes.Count.ShouldBeGreaterThan(40);
        foreach (var culture in new[] { "zh-Hans", "en" })
        {
            var texts = Localization.JsonStringLocalizer.GetTexts(culture);
            codes.Where(c => !texts.ContainsKey(c)).ShouldBeEmpty($"missing {culture} texts");
        }
    }
}
