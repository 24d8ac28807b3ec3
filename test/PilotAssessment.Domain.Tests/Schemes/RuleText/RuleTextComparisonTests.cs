using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.SampleData;
using Shouldly;
using Xunit;

namespace PilotAssessment.Schemes.RuleText;

public class RuleTextComparisonTests
{
    private static readonly SchemeDefinition Sample = SampleSchemeLoader.Load().Definition;

    private static IndicatorDefinition B04 => Sample.AllIndicators().Single(i => i.Code == "B04");

    [Fact]
    public void Should_find_the_official_wording_of_the_sample_in_agreement_with_every_rule()
    {
        foreach (var indicator in Sample.AllIndicators())
        {
            RuleTextComparison.Check(indicator, Sample).StaleNumbers.ShouldBeEmpty(indicator.Code);
        }
    }

    [Fact]
    public void Should_flag_B04_when_its_top_band_moved_from_95_to_90_and_the_text_still_says_95()
    {
        var edited = B04 with
        {
            Rule = new ThresholdBandsRule { Bands = [new(90, 3), new(85, 2), new(70, 1), new(0, 0)] },
        };

        var check = RuleTextComparison.Check(edited);

        check.Disagrees.ShouldBeTrue();
        check.StaleNumbers.ShouldBe([95m]);
        check.Generated.ZhHans.ShouldStartWith("≥90%得3分");
    }

    [Fact]
    public void Should_flag_changed_points_too()
    {
        var edited = B04 with
        {
            Rule = new ThresholdBandsRule { Bands = [new(95, 3), new(85, 2.5m), new(70, 1), new(0, 0)] },
        };

        RuleTextComparison.Check(edited).StaleNumbers.ShouldBe([2m]);
    }

    [Fact]
    public void Should_agree_again_once_the_official_wording_is_updated()
    {
        var edited = B04 with
        {
            Rule = new ThresholdBandsRule { Bands = [new(90, 3), new(85, 2), new(70, 1), new(0, 0)] },
            RuleText = "≥90%得3分；≥85%得2分；≥70%得1分；其余0分",
        };

        RuleTextComparison.Check(edited).Disagrees.ShouldBeFalse();
    }

    [Fact]
    public void Should_not_compare_without_an_official_wording()
    {
        var edited = B04 with { RuleText = null, Rule = new ThresholdBandsRule { Bands = [new(90, 3)] } };

        RuleTextComparison.Check(edited).Disagrees.ShouldBeFalse();
    }

    [Fact]
    public void Should_ignore_the_indicator_name_years_and_chinese_numerals()
    {
        var indicator = new IndicatorDefinition
        {
            Code = "E09",
            Name = "12345热线满意度",
            Unit = "%",
            MaxPoints = 2,
            Rule = new ThresholdBandsRule { Bands = [new(90, 2)] },
            RuleText = "按2026年12345热线满意度计：三项指标≥90%得2分",
        };

        RuleTextComparison.Check(indicator).StaleNumbers.ShouldBeEmpty();
    }

    [Fact]
    public void Should_read_numbers_as_values()
    {
        RuleTextComparison.Numbers("≥95.0%得3分，每0.10扣0.5分").ShouldBe([95m, 3m, 0.1m, 0.5m]);
    }
}
