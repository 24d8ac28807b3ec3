using PilotAssessment.Schemes.Rules;
using PilotAssessment.Schemes.Scoring;

namespace PilotAssessment.Schemes;

/// <summary>Small schemes for tests: one indicator with the rule under test, filled up to 100 points.</summary>
internal static class TestSchemes
{
    public static readonly IReadOnlyList<GradeBand> Grades =
    [
        new() { Name = "优秀", Key = "excellent", MinScore = 90 },
        new() { Name = "良好", Key = "good", MinScore = 80 },
        new() { Name = "合格", Key = "pass", MinScore = 60 },
        new() { Name = "不合格", Key = "fail", MinScore = 0 },
    ];

    public static readonly IReadOnlyList<ColourBand> Colours =
    [
        new() { Name = "绿", MinPercent = 90 },
        new() { Name = "蓝", MinPercent = 80 },
        new() { Name = "橙", MinPercent = 70 },
        new() { Name = "红", MinPercent = 0 },
    ];

    public static IndicatorDefinition Indicator(string code, decimal max, ScoringRule rule, string? unit = "%", string? formula = null) => new()
    {
        Code = code,
        Name = code + "指标",
        Unit = unit,
        MaxPoints = max,
        Rule = rule,
        Formula = formula,
    };

    /// <summary>The indicator under test plus a filler indicator "Z99" so the points add up to 100.</summary>
    public static SchemeDefinition With(params IndicatorDefinition[] indicators)
    {
        var filler = 100m - indicators.Sum(i => i.MaxPoints);
        var all = filler > 0
            ? indicators.Append(Indicator("Z99", filler, new ThresholdBandsRule { Bands = [new ScoreBand(0, filler)] })).ToList()
            : indicators.ToList();
        return new SchemeDefinition
        {
            Categories = [new CategoryDefinition { Code = "T", Name = "测试", Indicators = all }],
            Grades = Grades,
            Colours = Colours,
        };
    }

    public static ScoreLine ScoreOne(ScoringRule rule, IndicatorValue? value, decimal max = 10m, string? unit = "%", ReferenceData? reference = null, IReadOnlyDictionary<string, decimal>? targets = null)
    {
        var definition = With(Indicator("T01", max, rule, unit));
        var values = new CityPeriodValues
        {
            Indicators = value is null ? new Dictionary<string, IndicatorValue>() : new Dictionary<string, IndicatorValue> { ["T01"] = value },
        };
        return new ScoringEngine().Score(definition, values, reference, targets).Lines[0];
    }

    public static ScoreLine ScoreOne(ScoringRule rule, decimal value, decimal max = 10m, string? unit = "%", ReferenceData? reference = null) =>
        ScoreOne(rule, IndicatorValue.Of(value), max, unit, reference);
}
